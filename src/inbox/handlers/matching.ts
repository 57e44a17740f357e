/**
 * Replies about matching: a profile ("Specialty: ..."), a trainee's answer to a short list
 * (CHOOSE, ranks, MORE, NONE), an e-mentor's ACCEPT or DECLINE, and the coordinator's APPROVE.
 * The reading is pure (src/matching/replies.ts, profileLines.ts); the acting is in
 * src/matching/flow/. Each reply that changes nothing gets one short note saying so.
 */
import {
  findProposalByOutbox,
  findProposalByToken,
  getRequest,
  lastUnclearNote,
  openRequestsOfMentor,
  requestIdForToken,
  shortlistOf,
  type MatchRequest,
} from '../../db/matching';
import { findOutboxByMessageId } from '../../db/outbox';
import { findPairByTrainee } from '../../db/pairs';
import { findPersonByEmail, type Person } from '../../db/people';
import { getProfile } from '../../db/profiles';
import { normaliseAddress } from '../../mail/address';
import {
  queueApprovalResult,
  queueDeclineThanks,
  queueRequestClosed,
  queueUnclearReply as queueUnclearNote,
} from '../../mail/matchingEmails';
import { tokenFromAddress } from '../../mail/tokens';
import { recordChoice, recordMore, recordNone } from '../../matching/flow/choices';
import { vocabularyFor } from '../../matching/flow/cohort';
import { applyEmailedProfile, queueProfileView } from '../../matching/flow/profiles';
import { approveStored } from '../../matching/flow/proposals';
import { acceptRequest, declineRequest } from '../../matching/flow/requests';
import { readProfileLines } from '../../matching/profileLines';
import { readApproval, readMenteeReply, readMentorDecision } from '../../matching/replies';
import { localDateOf } from '../../schedule/calendar';
import type { MatchResult } from '../match';
import { replyThread } from '../threads';
import { handleCommand } from './commands';
import type { HandlerContext, MatchedHandler, Outcome } from './types';

const done = (outcome: string, person: Person | null): Outcome => ({ state: 'processed', outcome, person_id: person?.id ?? null });

const DAY_MS = 86_400_000;

/** "We could not tell what your reply meant": at most one a day to an address, so two bots can never loop. */
function queueUnclearReply(...args: Parameters<typeof queueUnclearNote>): void {
  const [deps, recipient, , now] = args;
  const address = normaliseAddress(recipient === 'coordinator' ? deps.config.coordinator : recipient.person.email);
  const last = lastUnclearNote(deps.db, address);
  if (last !== undefined && now.getTime() - Date.parse(last) < DAY_MS) return;
  queueUnclearNote(...args);
}

function threadOf(ctx: HandlerContext) {
  return replyThread(ctx.mail.message_id, ctx.mail.references);
}

/** Profile lines: recorded, and what was recorded sent back (problems named) to correct. */
function updateProfile(ctx: HandlerContext, person: Person): Outcome {
  const { deps, mail, now, inboundId } = ctx;
  const vocabulary = vocabularyFor(deps.config);
  const result = applyEmailedProfile(deps.db, vocabulary, person, mail.reply_text, now);
  const problems = result.found
    ? result.problems
    : ['No profile lines were found in your reply: write each on its own line, as "Label: value".'];
  queueProfileView(
    deps,
    vocabulary,
    person,
    { asked: false, problems, dedupeKey: `inbound:${inboundId}:profile`, thread: threadOf(ctx) },
    now,
  );
  deps.logger.log('info', 'match.profile_emailed', { person_id: person.id, found: result.found, problems: problems.length });
  return done(result.found ? 'profile_updated' : 'profile_no_lines', person);
}

/** After STOP nothing more is sent to a trainee, so nothing they send is acted on either. */
const withdrawn = (person: Person): Outcome | null =>
  person.role === 'trainee' && person.status === 'withdrawn' ? { state: 'held', outcome: 'trainee_withdrawn', person_id: person.id } : null;

export const handleProfileReply: MatchedHandler = (ctx, match) => {
  if (ctx.mail.command && match.person.role === 'trainee') return handleCommand(ctx, match);
  return withdrawn(match.person) ?? updateProfile(ctx, match.person);
};

