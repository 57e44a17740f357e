import type { Db } from '../db/open';
import type { Person } from '../db/people';
import { pulseItemsKept, savePulse } from '../db/pulse';
import type { Round } from '../db/rounds';
import { queuePulseFollowup, type MailDeps, type Thread } from '../mail/emails';
import type { PulseRating } from '../reading/5-answers/pulse';
import { checkPulse } from './check';
import { loadPulse } from './definition';

export type PulseOutcome = 'none' | 'kept' | 'kept_followup';

/**
 * Keeps the pulse ratings a reply gives for its round, and asks once (per round and person)
 * for ratings that were missing or unusable. Replies without ratings are left alone: the
 * pulse is optional. Nothing here reaches the other side of the pair.
 */
export function takePulse(
  deps: MailDeps & { db: Db },
  args: { person: Person; round: Round; inboundId: number; ratings: PulseRating[] | null; thread: Thread },
  now: Date,
): PulseOutcome {
  const def = loadPulse(deps.config.pulsePath);
  if (!def.enabled || !args.ratings || args.ratings.length === 0) return 'none';
  const form = def[args.person.role];
  const check = checkPulse(args.ratings, form, pulseItemsKept(deps.db, args.round.id, args.person.id));
  savePulse(
    deps.db,
    { roundId: args.round.id, personId: args.person.id, role: args.person.role, inboundId: args.inboundId },
    check.scores,
    now,
  );
  if (check.missing.length === 0 && check.unusable.length === 0) return 'kept';
  const queued = queuePulseFollowup(
    deps,
    {
      round: args.round,
      person: args.person,
      form,
      heading: def.heading,
      missing: check.missing,
      unusable: check.unusable,
      thread: args.thread,
    },
    now,
  );
  return queued.created ? 'kept_followup' : 'kept';
}
