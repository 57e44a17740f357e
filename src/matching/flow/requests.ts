/**
 * Asking e-mentors. A request waits MATCH_ACCEPT_DAYS working days for ACCEPT or DECLINE, with
 * one reminder half way. A decline, silence, or an e-mentor found full offers the trainee's
 * next choice at once; acceptance makes the pair (capacity checked again, in the same
 * transaction), introduces them, and round 1 follows on the start date like any other pair.
 */
import {
  addRequestToken,
  clearReminder,
  decideRequest,
  getRequest,
  insertRequest,
  mentorLoad,
  requestsOfTrainee,
  shortlistOf,
  type MatchRequest,
} from '../../db/matching';
import { findOutboxByKey } from '../../db/outbox';
import { setHowMatched } from '../../db/health';
import { findPairByTrainee, insertPair } from '../../db/pairs';
import { getPerson, type Person } from '../../db/people';
import { getProfile, setByHand } from '../../db/profiles';
import type { Deps } from '../../jobs/deps';
import { queueCoordinatorAlert } from '../../mail/emails';
import { queueIntroductions, queueMatchRequest, queueNextChoiceNote } from '../../mail/matchingEmails';
import { tokenFromAddress } from '../../mail/tokens';
import { localDateOf } from '../../schedule/calendar';
import { requestDeadlines } from '../deadlines';
import type { Reason } from '../scoring';
import { anonymousView, loadCohort, scoreFor, vocabularyFor, type Cohort, type CohortMentor, type CohortTrainee } from './cohort';
import { sendMore, topReasons } from './shortlists';

/** Remembers which request a reply token is about (an e-mentor may have several open). */
function mapToken(deps: Deps, dedupeKey: string, requestId: number): void {
  const row = findOutboxByKey(deps.db, dedupeKey);
  const token = row?.reply_to ? tokenFromAddress(deps.config.address, row.reply_to) : null;
  if (token) addRequestToken(deps.db, token, requestId);
}

function queueRequestEmail(deps: Deps, request: MatchRequest, reminder: boolean, now: Date): void {
  const vocabulary = vocabularyFor(deps.config);
  const mentor = getPerson(deps.db, request.mentor_id);
  const mentorProfile = getProfile(deps.db, mentor.id);
  const traineeProfile = getProfile(deps.db, request.trainee_id);
  const trainee = traineeProfile
    ? anonymousView(vocabulary, traineeProfile, mentorProfile ?? null)
    : { specialty: 'not given', band: 'not given', region: 'not given', shared: [], bio: '' };
  queueMatchRequest(
    deps,
    mentor,
    {
      requestId: request.id,
      reminder,
      chosen: request.trainee_rank !== null,
      trainee,
      reasons: request.reasons.length > 0 ? topReasons(request.reasons, 3) : [],
      deadline: new Date(request.expires_at),
      startDate: startDateFor(deps, request, now),
      taken: mentorLoad(deps.db, mentor.id),
      capacity: mentorProfile?.capacity ?? 0,
    },
    now,
  );
  mapToken(deps, `match_request:${request.id}${reminder ? ':reminder' : ''}`, request.id);
}

/** Round 1's date: the date set for the cohort, or the day the pair is made if that is later. */
export function startDateFor(deps: Deps, request: Pick<MatchRequest, 'start_date'>, now: Date): string {
  const today = localDateOf(now, deps.config.timeZone);
  return request.start_date !== null && request.start_date > today ? request.start_date : today;
}

export interface Ask {
  traineeId: number;
  mentorId: number;
  proposalId: number | null;
  startDate: string | null;
  points: number | null;
  rank: number | null;
  reasons: Reason[];
}