function traineeReply(ctx: HandlerContext, trainee: Person): Outcome {
  const { deps, mail, now, inboundId } = ctx;
  const offered = shortlistOf(deps.db, trainee.id).map((e) => e.letter);
  const reply = readMenteeReply(mail.reply_text, offered);
  const rctx = { inboundId, thread: threadOf(ctx), now };
  switch (reply.kind) {
    case 'choose':
      return done(recordChoice(deps, trainee, reply.letters, rctx), trainee);
    case 'more':
      return done(recordMore(deps, trainee, rctx), trainee);
    case 'none':
      return done(recordNone(deps, trainee, rctx), trainee);
    case 'unknown_letters':
      queueUnclearReply(
        deps,
        { person: trainee, purpose: 'shortlist' },
        { inboundId, unknown: reply.letters, offered, thread: rctx.thread },
        now,
      );
      return done('match_unknown_letters', trainee);
    case 'unclear':
      if (Object.keys(readProfileLines(mail.reply_text).fields).length > 0) return updateProfile(ctx, trainee);
      queueUnclearReply(deps, { person: trainee, purpose: 'shortlist' }, { inboundId, offered, thread: rctx.thread }, now);
      return done('match_reply_unclear', trainee);
  }
}

export const handleShortlistReply: MatchedHandler = (ctx, match) => {
  if (match.person.role !== 'trainee') return { state: 'held', outcome: 'not_a_trainee', person_id: match.person.id };
  if (ctx.mail.command) return handleCommand(ctx, match);
  return withdrawn(match.person) ?? traineeReply(ctx, match.person);
};

/** Which request a reply is about: by its token, then by the thread, then the only open one. */
function requestOf(ctx: HandlerContext, mentor: Person): MatchRequest | undefined {
  const { deps, mail } = ctx;
  const tokens = mail.recipients.map((r) => tokenFromAddress(deps.config.address, r));
  for (const id of [mail.in_reply_to, ...[...mail.references].reverse()]) {
    const sent = id ? findOutboxByMessageId(deps.db, id) : undefined;
    if (sent?.reply_to) tokens.push(tokenFromAddress(deps.config.address, sent.reply_to));
  }
  for (const token of tokens) {
    const requestId = token ? requestIdForToken(deps.db, token) : undefined;
    if (requestId !== undefined) {
      const request = getRequest(deps.db, requestId);
      if (request.mentor_id === mentor.id) return request;
    }
  }
  const open = openRequestsOfMentor(deps.db, mentor.id);
  return open.length === 1 ? open[0] : undefined;
}

export const handleRequestReply: MatchedHandler = (ctx, match) => {
  const { deps, mail, now, inboundId } = ctx;
  const mentor = match.person;
  if (mentor.role !== 'mentor') return { state: 'held', outcome: 'not_a_mentor', person_id: mentor.id };
  const request = requestOf(ctx, mentor);
  if (!request) return { state: 'held', outcome: 'match_request_unknown', person_id: mentor.id };
  // STOP or PAUSE in answer to a request means "not now".
  const decision = mail.command === 'STOP' || mail.command === 'PAUSE' ? 'decline' : readMentorDecision(mail.reply_text);
  const thread = threadOf(ctx);
  const capacity = getProfile(deps.db, mentor.id)?.capacity ?? 0;
  const closed = (why: { accepted?: boolean; withdrawn?: boolean; full?: boolean }, r: MatchRequest) => {
    queueRequestClosed(
      deps,
      mentor,
      {
        inboundId,
        accepted: !!why.accepted,
        withdrawn: !!why.withdrawn,
        full: !!why.full,
        capacity,
        closedOn: r.decided_at ? localDateOf(new Date(r.decided_at), deps.config.timeZone) : '',
        thread,
      },
      now,
    );
  };

  if (request.state !== 'pending') {
    closed({ accepted: request.state === 'accepted', withdrawn: request.state === 'cancelled', full: request.state === 'full' }, request);
    return { state: 'processed', outcome: 'match_request_closed', person_id: mentor.id };
  }
  if (decision === 'accept') {
    const outcome = acceptRequest(deps, request, now);
    if (outcome !== 'accepted') closed({ full: outcome === 'full', withdrawn: outcome !== 'full' }, getRequest(deps.db, request.id));
    return { state: 'processed', outcome: `match_${outcome}`, person_id: mentor.id };
  }
  if (decision === 'decline') {
    declineRequest(deps, request, now);
    queueDeclineThanks(deps, mentor, { inboundId, thread }, now);
    return { state: 'processed', outcome: 'match_declined', person_id: mentor.id };
  }
  queueUnclearReply(deps, { person: mentor, purpose: 'match_request' }, { inboundId, thread }, now);
  return { state: 'processed', outcome: 'match_request_unclear', person_id: mentor.id };
};

