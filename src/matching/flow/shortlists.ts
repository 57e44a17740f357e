/**
 * Short lists by email: the first list for everyone waiting (`match shortlists`), and more on
 * MORE or when a trainee's choices have all said no. Letters run on across a trainee's lists.
 */
import { insertShortlistEntry, openShortlistCounts, shortlistOf } from '../../db/matching';
import type { Person } from '../../db/people';
import type { Deps } from '../../jobs/deps';
import type { Thread } from '../../mail/emails';
import { queueShortlist } from '../../mail/matchingEmails';
import { pickShortlists, shortlistRoom, SHORTLIST_LETTERS, SHORTLIST_SIZE, type Pick } from '../shortlist';
import { anonymousView, loadCohort, scoreMatrix, type Cohort, type CohortTrainee } from './cohort';

/** The top reasons, capitalised; for the trainee's own eyes "the trainee" becomes "you". */
export function topReasons(reasons: { text: string }[], n = 2, toTrainee = false): string[] {
  const texts = reasons.slice(0, n).map((r) => {
    const text = toTrainee ? r.text.replace(/^as the trainee asked/, 'as you asked').replace(/^the trainee's/, 'your') : r.text;
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  return texts.length > 0 ? texts : ['A good general fit'];
}

function send(
  deps: Deps,
  cohort: Cohort,
  trainee: CohortTrainee,
  picks: Pick[],
  note: string | null,
  thread: Thread | undefined,
  now: Date,
): void {
  const existing = shortlistOf(deps.db, trainee.person.id);
  const listNumber = Math.max(0, ...existing.map((e) => e.list_number)) + 1;
  const free = [...SHORTLIST_LETTERS].filter((l) => !existing.some((e) => e.letter === l));
  const candidates = picks.slice(0, free.length).map((pick, i) => {
    const mentor = cohort.mentors.find((m) => m.person.id === pick.mentorId);
    if (!mentor) throw new Error(`mentor ${pick.mentorId} is not in the cohort`);
    insertShortlistEntry(
      deps.db,
      {
        trainee_id: trainee.person.id,
        letter: free[i],
        mentor_id: pick.mentorId,
        list_number: listNumber,
        points: pick.points,
        reasons: pick.reasons,
      },
      now,
    );
    return {
      letter: free[i],
      ...anonymousView(cohort.vocabulary, mentor.profile, trainee.profile),
      reasons: topReasons(pick.reasons, 2, true),
    };
  });
  queueShortlist(deps, trainee.person, { listNumber, candidates, note, thread }, now);
  deps.logger.log('info', 'match.shortlist_queued', { trainee_id: trainee.person.id, list: listNumber, candidates: candidates.length });
}

/** Picks for these trainees, sharing out each e-mentor's room (twice their free places). */
function picksFor(deps: Deps, cohort: Cohort, trainees: CohortTrainee[], wanted: (t: CohortTrainee) => number): Map<number, Pick[]> {
  const mentors = cohort.mentors.filter((m) => m.match !== null && m.free > 0);
  const open = openShortlistCounts(deps.db);
  const shown = (t: CohortTrainee) => new Set(shortlistOf(deps.db, t.person.id).map((e) => e.mentor_id));
  return pickShortlists({
    trainees: trainees.map((t) => ({ id: t.person.id, wanted: wanted(t), exclude: shown(t) })),
    mentors: mentors.map((m) => ({ id: m.person.id, room: shortlistRoom(m.free, open.get(m.person.id) ?? 0) })),
    scores: scoreMatrix(cohort, trainees, mentors),
  });
}

export interface ShortlistRun {
  sent: number;
  /** Waiting trainees for whom no e-mentor had room or passed the vetoes. */
  without: Person[];
}

/** The first short list for every waiting trainee who has not had one. */
export function sendFirstShortlists(deps: Deps, now: Date): ShortlistRun {
  return deps.db.transaction((): ShortlistRun => {
    const cohort = loadCohort(deps.db, deps.config);
    const targets = cohort.trainees.filter((t) => t.state === 'waiting' && shortlistOf(deps.db, t.person.id).length === 0);
    const picks = picksFor(deps, cohort, targets, () => SHORTLIST_SIZE);
    const run: ShortlistRun = { sent: 0, without: [] };
    for (const t of targets) {
      const mine = picks.get(t.person.id) ?? [];
      if (mine.length === 0) run.without.push(t.person);
      else {
        send(deps, cohort, t, mine, null, undefined, now);
        run.sent++;
      }
    }
    return run;
  })();
}

/** Letters a trainee has not used yet. */
export function lettersLeft(deps: Deps, traineeId: number): number {
  return SHORTLIST_LETTERS.length - shortlistOf(deps.db, traineeId).length;
}

/** Another list for one trainee (MORE, or after every choice said no); false when nobody is left. */
export function sendMore(deps: Deps, traineeId: number, note: string | null, thread: Thread | undefined, now: Date): boolean {
  const cohort = loadCohort(deps.db, deps.config);
  const trainee = cohort.trainees.find((t) => t.person.id === traineeId);
  const left = lettersLeft(deps, traineeId);
  if (!trainee || left === 0) return false;
  const mine = picksFor(deps, cohort, [trainee], () => Math.min(SHORTLIST_SIZE, left)).get(traineeId) ?? [];
  if (mine.length === 0) return false;
  send(deps, cohort, trainee, mine, note, thread, now);
  return true;
}