/** Creates the request and queues the e-mentor's email. */
export function askMentor(deps: Deps, ask: Ask, now: Date): MatchRequest {
  const { expiresAt, remindAt } = requestDeadlines(now, deps.config.matching.acceptDays, deps.config.timeZone);
  const id = insertRequest(
    deps.db,
    {
      trainee_id: ask.traineeId,
      mentor_id: ask.mentorId,
      proposal_id: ask.proposalId,
      start_date: ask.startDate,
      points: ask.points,
      trainee_rank: ask.rank,
      reasons: ask.reasons,
      remind_at: remindAt ? remindAt.toISOString() : null,
      expires_at: expiresAt.toISOString(),
    },
    now,
  );
  const request = getRequest(deps.db, id);
  queueRequestEmail(deps, request, false, now);
  deps.logger.log('info', 'match.request_queued', { request_id: id, trainee_id: ask.traineeId, mentor_id: ask.mentorId });
  return request;
}

function letterOf(deps: Deps, traineeId: number, mentorId: number): string | null {
  return shortlistOf(deps.db, traineeId).find((e) => e.mentor_id === mentorId)?.letter ?? null;
}

/** The trainee's next choice that can still be asked, if any. */
function nextChoice(deps: Deps, cohort: Cohort, trainee: CohortTrainee): { mentor: CohortMentor; rank: number } | null {
  const asked = new Set(requestsOfTrainee(deps.db, trainee.person.id).map((r) => r.mentor_id));
  for (const [i, mentorId] of trainee.choices.entries()) {
    if (asked.has(mentorId)) continue;
    const mentor = cohort.mentors.find((m) => m.person.id === mentorId);
    if (mentor && scoreFor(cohort, trainee, mentor).eligible) return { mentor, rank: i + 1 };
  }
  return null;
}

/**
 * After a decline, silence or a full e-mentor: ask the trainee's next choice; with none left,
 * send them more suggestions; with nobody left at all, hand them to the coordinator.
 */
export function offerNextChoice(deps: Deps, previous: MatchRequest, now: Date): 'asked_next' | 'more_sent' | 'to_coordinator' {
  const cohort = loadCohort(deps.db, deps.config);
  const trainee = cohort.trainees.find((t) => t.person.id === previous.trainee_id);
  const letter = letterOf(deps, previous.trainee_id, previous.mentor_id);
  // A trainee who has since paused, stopped or asked for NONE is left to the coordinator.
  if (trainee && (trainee.state === 'waiting' || trainee.state === 'proposed' || trainee.state === 'incomplete')) {
    const next = nextChoice(deps, cohort, trainee);
    if (next) {
      const score = scoreFor(cohort, trainee, next.mentor);
      askMentor(
        deps,
        {
          traineeId: trainee.person.id,
          mentorId: next.mentor.person.id,
          proposalId: null,
          startDate: previous.start_date,
          points: score.eligible ? score.points : null,
          rank: next.rank,
          reasons: score.eligible ? score.reasons : [],
        },
        now,
      );
      queueNextChoiceNote(
        deps,
        trainee.person,
        {
          requestId: previous.id,
          letter,
          next: letterOf(deps, trainee.person.id, next.mentor.person.id),
          days: deps.config.matching.acceptDays,
        },
        now,
      );
      return 'asked_next';
    }
    const who = letter ? `Candidate ${letter}` : 'The e-mentor we asked';
    const note = `${who} is not able to take on a new trainee just now; this is no reflection on you. Here are other e-mentors to choose from.`;
    if (sendMore(deps, trainee.person.id, note, undefined, now)) return 'more_sent';
    queueNextChoiceNote(deps, trainee.person, { requestId: previous.id, letter, next: null, days: deps.config.matching.acceptDays }, now);
  }
  const person = getPerson(deps.db, previous.trainee_id);
  queueCoordinatorAlert(
    deps,
    {
      dedupeKey: `match_request:${previous.id}:to_coordinator`,
      kind: 'alert_match_by_hand',
      title: `${person.name} needs an e-mentor found by hand`,
      facts: [
        { label: 'Trainee', value: person.name },
        { label: 'Last e-mentor asked', value: getPerson(deps.db, previous.mentor_id).name },
        {
          label: 'Their answer',
          value: previous.state === 'expired' ? 'no answer in time' : previous.state === 'full' ? 'no free place' : 'declined',
        },
        { label: 'What you can do', value: 'mentormail match propose, then put an e-mentor in their row and run mentormail match approve' },
      ],
    },
    now,
  );
  return 'to_coordinator';
}

