import { latestSentEvaluation } from '../../db/evaluations';
import { answerEvaluation } from '../../evaluation/answer';
import { replyThread } from '../threads';
import { handleCommand } from './commands';
import type { MatchedHandler } from './types';

/** A reply to the end-of-year survey, its reminder or its follow-up. */
export const handleEvaluationReply: MatchedHandler = (ctx, match) => {
  const { deps, inboundId, mail, now } = ctx;
  const person = match.person;
  // STOP, PAUSE and RESUME mean what they always mean, from anyone still taking part.
  if (mail.command && person.status !== 'withdrawn') return handleCommand(ctx, match);
  const evaluation = latestSentEvaluation(deps.db, person.id);
  if (!evaluation) return { state: 'held', outcome: 'evaluation_not_found', person_id: person.id };
  const outcome = answerEvaluation(
    deps,
    {
      evaluation,
      person,
      replyText: mail.reply_text,
      pulse: mail.pulse,
      inboundId,
      thread: replyThread(mail.message_id, mail.references),
    },
    now,
  );
  return { state: 'processed', outcome, person_id: person.id };
};
