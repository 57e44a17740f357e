import { getRound } from '../../db/rounds';
import { takePulse } from '../../pulse/record';
import { replyThread } from '../threads';
import type { MatchedHandler } from './types';

/**
 * A reply to the pulse follow-up: its ratings are kept; nothing in it is relayed (the email
 * says so). The follow-up was the one question, so none is asked again.
 */
export const handlePulseReply: MatchedHandler = ({ deps, inboundId, mail, now }, match) => {
  const base = { state: 'processed' as const, person_id: match.person.id, round_id: match.roundId };
  if (match.roundId === null || !mail.pulse) return { ...base, outcome: 'pulse_reply_without_ratings' };
  const round = getRound(deps.db, match.roundId);
  takePulse(
    deps,
    { person: match.person, round, inboundId, ratings: mail.pulse, thread: replyThread(mail.message_id, mail.references) },
    now,
  );
  return { ...base, outcome: 'pulse_recorded' };
};
