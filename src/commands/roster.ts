import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { listPairs } from '../db/pairs';
import { getPerson } from '../db/people';
import { dropFolders } from '../inbox/localSource';
import { endpointLabel } from '../mail/serverProblem';
import { anyoneInMatching } from '../db/matching';
import { loadCohort } from '../matching/flow/cohort';
import { importRoster } from '../roster/apply';
import { decodeRoster } from '../roster/decode';
import { describeChange } from '../roster/plan';
import { parseNow, readInput, type CliContext } from './context';

/** init, import and people: setting up and reading the roster. */
export function registerRosterCommands(program: Command, ctx: CliContext): void {
  const { out } = ctx;
  program
    .command('init')
    .description('create the database and, in local mode, the mail folders')
    .action(async () => {
      const c = ctx.config();
      await ctx.withApp(c, () => undefined);
      const drop = c.transport.kind === 'local' ? dropFolders(c.transport.inboxDir) : null;
      if (c.transport.kind === 'local' && drop)
        for (const dir of [drop.tmp, drop.new, c.transport.outboxDir, c.transport.processedDir]) fs.mkdirSync(dir, { recursive: true });
      out(`Database ready: ${c.dbPath}`);
      out(
        c.transport.kind === 'local' && drop
          ? `Local mail folder: ${c.transport.maildir} (write a reply .eml into ${drop.tmp}, then move it into ${drop.new}; sent mail appears in ${c.transport.outboxDir})`
          : c.transport.kind === 'server'
            ? `Mail server: SMTP ${endpointLabel(c.transport.smtp)}, IMAP ${endpointLabel(c.transport.imap)} (check them with: mentormail doctor)`
            : '',
      );
      out('Next: mentormail import <roster.csv>');
    });

  program
    .command('import')
    .description('import or update the roster from a CSV file (trainee_name,trainee_email,mentor_name,mentor_email,start_date)')
    .argument('<file>', 'the roster CSV')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--encoding <name>', 'the text encoding of the file: utf-8 (the default), or latin1 / windows-1252 for older Excel files')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (file: string, opts: { dryRun?: boolean; encoding?: string; now?: string }) => {
      const now = parseNow(opts.now);
      const text = decodeRoster(readInput(ctx.cwd, file, '.csv'), path.basename(file), opts.encoding);
      await ctx.withApp(ctx.config(), (deps) => {
        const changes = importRoster(deps.db, text, path.basename(file), now, !!opts.dryRun);
        if (changes.length === 0) out('Nothing to change: the roster is already up to date.');
        for (const c of changes) out(`${opts.dryRun ? 'would ' : ''}${describeChange(c)}`);
        if (changes.length > 0)
          out(opts.dryRun ? `${changes.length} changes (dry run: nothing applied)` : `${changes.length} changes applied`);
      });
    });

  program
    .command('people')
    .description('list the roster: trainees with their e-mentor and state')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await ctx.withApp(ctx.config(), (deps) => {
        const rows = listPairs(deps.db).map((p) => {
          const t = getPerson(deps.db, p.trainee_id);
          const m = getPerson(deps.db, p.mentor_id);
          return {
            trainee: t.name,
            trainee_email: t.email,
            mentor: m.name,
            mentor_email: m.email,
            start_date: p.start_date,
            status: t.status,
            paused_until: t.paused_until,
            address_failing: t.address_failing_since !== null,
          };
        });
        // Trainees in matching who have no e-mentor yet: their matching state, no profile text.
        const unpaired = (anyoneInMatching(deps.db) ? loadCohort(deps.db, deps.config).trainees : [])
          .filter((t) => t.state !== 'matched')
          .map((t) => ({
            trainee: t.person.name,
            trainee_email: t.person.email,
            mentor: null,
            mentor_email: null,
            start_date: null,
            status: t.person.status,
            paused_until: t.person.paused_until,
            address_failing: t.person.address_failing_since !== null,
            matching: t.state,
          }));
        if (opts.json) return out(JSON.stringify([...rows, ...unpaired], null, 2));
        if (rows.length + unpaired.length === 0) return out('The roster is empty. Import one with: mentormail import <roster.csv>');
        for (const r of rows) {
          out(
            `${r.trainee} <${r.trainee_email}>  e-mentor: ${r.mentor} <${r.mentor_email}>  since ${r.start_date}  ${r.status}${r.paused_until ? ` until ${r.paused_until}` : ''}${r.address_failing ? '  (address failing)' : ''}`,
          );
        }
        for (const r of unpaired)
          out(
            `${r.trainee} <${r.trainee_email}>  no e-mentor yet: ${r.matching.replace('_', ' ')}${r.address_failing ? '  (address failing)' : ''}`,
          );
      });
    });
}
