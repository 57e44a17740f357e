import { setStatus, type Person } from '../db/people';
import { localDateOf } from '../schedule/calendar';
import type { Job } from './deps';
import { stmt } from '../db/statements';

/** `PAUSE until <date>` ends by itself on that date. */
export const resumeEndedPauses: Job = {
  id: 'resume-ended-pauses',
  async run(deps, now) {
    const today = localDateOf(now, deps.config.timeZone);
    const due = stmt(deps.db, "SELECT id FROM people WHERE status = 'paused' AND paused_until IS NOT NULL AND paused_until <= ?").all(
      today,
    ) as Pick<Person, 'id'>[];
    for (const p of due) {
      setStatus(deps.db, p.id, 'active', null, now);
      deps.logger.log('info', 'trainee.pause_ended', { person_id: p.id });
    }
  },
};
