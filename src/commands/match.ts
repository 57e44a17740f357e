import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { MentormailError } from '../errors';
import { proposeMatches, approveRows } from '../matching/flow/proposals';
import { sendFirstShortlists } from '../matching/flow/shortlists';
import { parseApprovalCsv, writeProposalsCsv } from '../matching/proposalsCsv';
import { isValidLocalDate } from '../schedule/calendar';
import { decodeRoster } from '../roster/decode';
import { parseNow, readInput, type CliContext } from './context';
import { lockedTick } from './tick';

function startOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isValidLocalDate(value)) throw new MentormailError('USAGE', `--start: "${String(value)}" is not a date in the form YYYY-MM-DD`);
  return value;
}

/** match shortlists, propose and approve: matching trainees with e-mentors. */
export function registerMatchCommands(program: Command, ctx: CliContext): void {
  const { out } = ctx;
  const match = program.command('match').description('match waiting trainees with e-mentors (see the README, "Matching")');

  match
    .command('shortlists')
    .description('email every waiting trainee who has none a short list of three anonymised e-mentors to choose from')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (opts: { now?: string }) => {
      const now = parseNow(opts.now);
      await ctx.withApp(ctx.config(), async (deps) => {
        const run = sendFirstShortlists(deps, now);
        out(`${run.sent} short lists sent.`);
        if (run.without.length > 0)
          out(`No e-mentor with room for: ${run.without.map((p) => p.name).join(', ')} (add e-mentors or places, or match them by hand).`);
        await lockedTick(deps, now, () => undefined);
      });
    });

  match
    .command('propose')
    .description('propose e-mentors for everyone waiting, all at once; writes a CSV and emails it to the coordinator to approve')
    .option('--out <file>', 'where to write the proposal', 'proposals.csv')
    .option('--start <date>', 'first questionnaire for the pairs it makes (YYYY-MM-DD); default: the day the e-mentor accepts')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (opts: { out: string; start?: string; now?: string }) => {
      const now = parseNow(opts.now);
      const start = startOption(opts.start);
      const file = path.resolve(ctx.cwd, opts.out);
      await ctx.withApp(ctx.config(), async (deps) => {
        const run = proposeMatches(deps, start, opts.out, now);
        fs.writeFileSync(file, writeProposalsCsv(run.rows));
        out(`Proposal ${run.proposalId}: ${run.placed} of ${run.rows.length} trainees placed, total score ${run.totalPoints}.`);
        for (const r of run.rows)
          out(
            `  ${String(r.trainee)}: ${r.mentor !== null ? `${String(r.mentor)} (score ${String(r.score)}${r.trainee_rank !== null ? `, their choice ${String(r.trainee_rank)}` : ''})` : `nobody (${String(r.note)})`}`,
          );
        out(
          `Written to ${opts.out}. Approve it with: mentormail match approve ${opts.out} (or reply APPROVE to the email sent to the coordinator).`,
        );
        await lockedTick(deps, now, () => undefined);
      });
    });

  match
    .command('approve')
    .description(
      'send the requests in a proposals file (edit it first to change a row); every row is checked, nothing is sent if one is wrong',
    )
    .argument('<file>', 'the proposals CSV')
    .option('--start <date>', 'first questionnaire for the pairs it makes (YYYY-MM-DD); overrides the proposal')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (file: string, opts: { start?: string; now?: string }) => {
      const now = parseNow(opts.now);
      const start = startOption(opts.start);
      const rows = parseApprovalCsv(decodeRoster(readInput(ctx.cwd, file, '.csv'), path.basename(file)), path.basename(file));
      await ctx.withApp(ctx.config(), async (deps) => {
        const { sent, proposal } = approveRows(deps, rows, path.basename(file), start, now);
        out(
          `${sent} e-mentors asked${proposal ? ` (proposal ${proposal.id})` : ''}; they have ${deps.config.matching.acceptDays} working days to ACCEPT or DECLINE.`,
        );
        await lockedTick(deps, now, () => undefined);
      });
    });
}
