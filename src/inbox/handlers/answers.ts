import { getAnswers, saveAnswers } from '../../db/answers';
import { recordMessage } from '../../db/messages';
import { getPerson } from '../../db/people';
import { getRound, previousRound, updateRound } from '../../db/rounds';
import { queueAttachmentRefused, queueForward, queueReceipt } from '../../mail/emails';
import { mentorRemindersNotBefore } from '../../participation';
import { takePulse } from '../../pulse/record';
import { mergeAnswers, missingSections } from '../../questionnaire/record';
import { relayBudget, splitAttachments } from '../attachments';
import { replyThread, threadFor } from '../threads';
import type { MatchedHandler } from './types';

/**
 * A trainee's reply to a questionnaire (or its reminder, or a receipt): store what it answers,
 * forward at once to the round's mentor (marked with what is missing), and send the trainee a
 * receipt listing what was recorded; the first incomplete reply's receipt asks, once, for the rest.
 * A reply with no headings at all is a reply too: forwarded as written, and the receipt asks,
 * once per round and kindly, whether they would like to add anything under the headings.
 * If the round's e-mentor has stepped back, nothing is forwarded: the answers are kept and the
 * receipt says so.
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
  const askForMore = !complete && round.followup_sent_at === null;
  const freeText = structured ? null : mail.reply_text.trim() || null;
  const mentorGone = mentor.status === 'withdrawn';
  const before = previousRound(db, round);
  // Attachments (a CV, a certificate) go to the mentor with the answers as far as they can be
  // relayed; signature images stay behind.
  const { relayed, refused } = splitAttachments(mentorGone ? [] : mail.attachments.filter((a) => !a.inline), relayBudget(deps.config));
  const forward = mentorGone
    ? null
    : queueForward(
        deps,
        {
          inboundId,
          round,
          trainee,
          mentor,
          answers: merged,
          previous: before ? getAnswers(db, before.id) : null,
          freeText,
          addendum,
          askedForMore: askForMore || round.followup_sent_at !== null,
          attachments: relayed,
          leftOut: refused,
          thread: threadFor(db, mentor.id, round.id, round.mentor_thread_id),
        },
        now,
      );
  queueReceipt(
    deps,
    {
      inboundId,
      round,
      trainee,
      mentor,
      answers: merged,
      freeText: !structured,
      askForMore,
      thread: replyThread(mail.message_id, mail.references),
    },
    now,
  );

  if (refused.length > 0)
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

  takePulse(deps, { person: trainee, round, inboundId, ratings: mail.pulse, thread: replyThread(mail.message_id, mail.references) }, now);

  const at = now.toISOString();
  updateRound(db, round.id, {
    state: complete ? 'complete' : 'answered',
    answered_at: round.answered_at ?? at,
    completed_at: complete ? (round.completed_at ?? at) : round.completed_at,
    forwarded_at: forward ? (round.forwarded_at ?? at) : round.forwarded_at,
    mentor_thread_id: round.mentor_thread_id ?? forward?.messageId ?? null,
    followup_sent_at: askForMore ? at : round.followup_sent_at,
    // A paused e-mentor is not reminded about this forward until their pause ends.
    mentor_remind_not_before: mentorRemindersNotBefore(deps, mentor) ?? round.mentor_remind_not_before,
    lapsed_at: null,
  });
  const outcome = mentorGone ? 'answers_kept_mentor_withdrawn' : addendum ? 'answers_added' : 'answers_stored';
  return { state: 'processed', outcome, person_id: trainee.id, round_id: round.id };
};
