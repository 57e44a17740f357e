import { recordMessage, setRelayed } from '../../db/messages';
import { findPairByTrainee, getPair } from '../../db/pairs';
import { getPerson, type Person } from '../../db/people';
import { getRound, latestRound, updateRound, type Round } from '../../db/rounds';
import { queueAttachmentRefused, queueMentorUnavailable, queueRelay } from '../../mail/emails';
import { relayBudget, splitAttachments } from '../attachments';
import { takePulse } from '../../pulse/record';
import { replyThread, threadFor } from '../threads';
import type { HandlerContext, MatchedHandler, Outcome } from './types';

function subjectFor(sender: Person, round: Round | null): string {
  return round ? `Round ${round.number}: a message from ${sender.name}` : `A message from ${sender.name}`;
}

function relay(ctx: HandlerContext, sender: Person, recipient: Person, pairId: number, round: Round | null): Outcome {
  const { deps, inboundId, mail, now } = ctx;
  const { db } = deps;
  const fromMentor = sender.role === 'mentor';
  const body = mail.reply_text.trim();
  const entry = recordMessage(
    db,
    {
      round_id: round?.id ?? null,
      pair_id: pairId,
      author_id: sender.id,
      author_role: sender.role,
      kind: fromMentor && round && round.feedback_at === null ? 'feedback' : 'message',
      body_text: body,
      inbound_id: inboundId,
    },
    now,
  );
  const { relayed, refused } = splitAttachments(mail.attachments, relayBudget(deps.config));
  const root = round ? (fromMentor ? round.trainee_thread_id : round.mentor_thread_id) : null;
  const queued = queueRelay(
    deps,
    {
      inboundId,
      pairId,
      round,
      sender,
      recipient,
      body,
      subject: subjectFor(sender, round),
      attachments: relayed,
      leftOut: refused,
      thread: threadFor(db, recipient.id, round?.id ?? null, root),
    },
    now,
  );
  if (entry !== null) setRelayed(db, entry, queued.id);
  if (refused.length > 0) {
    queueAttachmentRefused(
      deps,
      {
        inboundId,
        sender,
        recipient,
        files: refused,
        limitBytes: relayBudget(deps.config),
        thread: replyThread(mail.message_id, mail.references),
      },
      now,
    );
  }
  // Ratings typed into a reply to the forward (e-mentors) or to a relay were taken out of what is relayed.
  if (round)
    takePulse(deps, { person: sender, round, inboundId, ratings: mail.pulse, thread: replyThread(mail.message_id, mail.references) }, now);
  if (fromMentor && round && round.feedback_at === null) updateRound(db, round.id, { feedback_at: now.toISOString() });
  return {
    state: 'processed',
    outcome: fromMentor ? 'relayed_to_trainee' : 'relayed_to_mentor',
    person_id: sender.id,
    round_id: round?.id ?? null,
  };
}

/** A trainee wrote to an e-mentor who has stepped back: kept in the record, not passed on, and the trainee told. */
function keepForWithdrawnMentor(ctx: HandlerContext, trainee: Person, mentor: Person, pairId: number, round: Round | null): Outcome {
  const { deps, inboundId, mail, now } = ctx;
  recordMessage(
    deps.db,
    {
      round_id: round?.id ?? null,
      pair_id: pairId,
      author_id: trainee.id,
      author_role: 'trainee',
      kind: 'message',
      body_text: mail.reply_text.trim(),
      inbound_id: inboundId,
    },
    now,
  );
  queueMentorUnavailable(deps, { inboundId, trainee, mentor, thread: replyThread(mail.message_id, mail.references) }, now);
  return { state: 'processed', outcome: 'kept_mentor_withdrawn', person_id: trainee.id, round_id: round?.id ?? null };
}

/** The mentoring conversation itself: whatever one side writes reaches the other, trimmed. */
export const handleConversation: MatchedHandler = (ctx, match) => {
  const { db } = ctx.deps;
  const sender = match.person;
  const pair = match.pairId !== null ? getPair(db, match.pairId) : sender.role === 'trainee' ? findPairByTrainee(db, sender.id) : undefined;
  if (!pair) return { state: 'held', outcome: 'no_pair', person_id: sender.id };
  const round = match.roundId !== null ? getRound(db, match.roundId) : (latestRound(db, pair.id) ?? null);
  if (sender.role === 'mentor') {
    // An e-mentor who stepped back writes to nobody through the scheme any more.
    if (sender.status === 'withdrawn') return { state: 'held', outcome: 'mentor_withdrawn', person_id: sender.id };
    const trainee = getPerson(db, pair.trainee_id);
    // A mentor writes to the trainee of that round; after reassignment they no longer can.
    if (round && round.mentor_id !== sender.id)
      return { state: 'held', outcome: 'not_their_round', person_id: sender.id, round_id: round.id };
    if (!round && pair.mentor_id !== sender.id) return { state: 'held', outcome: 'not_their_trainee', person_id: sender.id };
    if (trainee.status === 'withdrawn')
      return { state: 'held', outcome: 'trainee_withdrawn', person_id: sender.id, round_id: round?.id ?? null };
    return relay(ctx, sender, trainee, pair.id, round);
  }
  const mentor = getPerson(db, round ? round.mentor_id : pair.mentor_id);
  if (mentor.status === 'withdrawn') return keepForWithdrawnMentor(ctx, sender, mentor, pair.id, round);
  return relay(ctx, sender, mentor, pair.id, round);
};