/** The proposal a message answers, by the token it was sent to or the thread it is in. */
function proposalOf(ctx: HandlerContext) {
  const { deps, mail } = ctx;
  for (const r of mail.recipients) {
    const token = tokenFromAddress(deps.config.address, r);
    const proposal = token ? findProposalByToken(deps.db, token) : undefined;
    if (proposal) return proposal;
  }
  for (const id of [mail.in_reply_to, ...[...mail.references].reverse()]) {
    const sent = id ? findOutboxByMessageId(deps.db, id) : undefined;
    const proposal = sent && sent.kind === 'match_proposal' ? findProposalByOutbox(deps.db, sent.id) : undefined;
    if (proposal) return proposal;
  }
  return undefined;
}

function handleApproval(ctx: HandlerContext, proposal: NonNullable<ReturnType<typeof proposalOf>>): Outcome {
  const { deps, mail, now, inboundId } = ctx;
  const thread = threadOf(ctx);
  if (!readApproval(mail.reply_text)) {
    queueUnclearReply(deps, 'coordinator', { inboundId, thread }, now);
    return { state: 'processed', outcome: 'match_approval_unclear', person_id: null };
  }
  const result = approveStored(deps, proposal, now);
  queueApprovalResult(
    deps,
    { proposalId: proposal.id, inboundId, sent: result.sent, problems: result.problems, days: deps.config.matching.acceptDays, thread },
    now,
  );
  return { state: 'processed', outcome: result.problems.length > 0 ? 'match_approval_refused' : 'match_approved', person_id: null };
}

/**
 * Matching mail the ordinary routes would not place: the coordinator's reply to a proposal
 * (only from the coordinator's address), and people not yet paired who write without a
 * token: profile lines from anyone unpaired, a short-list answer from a trainee. Returns null
 * to leave the message to the ordinary routes.
 */
export function routeMatching(ctx: HandlerContext, result: MatchResult): Outcome | null {
  const { deps, mail } = ctx;
  if (mail.kind !== 'reply') return null;
  // The coordinator is not a person on the roster (or only by sender, if also an e-mentor).
  const maybeCoordinator = 'held' in result || result.match.via === 'sender';
  const proposal = maybeCoordinator ? proposalOf(ctx) : undefined;
  if (proposal) {
    if (!mail.from || normaliseAddress(mail.from) !== normaliseAddress(deps.config.coordinator))
      return { state: 'held', outcome: 'held_sender_mismatch', person_id: null };
    return handleApproval(ctx, proposal);
  }
  const bySender =
    'match' in result
      ? result.match.via === 'sender'
        ? result.match.person
        : null
      : result.held === 'ambiguous_sender' && mail.from
        ? (findPersonByEmail(deps.db, normaliseAddress(mail.from)) ?? null)
        : null;
  if (!bySender || withdrawn(bySender)) return null;
  if (bySender.role === 'trainee' && findPairByTrainee(deps.db, bySender.id)) return null;
  if (bySender.role === 'mentor' && 'match' in result) return null; // a paired e-mentor's mail is for their trainee
  if (bySender.role === 'trainee' && !mail.command && shortlistOf(deps.db, bySender.id).length > 0) {
    const offered = shortlistOf(deps.db, bySender.id).map((e) => e.letter);
    if (readMenteeReply(mail.reply_text, offered).kind !== 'unclear') return traineeReply(ctx, bySender);
  }
  if (Object.keys(readProfileLines(mail.reply_text).fields).length > 0) return updateProfile(ctx, bySender);
  return null;
}
