/**
 * A trainee's answer to their short list: their choices (in order), MORE, or NONE. Until the
 * coordinator approves a proposal the choice only weighs in; once any e-mentor has been asked
 * for them, a new choice is asked straight away.
 */
import { requestsOfTrainee, setChoices, shortlistOf } from '../../db/matching';
import type { Person } from '../../db/people';
import { setByHand } from '../../db/profiles';
import type { Deps } from '../../jobs/deps';
import { queueCoordinatorAlert, type Thread } from '../../mail/emails';
import { queueChoiceRecorded, queueTraineeNote } from '../../mail/matchingEmails';
import { anonymousView, loadCohort, scoreFor } from './cohort';
import { askMentor } from './requests';
import { sendMore } from './shortlists';

export interface ReplyContext {
  inboundId: number;
  thread: Thread;
  now: Date;
}

/** Settled already: an open request or an e-mentor. Said back to them, nothing changed. */
function settled(deps: Deps, trainee: Person, ctx: ReplyContext): string | null {
  const state = loadCohort(deps.db, deps.config).trainees.find((t) => t.person.id === trainee.id)?.state;
  if (state !== 'requested' && state !== 'matched') return null;
  queueTraineeNote(deps, trainee, { inboundId: ctx.inboundId, note: state, offered: [], thread: ctx.thread }, ctx.now);
  return `match_choice_${state}`;
}

export function recordChoice(deps: Deps, trainee: Person, letters: string[], ctx: ReplyContext): string {
  const done = settled(deps, trainee, ctx);
  if (done) return done;
  const entries = shortlistOf(deps.db, trainee.id);
  const mentorIds = letters.map((l) => (entries.find((e) => e.letter === l) as { mentor_id: number }).mentor_id);
  setChoices(deps.db, trainee.id, mentorIds, ctx.now);
  setByHand(deps.db, trainee.id, null);

  const cohort = loadCohort(deps.db, deps.config);
  const me = cohort.trainees.find((t) => t.person.id === trainee.id);
  // Asked before (an approved proposal, then a no): the new choice goes straight to the e-mentor.
  const earlier = requestsOfTrainee(deps.db, trainee.id);
  let requested: string | null = null;
  if (me && earlier.length > 0) {
    const asked = new Set(earlier.map((r) => r.mentor_id));
    for (const [i, mentorId] of mentorIds.entries()) {
      const mentor = cohort.mentors.find((m) => m.person.id === mentorId);
      if (asked.has(mentorId) || !mentor) continue;
      const score = scoreFor(cohort, me, mentor);
      if (!score.eligible) continue;
      askMentor(
        deps,
        {
          traineeId: trainee.id,
          mentorId,
          proposalId: null,
          startDate: earlier[earlier.length - 1].start_date,
          points: score.points,
          rank: i + 1,
          reasons: score.reasons,
        },
        ctx.now,
      );
      requested = letters[i];
      break;
    }
  }
  queueChoiceRecorded(
    deps,
    trainee,
    {
      inboundId: ctx.inboundId,
      choices: letters.map((letter, i) => {
        const mentor = cohort.mentors.find((m) => m.person.id === mentorIds[i]);
        const view = mentor ? anonymousView(cohort.vocabulary, mentor.profile, null) : { specialty: '', band: '', region: '' };
        return { rank: i + 1, letter, specialty: view.specialty, band: view.band, region: view.region };
      }),
      requested,
      days: deps.config.matching.acceptDays,
      thread: ctx.thread,
    },
    ctx.now,
  );
  return requested ? 'match_choice_requested' : 'match_choice_recorded';
}

export function recordMore(deps: Deps, trainee: Person, ctx: ReplyContext): string {
  const done = settled(deps, trainee, ctx);
  if (done) return done;
  if (sendMore(deps, trainee.id, null, ctx.thread, ctx.now)) return 'match_more_sent';
  const offered = shortlistOf(deps.db, trainee.id).map((e) => e.letter);
  queueTraineeNote(deps, trainee, { inboundId: ctx.inboundId, note: 'noMore', offered, thread: ctx.thread }, ctx.now);
  return 'match_no_more';
}

/** NONE: the coordinator matches them by hand; the coordinator is told (names only). */
export function recordNone(deps: Deps, trainee: Person, ctx: ReplyContext): string {
  const done = settled(deps, trainee, ctx);
  if (done) return done;
  setByHand(deps.db, trainee.id, ctx.now);
  setChoices(deps.db, trainee.id, [], ctx.now);
  queueTraineeNote(deps, trainee, { inboundId: ctx.inboundId, note: 'byHand', offered: [], thread: ctx.thread }, ctx.now);
  queueCoordinatorAlert(
    deps,
    {
      dedupeKey: `inbound:${ctx.inboundId}:by_hand`,
      kind: 'alert_match_by_hand',
      title: `${trainee.name} would like an e-mentor found by hand`,
      facts: [
        { label: 'Trainee', value: trainee.name },
        { label: 'Their answer to the short list', value: 'none of these' },
        { label: 'What you can do', value: 'mentormail match propose, then put an e-mentor in their row and run mentormail match approve' },
      ],
    },
    ctx.now,
  );
  return 'match_none';
}
