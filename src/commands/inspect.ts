import path from 'node:path';
import type { Command } from 'commander';
import { settingsInEffect } from '../config';
import { MentormailError } from '../errors';
import { TEMPLATES_DIR } from '../paths';
import { loadPulse, pulseShape } from '../pulse/definition';
import { loadQuestionnaire } from '../questionnaire/definition';
import { formatStatus, statusReport } from '../status';
import { parseNow, readInput, type CliContext } from './context';

/** status, parse-reply and config: looking without changing anything. */
export function registerInspectCommands(program: Command, ctx: CliContext): void {
  const { out } = ctx;
  program
    .command('status')
    .description('rounds by state, counts and who is overdue: names and numbers, never content')
    .option('--json', 'print JSON')
    .option('--now <time>', 'the current time (ISO 8601)')
    .action(async (opts: { json?: boolean; now?: string }) => {
      const now = parseNow(opts.now);
      const c = ctx.config();
      await ctx.withApp(c, (deps) => {
        const report = statusReport(deps.db, c, now);
        out(opts.json ? JSON.stringify(report, null, 2) : formatStatus(report));
      });
    });

  program
    .command('parse-reply')
    .description('show how a reply email is read (needs no database)')
    .argument('<file.eml>', 'a raw email')
    .option('--json', 'print JSON (the default)')
    .action(async (file: string) => {
      const raw = readInput(ctx.cwd, file, '.eml');
      // The reading pipeline loads mailparser, and our wording handlebars: only for this command.
      const [{ analyseReply, toJson, unreadableReason }, { loadOurWording }] = await Promise.all([
        import('../reading'),
        import('../mail/ourWording'),
      ]);
      const unreadable = unreadableReason(raw);
      if (unreadable) {
        const why = { empty: 'it is empty', binary: 'it is binary data, not text', 'no headers': 'it does not start with mail headers' }[
          unreadable
        ];
        throw new MentormailError('MESSAGE_UNREADABLE', `${file}: cannot read it as an email (${why})`);
      }
      const questionnairePath = ctx.env.MENTORMAIL_QUESTIONNAIRE ? path.resolve(ctx.cwd, ctx.env.MENTORMAIL_QUESTIONNAIRE) : undefined;
      const pulsePath = ctx.env.MENTORMAIL_PULSE ? path.resolve(ctx.cwd, ctx.env.MENTORMAIL_PULSE) : path.join(TEMPLATES_DIR, 'pulse.yml');
      // Read as the worker reads it: pulse ratings taken out first.
      const analysis = await analyseReply(raw, loadQuestionnaire(questionnairePath), {
        ourWording: loadOurWording(),
        pulse: pulseShape(loadPulse(pulsePath)),
      });
      out(JSON.stringify(toJson(analysis), null, 2));
    });

  program
    .command('config')
    .description('show the configuration in effect: each value (passwords masked) and where it came from')
    .option('--describe', 'also say what each variable means')
    .option('--json', 'print JSON')
    .action((opts: { describe?: boolean; json?: boolean }) => {
      const settings = settingsInEffect(ctx.env, ctx.cwd);
      if (opts.json) out(JSON.stringify(settings, null, 2));
      else {
        const width = Math.max(...settings.map((s) => s.name.length));
        for (const s of settings) {
          const where = s.source === 'not set' ? '(not set)' : `${s.value ?? ''}  [${s.source}]`;
          out(`${s.name.padEnd(width)}  ${where}`);
          if (opts.describe) out(`${' '.repeat(width + 2)}${s.description}`);
        }
      }
      // Shown first, then checked: a bad value is listed above and named below.
      ctx.config();
    });
}