export type AcceptOutcome = 'accepted' | 'full' | 'withdrawn' | 'already_paired';

/**
 * ACCEPT. Runs inside the transaction that handles the reply, so the capacity checked here is
 * the capacity the pair is made against.
 */
export function acceptRequest(deps: Deps, request: MatchRequest, now: Date): AcceptOutcome {
  const { db } = deps;
  const trainee = getPerson(db, request.trainee_id);
  const mentor = getPerson(db, request.mentor_id);
  if (trainee.status === 'withdrawn' || findPairByTrainee(db, trainee.id)) {
    decideRequest(db, request.id, 'cancelled', now);
    return trainee.status === 'withdrawn' ? 'withdrawn' : 'already_paired';
  }
  const capacity = getProfile(db, mentor.id)?.capacity ?? 0;
  if (mentorLoad(db, mentor.id) >= capacity) {
    decideRequest(db, request.id, 'full', now);
    offerNextChoice(deps, getRequest(db, request.id), now);
    return 'full';
  }
  const startDate = startDateFor(deps, request, now);
  const pairId = insertPair(db, { trainee_id: trainee.id, mentor_id: mentor.id, start_date: startDate }, now);
  // For the coordinator's health figures: did the trainee choose this e-mentor (from their short list)?
  setHowMatched(db, pairId, request.trainee_rank !== null ? 'chose' : 'assigned');
  decideRequest(db, request.id, 'accepted', now, pairId);
  setByHand(db, trainee.id, null);
  const vocabulary = vocabularyFor(deps.config);
  const traineeProfile = getProfile(db, trainee.id) ?? null;
  const mentorProfile = getProfile(db, mentor.id) ?? null;
  const blank = { specialty: 'not given', band: 'not given', region: 'not given', shared: [], bio: '' };
  queueIntroductions(
    deps,
    {
      requestId: request.id,
      pairId,
      trainee,
      mentor,
      traineeView: traineeProfile ? anonymousView(vocabulary, traineeProfile, mentorProfile) : blank,
      mentorView: mentorProfile ? anonymousView(vocabulary, mentorProfile, traineeProfile) : blank,
      startDate,
    },
    now,
  );
  deps.logger.log('info', 'match.accepted', { request_id: request.id, pair_id: pairId });
  return 'accepted';
}

export function declineRequest(deps: Deps, request: MatchRequest, now: Date): void {
  if (!decideRequest(deps.db, request.id, 'declined', now)) return;
  deps.logger.log('info', 'match.declined', { request_id: request.id });
  offerNextChoice(deps, getRequest(deps.db, request.id), now);
}

/** Silence until the deadline counts as a no: the next choice is asked in the same tick. */
export function expireRequest(deps: Deps, request: MatchRequest, now: Date): void {
  const trainee: Person = getPerson(deps.db, request.trainee_id);
  if (trainee.status === 'withdrawn') {
    decideRequest(deps.db, request.id, 'cancelled', now);
    return;
  }
  if (!decideRequest(deps.db, request.id, 'expired', now)) return;
  deps.logger.log('info', 'match.expired', { request_id: request.id });
  offerNextChoice(deps, getRequest(deps.db, request.id), now);
}

export function remindRequest(deps: Deps, request: MatchRequest, now: Date): void {
  clearReminder(deps.db, request.id);
  queueRequestEmail(deps, request, true, now);
  deps.logger.log('info', 'match.request_reminded', { request_id: request.id });
}
