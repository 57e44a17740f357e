/**
 * The cohort proposal and its approval. `match propose` solves the assignment for everyone
 * waiting, stores it, writes proposals.csv and emails the coordinator; approving (the file,
 * perhaps edited, or a reply APPROVE to that email) checks every row and sends the requests.
 */
import {
  closeProposals,
  getProposal,
  insertProposal,
  insertProposalRow,
  proposalRows,
  setProposalOutbox,
  type Proposal,
} from '../../db/matching';
import { getPerson } from '../../db/people';
import { setByHand } from '../../db/profiles';
import { MentormailError } from '../../errors';
import type { Deps } from '../../jobs/deps';
import { queueProposalEmail } from '../../mail/matchingEmails';
import { newToken, tokenAddress } from '../../mail/tokens';
import { proposeCohort } from '../assignment';
import type { ApprovalRow, ProposalCsvRow } from '../proposalsCsv';
import { loadCohort, scoreFor, scoreMatrix, vetoesFor, type Cohort, type CohortMentor, type CohortTrainee } from './cohort';
import { askMentor, type Ask } from './requests';

const WHY = {
  no_eligible_mentor: 'no e-mentor with a free place passes the vetoes',
  places_taken: 'the e-mentors who suit them are needed by others',
  by_hand: 'asked to be matched by hand (replied NONE)',
} as const;

export interface ProposalRun {
  proposalId: number;
  rows: ProposalCsvRow[];
  placed: number;
  totalPoints: number;
}

const reasonText = (reasons: { text: string }[]) => reasons.map((r) => r.text).join('; ');

/** Solves, stores and announces a proposal for everyone waiting. `file` is where the CSV goes (for the email). */
export function proposeMatches(deps: Deps, startDate: string | null, file: string, now: Date): ProposalRun {
  return deps.db.transaction((): ProposalRun => {
    const cohort = loadCohort(deps.db, deps.config);
    const trainees = cohort.trainees.filter((t) => t.state === 'waiting' || t.state === 'proposed');
    const byHand = cohort.trainees.filter((t) => t.state === 'by_hand');
    const mentors = cohort.mentors.filter((m) => m.match !== null && m.free > 0);
    const result = proposeCohort({
      traineeIds: trainees.map((t) => t.person.id),
      mentors: mentors.map((m) => ({ id: m.person.id, freePlaces: m.free })),
      scores: scoreMatrix(cohort, trainees, mentors),
      objective: deps.config.matching.objective,
    });
    const token = newToken();
    const proposalId = insertProposal(deps.db, { start_date: startDate, token }, now);
    const byTrainee = new Map(result.placements.map((p) => [p.traineeId, p]));
    const why = new Map(result.unplaced.map((u) => [u.traineeId, WHY[u.why]]));
    const rows: ProposalCsvRow[] = [];
    for (const t of [...trainees, ...byHand]) {
      const placement = byTrainee.get(t.person.id);
      const mentor = placement ? (cohort.mentors.find((m) => m.person.id === placement.mentorId) as CohortMentor) : null;
      const rank = mentor ? t.choices.indexOf(mentor.person.id) + 1 || null : null;
      const note = placement ? null : (why.get(t.person.id) ?? WHY.by_hand);
      insertProposalRow(deps.db, proposalId, {
        trainee_id: t.person.id,
        mentor_id: mentor?.person.id ?? null,
        points: placement?.points ?? null,
        trainee_rank: rank,
        reasons: placement?.reasons ?? [],
        note,
      });
      rows.push({
        proposal: proposalId,
        trainee: t.person.name,
        trainee_email: t.person.email,
        mentor: mentor?.person.name ?? null,
        mentor_email: mentor?.person.email ?? null,
        score: placement?.points ?? null,
        trainee_rank: rank,
        reasons: placement ? reasonText(placement.reasons) : null,
        note,
        trainee_bio: t.profile.bio || null,
        mentor_bio: mentor?.profile.bio || null,
      });
    }
    const queued = queueProposalEmail(
      deps,
      {
        proposalId,
        replyTo: tokenAddress(deps.config.address, token),
        file,
        totalPoints: result.totalPoints,
        rows: rows.map((r) => ({
          trainee: String(r.trainee),
          mentor: r.mentor === null ? null : String(r.mentor),
          points: r.score === null ? null : Number(r.score),
          rank: r.trainee_rank === null ? null : Number(r.trainee_rank),
          reasons: r.reasons === null ? '' : String(r.reasons),
          why: r.note === null ? null : String(r.note),
        })),
      },
      now,
    );
    setProposalOutbox(deps.db, proposalId, queued.id);
    deps.logger.log('info', 'match.proposed', { proposal_id: proposalId, placed: result.placements.length, trainees: rows.length });
    return { proposalId, rows, placed: result.placements.length, totalPoints: result.totalPoints };
  })();
}

