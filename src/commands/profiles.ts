import path from 'node:path';
import type { Command } from 'commander';
import { findPersonByEmail, type Person } from '../db/people';
import { MentormailError } from '../errors';
import { normaliseAddress } from '../mail/address';
import { loadCohort, vocabularyFor } from '../matching/flow/cohort';
import { describeProfileChange, importProfiles, queueProfileView } from '../matching/flow/profiles';
import { decodeRoster } from '../roster/decode';
import { parseNow, readInput, type CliContext } from './context';
import { lockedTick } from './tick';

/** profiles import and profiles ask: the matching profiles of trainees and e-mentors. */
export function registerProfileCommands(program: Command, ctx: CliContext): void {
  const { out } = ctx;
  const profiles = program.command('profiles').description('matching profiles of trainees and e-mentors (see the README, "Matching")');

  profiles
    .command('import')
    .description(
      'add or update profiles from a CSV file (email,name,role,specialty,region,grade,interests,capacity,supervises,supervised_by,bio,preferences)',
    )
    .argument('<file>', 'the profiles CSV')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--encoding <name>', 'the text encoding of the file: utf-8 (the default), or latin1 / windows-1252 for older Excel files')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (file: string, opts: { dryRun?: boolean; encoding?: string; now?: string }) => {
      const now = parseNow(opts.now);
      // Read as the roster is: bytes that are not UTF-8 are refused by line, not garbled.
      const text = decodeRoster(readInput(ctx.cwd, file, '.csv'), path.basename(file), opts.encoding);
      await ctx.withApp(ctx.config(), (deps) => {
        const changes = importProfiles(deps.db, vocabularyFor(deps.config), text, path.basename(file), now, !!opts.dryRun);
        if (changes.length === 0) out('Nothing to change: the profiles are already up to date.');
        for (const c of changes) out(`${opts.dryRun ? 'would ' : ''}${describeProfileChange(c)}`);
        if (changes.length > 0)
          out(opts.dryRun ? `${changes.length} changes (dry run: nothing applied)` : `${changes.length} changes applied`);
      });
    });

  profiles
    .command('ask')
    .description('email people their profile to check or fill in by replying (no addresses: everyone whose profile is incomplete)')
    .argument('[emails...]', 'the people to ask')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (emails: string[], opts: { now?: string }) => {
      const now = parseNow(opts.now);
      await ctx.withApp(ctx.config(), async (deps) => {
        const vocabulary = vocabularyFor(deps.config);
        const people: Person[] =
          emails.length > 0
            ? emails.map((e) => {
                const p = findPersonByEmail(deps.db, normaliseAddress(e));
                if (!p) throw new MentormailError('NOT_FOUND', `${e} is not on the roster (add them with mentormail profiles import)`);
                return p;
              })
            : loadCohort(deps.db, deps.config)
                .trainees.filter((t) => t.state === 'incomplete')
                .map((t) => t.person);
        deps.db.transaction(() => {
          for (const p of people)
            queueProfileView(
              deps,
              vocabulary,
              p,
              { asked: true, problems: [], dedupeKey: `person:${p.id}:profile_ask:${now.toISOString()}` },
              now,
            );
        })();
        out(
          people.length === 0
            ? 'Nobody to ask: every profile is complete.'
            : `Asked ${people.length}: ${people.map((p) => p.name).join(', ')}`,
        );
        await lockedTick(deps, now, () => undefined); // send now
      });
    });
}
