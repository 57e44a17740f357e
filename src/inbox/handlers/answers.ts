import { getAnswers, saveAnswers } from '../../db/answers';
import { recordMessage } from '../../db/messages';
import { getPerson } from '../../db/people';
import { getRound, previousRound, updateRound } from '../../db/rounds';
import { queueAttachmentRefused, queueForward, queueReceipt } from '../../mail/emails';
import { mergeAnswers, missingSections } from '../../questionnaire/record';
import { relayBudget, splitAttachments } from '../attachments';
import { replyThread, threadFor } from '../threads';
import type { MatchedHandler } from './types';

/**
 * A trainee's reply to a questionnaire (or its reminder, or a receipt): store what it answers,
 * forward at once to the round's mentor (marked with what is missing), and send the trainee a
 * receipt listing what was recorded; the first incomplete reply's receipt asks, once, for the rest.
 */
export const handleAnswers: MatchedHandler = ({ deps, inboundId, mail, now }, match) => {
  const { db } = deps;
  const round = getRound(db, match.roundId as number);
  const trainee = match.person;
  const mentor = getPerson(db, round.mentor_id);
  const stored = getAnswers(db, round.id);
  const merged = mergeAnswers(stored, mail.answers);
  const structured = Object.keys(mail.answers).length > 0;
  const addendum = round.forwarded_at !== null;

  recordMessage(
    db,
    {
      round_id: round.id,
      pair_id: round.pair_id,
      author_id: trainee.id,
      author_role: 'trainee',
      kind: 'answers',
      body_text: mail.reply_text,
      inbound_id: inboundId,
    },
    now,
  );
  saveAnswers(db, round.id, merged, inboundId, now);

  const complete = missingSections(merged, deps.questionnaire).length === 0;
  const before = previousRound(db, round);
  // What the trainee attached goes with the forward as far as it can be relayed (signature images stay behind).
  const { relayed, refused } = splitAttachments(
    mail.attachments.filter((a) => !a.inline),
    relayBudget(deps.config),
  );
  const forward = queueForward(
    deps,
    {
      inboundId,
      round,
      trainee,
      mentor,
      answers: merged,
      previous: before ? getAnswers(db, before.id) : null,
      // Free text the parser could not place still reaches the mentor, as written.
      unstructured: structured ? null : mail.reply_text.trim() || null,
      addendum,
      thread: threadFor(db, mentor.id, round.id, round.mentor_thread_id),
      attachments: relayed,
    },
    now,
  );
  if (refused.length > 0) {
    queueAttachmentRefused(
      deps,
      {
        inboundId,
        sender: trainee,
        recipient: mentor,
        files: refused,
        limitBytes: relayBudget(deps.config),
        thread: replyThread(mail.message_id, mail.references),
      },
      now,
    );
  }
  const askForMissing = !complete && round.followup_sent_at === null;
  queueReceipt(
    deps,
    { inboundId, round, trainee, mentor, answers: merged, askForMissing, thread: replyThread(mail.message_id, mail.references) },
    now,
  );

  const at = now.toISOString();
  updateRound(db, round.id, {
    state: complete ? 'complete' : 'answered',
    answered_at: round.answered_at ?? at,
    completed_at: complete ? (round.completed_at ?? at) : round.completed_at,
    forwarded_at: round.forwarded_at ?? at,
    mentor_thread_id: round.mentor_thread_id ?? forward.messageId,
    followup_sent_at: askForMissing ? at : round.followup_sent_at,
    lapsed_at: null,
  });
  return { state: 'processed', outcome: addendum ? 'answers_added' : 'answers_stored', person_id: trainee.id, round_id: round.id };
};