export interface ApprovalPlan {
  asks: { trainee: CohortTrainee; mentor: CohortMentor }[];
  problems: string[];
}

const article = (role: string) => (role === 'mentor' ? 'an e-mentor' : 'a trainee');

/** Checks every row against the database now: people, states, vetoes and capacity. */
export function planApproval(cohort: Cohort, rows: ApprovalRow[]): ApprovalPlan {
  const problems: string[] = [];
  const asks: ApprovalPlan['asks'] = [];
  const seen = new Map<string, string>();
  const perMentor = new Map<number, string[]>();
  for (const row of rows) {
    const earlier = seen.get(row.traineeEmail);
    if (earlier) {
      problems.push(`${row.label}: ${row.traineeEmail} is also on ${earlier}; one e-mentor per trainee`);
      continue;
    }
    seen.set(row.traineeEmail, row.label);
    if (!row.mentorEmail) continue;
    const trainee = cohort.trainees.find((t) => t.person.email === row.traineeEmail);
    const mentor = cohort.mentors.find((m) => m.person.email === row.mentorEmail);
    const found = (email: string) =>
      cohort.trainees.find((t) => t.person.email === email) ?? cohort.mentors.find((m) => m.person.email === email);
    if (!trainee) {
      const other = found(row.traineeEmail);
      problems.push(
        `${row.label}: ${row.traineeEmail} ${other ? `is ${article(other.person.role)}, not a trainee` : 'is not a trainee in matching (import a profile first)'}`,
      );
    } else if (trainee.state === 'matched') problems.push(`${row.label}: ${trainee.person.name} already has an e-mentor`);
    else if (trainee.state === 'requested')
      problems.push(
        `${row.label}: ${trainee.person.name} already has a request waiting for an answer from ${trainee.openRequest ? getNameOf(cohort, trainee.openRequest.mentor_id) : 'an e-mentor'}`,
      );
    else if (trainee.state === 'paused' || trainee.state === 'withdrawn')
      problems.push(`${row.label}: ${trainee.person.name} is ${trainee.state}`);
    if (!mentor) {
      const other = found(row.mentorEmail);
      problems.push(
        `${row.label}: ${row.mentorEmail} ${other ? (other.person.role === 'mentor' ? 'has no profile with a capacity' : 'is a trainee, not an e-mentor') : 'is not an e-mentor with a profile (import one first)'}`,
      );
    } else if (mentor.person.status !== 'active') problems.push(`${row.label}: ${mentor.person.name} is ${mentor.person.status}`);
    if (!trainee || !mentor || trainee.state === 'matched' || trainee.state === 'requested') continue;
    const vetoes = vetoesFor(trainee, mentor, 1);
    if (vetoes.length > 0)
      problems.push(`${row.label}: ${mentor.person.name} cannot e-mentor ${trainee.person.name}: ${vetoes.map((v) => v.text).join('; ')}`);
    perMentor.set(mentor.person.id, [...(perMentor.get(mentor.person.id) ?? []), row.label]);
    asks.push({ trainee, mentor });
  }
  for (const [mentorId, labels] of perMentor) {
    const mentor = cohort.mentors.find((m) => m.person.id === mentorId) as CohortMentor;
    const total = mentor.load + mentor.open + labels.length;
    if (total > mentor.capacity)
      problems.push(
        `${labels.join(', ')}: ${mentor.person.name} would have ${total} trainees (${mentor.load} now, ${mentor.open} asked already, ${labels.length} here) but takes ${mentor.capacity}`,
      );
  }
  return { asks, problems };
}

