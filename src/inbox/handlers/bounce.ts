import { findPairByTrainee } from '../../db/pairs';
import { findPersonByEmail, getPerson, markAddressFailing, type Person } from '../../db/people';
import { latestRound } from '../../db/rounds';
import { normaliseAddress } from '../../mail/address';
import { queueCoordinatorAlert } from '../../mail/emails';
import type { HandlerContext, Outcome } from './types';

/**
 * A delivery failure: mark the address failing and tell the coordinator once per failing
 * spell (names and state, never content). Bounces are never answered.
 */
export function handleBounce({ deps, mail, now }: HandlerContext): Outcome {
  const { db } = deps;
  const failed = (mail.bounce?.recipients ?? [])
    .map((r: string) => findPersonByEmail(db, normaliseAddress(r)))
    .filter((p): p is Person => p !== undefined);
  if (failed.length === 0) return { state: 'ignored', outcome: 'bounce_unknown_recipient' };
  // Transient failures (4.x) are retried by the sending server; only permanent ones count.
  if (mail.bounce && !mail.bounce.permanent) return { state: 'processed', outcome: 'bounce_transient', person_id: failed[0].id };
  for (const person of failed) {
    if (!markAddressFailing(db, person.id, now)) continue;
    const since = getPerson(db, person.id).address_failing_since;
    const pair = person.role === 'trainee' ? findPairByTrainee(db, person.id) : undefined;
    const round = pair ? latestRound(db, pair.id) : undefined;
    queueCoordinatorAlert(
      deps,
      {
        dedupeKey: `person:${person.id}:bounce:${since}`,
        kind: 'alert_bounce',
        title: `Mail to ${person.name} is bouncing`,
        facts: [
          { label: person.role === 'trainee' ? 'Trainee' : 'E-mentor', value: person.name },
          { label: 'Address', value: person.email },
          { label: 'Delivery status', value: mail.bounce?.status ?? 'unknown' },
          ...(round ? [{ label: 'Current round', value: `${round.number} (${round.state})` }] : []),
          {
            label: 'What happens now',
            value: 'No more questionnaires or reminders go to this address until they write in or it is corrected.',
          },
        ],
      },
      now,
    );
  }
  return { state: 'processed', outcome: 'bounce_recorded', person_id: failed[0].id };
}
