import { loadConfig } from '../../config';
import { MentormailError } from '../../errors';
import { endpointLabel } from '../../mail/serverProblem';
import { fail, ok, type DoctorStep } from '../types';

export const configurationStep: DoctorStep = {
  name: 'configuration',
  async run(ctx) {
    try {
      ctx.config = loadConfig(ctx.env, ctx.cwd);
    } catch (err) {
      if (!(err instanceof MentormailError)) throw err;
      return fail(
        err.message,
        'correct the variables named above (mentormail config shows every value and where it came from)',
        err.details,
      );
    }
    const t = ctx.config.transport;
    return ok(
      t.kind === 'local'
        ? `local mail folder ${t.maildir} (no SMTP_URL/IMAP_URL), bot address ${ctx.config.address}`
        : `mail servers SMTP ${endpointLabel(t.smtp)}, IMAP ${endpointLabel(t.imap)}, bot address ${ctx.config.address}`,
    );
  },
};