function getNameOf(cohort: Cohort, personId: number): string {
  return cohort.mentors.find((m) => m.person.id === personId)?.person.name ?? `person ${personId}`;
}

/** Sends the requests of a checked plan and closes the open proposals. */
export function applyApproval(
  deps: Deps,
  cohort: Cohort,
  plan: ApprovalPlan,
  proposal: Proposal | null,
  startDate: string | null,
  now: Date,
): number {
  for (const { trainee, mentor } of plan.asks) {
    const score = scoreFor(cohort, trainee, mentor, 1);
    const rank = trainee.choices.indexOf(mentor.person.id) + 1 || null;
    const ask: Ask = {
      traineeId: trainee.person.id,
      mentorId: mentor.person.id,
      proposalId: proposal?.id ?? null,
      startDate,
      points: score.eligible ? score.points : null,
      rank,
      reasons: score.eligible ? score.reasons : [],
    };
    askMentor(deps, ask, now);
    setByHand(deps.db, trainee.person.id, null);
  }
  closeProposals(deps.db, proposal && proposal.state === 'open' ? proposal.id : null, now);
  deps.logger.log('info', 'match.approved', { proposal_id: proposal?.id ?? null, requests: plan.asks.length });
  return plan.asks.length;
}

/** `match approve <file>`: all rows or nothing. */
export function approveRows(
  deps: Deps,
  rows: ApprovalRow[],
  fileName: string,
  startOverride: string | null,
  now: Date,
): { sent: number; proposal: Proposal | null } {
  return deps.db.transaction(() => {
    const cohort = loadCohort(deps.db, deps.config);
    const plan = planApproval(cohort, rows);
    if (plan.problems.length > 0)
      throw new MentormailError('MATCH_INVALID', `${fileName}: nothing was approved, no request was sent`, plan.problems);
    const id = rows.find((r) => r.proposal !== null)?.proposal ?? null;
    const proposal = id !== null ? (getProposal(deps.db, id) ?? null) : null;
    const sent = applyApproval(deps, cohort, plan, proposal, startOverride ?? proposal?.start_date ?? null, now);
    return { sent, proposal };
  })();
}

/** A reply APPROVE to the proposal email: the stored rows, checked again now. */
export function approveStored(deps: Deps, proposal: Proposal, now: Date): { sent: number; problems: string[] } {
  if (proposal.state !== 'open')
    return {
      sent: 0,
      problems: [
        `proposal ${proposal.id} is ${proposal.state === 'approved' ? 'already approved' : 'replaced by a newer one; approve that one'}`,
      ],
    };
  const cohort = loadCohort(deps.db, deps.config);
  const rows: ApprovalRow[] = proposalRows(deps.db, proposal.id).map((r) => {
    const trainee = getPerson(deps.db, r.trainee_id);
    return {
      label: trainee.name,
      proposal: proposal.id,
      traineeEmail: trainee.email,
      mentorEmail: r.mentor_id !== null ? getPerson(deps.db, r.mentor_id).email : '',
    };
  });
  const plan = planApproval(cohort, rows);
  if (plan.problems.length > 0) return { sent: 0, problems: plan.problems };
  return { sent: applyApproval(deps, cohort, plan, proposal, proposal.start_date, now), problems: [] };
}
