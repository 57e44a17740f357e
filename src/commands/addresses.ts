import type { Command } from 'commander';
import { addressOk, changeEmail } from '../roster/addresses';
import { parseNow, type CliContext } from './context';

/** change-email and address-ok: keeping people's addresses right. */
export function registerAddressCommands(program: Command, ctx: CliContext): void {
  const { out } = ctx;
  program
    .command('change-email')
    .description("change a person's email address; they keep their whole history")
    .argument('<old>', 'the address on the roster now')
    .argument('<new>', 'their new address')
    .option('--now <time>', 'the current time (ISO 8601), for testing')
    .action(async (oldAddress: string, newAddress: string, opts: { now?: string }) => {
      const now = parseNow(opts.now);
      const config = ctx.config();
      await ctx.withApp(config, (deps) => {
        const c = changeEmail(deps.db, oldAddress, newAddress, config.address, now);
        out(`${c.person.name} is now ${c.to} (was ${c.from}); their rounds, answers and conversation stay with them.`);
        out(`Replies to mail sent to ${c.from} are accepted from ${c.to}, and no longer from ${c.from}.`);
        if (c.redirected > 0) out(`${c.redirected} message${c.redirected > 1 ? 's' : ''} waiting to be sent will go to ${c.to}.`);
        out(`Update your roster file too: importing ${c.from} again is refused.`);
      });
    });

  program
    .command('address-ok')
    .description('clear "address failing" for someone whose mail bounced, once their address works again')
    .argument('<email>', 'their address')
    .action(async (email: string) => {
      await ctx.withApp(ctx.config(), (deps) => {
        const { person, wasFailing } = addressOk(deps.db, email);
        out(
          wasFailing
            ? `${person.name}'s address ${person.email} is marked as working again: questionnaires and reminders held for it go out from the next tick, inside the sending window.`
            : `${person.name}'s address ${person.email} was not marked as failing; nothing changed.`,
        );
      });
    });
}
