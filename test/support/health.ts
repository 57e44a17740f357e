/**
 * Builds a scheme's history straight into the database (people, pairs, rounds, the record,
 * pulse ratings), for tests of the coordinator's figures. Every piece of text stored carries
 * PLANTED, so a test can show that no figure, file, email or log ever contains it.
 */
import path from 'node:path';
import type { Db } from '../../src/db/open';
import { TEMPLATES_DIR } from '../../src/paths';

export const DEFAULT_PULSE = path.join(TEMPLATES_DIR, 'pulse.yml');
export const PLANTED = 'PLANTED-SECRET-7f3a';

const DAY = 86_400_000;

export interface RoundPlan {
  /** Days from questionnaire to answer; null: never answered (lapsed or still open). */
  answer: number | null;
  /** Days from forward to the e-mentor's first message; null: no reply. */
  feedback?: number | null;
  /** Words of each e-mentor message (the first is the feedback); default one of 120 words. */
  mentorWords?: number[];
  /** Extra messages from the trainee after the feedback. */
  traineeExtra?: number;
  /** Pulse ratings given with the answers. */
  traineePulse?: Record<string, number>;
  mentorPulse?: Record<string, number>;
}

export interface PairPlan {
  key: string;
  /** When the pair was made and round 1 went out (ISO). */
  start: string;
  rounds: RoundPlan[];
  status?: { status: 'paused' | 'withdrawn'; since: string };
  howMatched?: 'chose' | 'assigned';
}

function addMonthsIso(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

const iso = (t: number) => new Date(t).toISOString();

export class SchemeBuilder {
  private inboundSeq = 0;
  readonly pairIds = new Map<string, number>();
  readonly roundIds = new Map<string, number[]>();
  readonly people = new Map<string, { trainee: number; mentor: number }>();

  constructor(private readonly db: Db) {}

  private inbound(at: string): number {
    this.inboundSeq++;
    return Number(
      this.db
        .prepare("INSERT INTO inbound (source, sha256, size, raw, received_at, state) VALUES ('local', ?, 10, ?, ?, 'processed')")
        .run(`sha-${this.inboundSeq}`, Buffer.from(`Subject: x\n\n${PLANTED}`), at).lastInsertRowid,
    );
  }

  private person(email: string, role: 'trainee' | 'mentor', at: string): number {
    return Number(
      this.db
        .prepare('INSERT INTO people (email, name, role, status_since, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(email, `Dr ${email.split('@')[0]}`, role, at, at).lastInsertRowid,
    );
  }

  private message(pairId: number, roundId: number, authorId: number, role: string, kind: string, words: number, at: string): void {
    this.db
      .prepare(
        `INSERT INTO messages (round_id, pair_id, author_id, author_role, kind, body_text, words, inbound_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(roundId, pairId, authorId, role, kind, `${PLANTED} ${kind}`, words, this.inbound(at), at);
  }

  private pulse(roundId: number, personId: number, role: string, scores: Record<string, number>, at: string): void {
    for (const [item, score] of Object.entries(scores))
      this.db
        .prepare('INSERT INTO pulse_answers (round_id, person_id, role, item, score, answered_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(roundId, personId, role, item, score, at);
  }

  /** An answered end-of-year survey (with the free text PLANTED) for a person. */
  evaluation(year: number, personId: number, role: 'trainee' | 'mentor', values: Record<string, number | null>): this {
    const at = `${year}-12-10T10:00:00.000Z`;
    const id = Number(
      this.db
        .prepare(
          "INSERT INTO evaluations (year, person_id, role, state, created_at, sent_at, answered_at, comment) VALUES (?, ?, ?, 'answered', ?, ?, ?, ?)",
        )
        .run(year, personId, role, at, at, at, `${PLANTED} free text`).lastInsertRowid,
    );
    for (const [item, value] of Object.entries(values))
      this.db
        .prepare('INSERT INTO evaluation_answers (evaluation_id, item, value, updated_at) VALUES (?, ?, ?, ?)')
        .run(id, item, value, at);
    return this;
  }

  add(plan: PairPlan): this {
    const { db } = this;
    const trainee = this.person(`${plan.key}-trainee@example.test`, 'trainee', plan.start);
    const mentor = this.person(`${plan.key}-mentor@example.test`, 'mentor', plan.start);
    const pairId = Number(
      db
        .prepare('INSERT INTO pairs (trainee_id, mentor_id, start_date, created_at, updated_at, how_matched) VALUES (?, ?, ?, ?, ?, ?)')
        .run(trainee, mentor, plan.start.slice(0, 10), plan.start, plan.start, plan.howMatched ?? null).lastInsertRowid,
    );
    this.pairIds.set(plan.key, pairId);
    const ids: number[] = [];
    plan.rounds.forEach((r, i) => {
      const sent = addMonthsIso(plan.start, 2 * i);
      const sentMs = Date.parse(sent);
      const answered = r.answer === null ? null : iso(sentMs + r.answer * DAY);
      const feedback =
        answered !== null && r.feedback !== undefined && r.feedback !== null ? iso(Date.parse(answered) + r.feedback * DAY) : null;
      const lapsed = answered === null && i < plan.rounds.length - 1 ? iso(sentMs + 28 * DAY) : null;
      const roundId = Number(
        db
          .prepare(
            `INSERT INTO rounds (pair_id, number, mentor_id, due_date, state, created_at, sent_at, answered_at, completed_at,
               forwarded_at, feedback_at, lapsed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            pairId,
            i + 1,
            mentor,
            sent.slice(0, 10),
            answered ? 'complete' : lapsed ? 'lapsed' : 'sent',
            sent,
            sent,
            answered,
            answered,
            answered,
            feedback,
            lapsed,
          ).lastInsertRowid,
      );
      ids.push(roundId);
      if (answered) {
        this.message(pairId, roundId, trainee, 'trainee', 'answers', 300, answered);
        db.prepare("INSERT INTO answers (round_id, section_key, value_json, updated_at) VALUES (?, 'skills', ?, ?)").run(
          roundId,
          JSON.stringify(`${PLANTED} answer`),
          answered,
        );
        if (r.traineePulse) this.pulse(roundId, trainee, 'trainee', r.traineePulse, answered);
      }
      if (feedback) {
        const words = r.mentorWords ?? [120];
        words.forEach((w, k) =>
          this.message(pairId, roundId, mentor, 'mentor', k === 0 ? 'feedback' : 'message', w, iso(Date.parse(feedback) + k * 3_600_000)),
        );
        if (r.mentorPulse) this.pulse(roundId, mentor, 'mentor', r.mentorPulse, feedback);
        for (let k = 0; k < (r.traineeExtra ?? 0); k++)
          this.message(pairId, roundId, trainee, 'trainee', 'message', 80, iso(Date.parse(feedback) + (k + 1) * DAY));
      }
    });
    this.roundIds.set(plan.key, ids);
    this.people.set(plan.key, { trainee, mentor });
    if (plan.status)
      db.prepare('UPDATE people SET status = ?, status_since = ? WHERE id = ?').run(plan.status.status, plan.status.since, trainee);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Twelve pairs over six rounds, and the groups they fall in, worked out by hand.

const START = '2027-01-04T10:00:00.000Z'; // rounds go out 4 Jan, 4 Mar, 4 May, 4 Jul, 4 Sep, 4 Nov
export const TWELVE_AS_OF = new Date('2027-11-10T10:00:00Z'); // six days after round 6 went out

// H: a round that went well. Answered 3 days after the questionnaire, e-mentor's feedback 2
// days after the forward (120 words) and one more message (90 words), one more from the
// trainee: trainee 2 messages, e-mentor 2 (balance 1.0), 3 exchanges beyond the questionnaire.
const H: RoundPlan = { answer: 3, feedback: 2, mentorWords: [120, 90], traineeExtra: 1 };
// R6: round 6 as it stands on 10 November: answered on 7 November, forwarded, no reply yet (3 days).
const R6: RoundPlan = { answer: 3 };
const FOURS = { quality: 4, time: 4, agreement: 4, support: 4, challenge: 4 };

/*
 * The hand computation, with the default thresholds (rules: W mentor_waiting ≥ 21 days in the
 * latest forwarded round; S silent_rounds: 0 exchanges in the last 2 settled rounds; B
 * unbalanced: e-mentor ÷ trainee messages outside 0.5–2 in the last 2 settled rounds; L
 * late_answers: under 50% of the last 3 rounds (whose outcome is known) answered within 14
 * days; R short_replies: the e-mentor's longest message ≤ 50 words in the last 3 rounds they
 * wrote in; P pulse_low: a rating ≤ 2 in the latest pulse; D pulse_drop: overall down ≥ 2).
 * "Settled" = a later round has gone out (rounds 1–5 here).
 *
 * | pair | rounds (1..6)                                   | what the rules see on 10 Nov                                   | group          | reasons   |
 * |------|-------------------------------------------------|----------------------------------------------------------------|----------------|-----------|
 * | P01  | H H H H H R6                                    | R6 mentor waiting 3 d; balance 1.0; all on time; 120 words     | on_track       |           |
 * | P02  | R6 only (pair made 4 Nov)                       | 1 questionnaire sent < 2                                       | too_early      |           |
 * | P03  | H H H H, r5 answered/no reply, r6 open 6 d      | r5 forwarded 7 Sep, no reply: 64 d ≥ 21; r5 balance 0 but r4 1 | needs_checkin  | W         |
 * | P04  | H H H, r4 r5 never answered, r6 open 6 d        | r4, r5: 0 exchanges; on time r4 no, r5 no, r6 unknown: 0%      | needs_checkin  | S L       |
 * | P05  | H H H, r4 r5 e-mentor 3 msgs : trainee 1, R6    | balance 3.0 > 2 in r4 and r5                                   | needs_checkin  | B         |
 * | P06  | H H H, r4 r5 answered after 20 d, r6 open 6 d   | r4 late, r5 late, r6 unknown: 0% < 50%                         | needs_checkin  | L         |
 * | P07  | H H, r3 r4 r5 feedback of 30 words only, R6     | longest e-mentor message ≤ 50 in r3, r4, r5                    | needs_checkin  | R         |
 * | P08  | H H H H, r5 H with support rated 2, R6          | latest pulse (r5) has a 2                                      | needs_checkin  | P         |
 * | P09  | H H H, r4 overall 5, r5 overall 3, R6           | overall 5 → 3: down 2                                          | needs_checkin  | D         |
 * | P10  | H H H H H, paused since 1 Oct                   | paused                                                         | paused         |           |
 * | P11  | H H H, withdrawn 1 Jun                          | ended                                                          | ended          |           |
 * | P12  | H H H, r4 e-mentor 51+40 w : trainee 1 (2.0),   | r5 reply after 20 d < 21; balance exactly 2 (not above);       | on_track       |           |
 * |      | r5 answered after 20 d, reply after 20 d, 50+50 | on time r4 yes, r5 no, r6 unknown: 50% (not under);            |                |           |
 * |      | w (2.0), r6 open 6 d                            | longest e-mentor words r3 120, r4 51, r5 50: not all ≤ 50      |                |           |
 *
 * Totals: on track 2, needs a check-in 7, too early 1, paused 1, ended 1.
 */
export const TWELVE_PAIRS: PairPlan[] = [
  { key: 'p01', start: START, rounds: [H, H, H, H, H, R6] },
  { key: 'p02', start: '2027-11-04T10:00:00.000Z', rounds: [R6] },
  { key: 'p03', start: START, rounds: [H, H, H, H, { answer: 3, feedback: null }, { answer: null }] },
  { key: 'p04', start: START, rounds: [H, H, H, { answer: null }, { answer: null }, { answer: null }] },
  { key: 'p05', start: START, rounds: [H, H, H, ...[1, 2].map(() => ({ answer: 3, feedback: 2, mentorWords: [120, 80, 80] })), R6] },
  {
    key: 'p06',
    start: START,
    rounds: [H, H, H, { ...H, answer: 20 }, { ...H, answer: 20 }, { answer: null }],
  },
  { key: 'p07', start: START, rounds: [H, H, ...[1, 2, 3].map(() => ({ answer: 3, feedback: 2, mentorWords: [30] })), R6] },
  { key: 'p08', start: START, rounds: [H, H, H, H, { ...H, traineePulse: { ...FOURS, support: 2 } }, R6] },
  {
    key: 'p09',
    start: START,
    rounds: [H, H, H, { ...H, traineePulse: { ...FOURS, quality: 5 } }, { ...H, traineePulse: { ...FOURS, quality: 3 } }, R6],
  },
  { key: 'p10', start: START, rounds: [H, H, H, H, H], status: { status: 'paused', since: '2027-10-01T09:00:00.000Z' } },
  { key: 'p11', start: START, rounds: [H, H, H], status: { status: 'withdrawn', since: '2027-06-01T09:00:00.000Z' } },
  {
    key: 'p12',
    start: START,
    rounds: [
      H,
      H,
      H,
      { answer: 3, feedback: 2, mentorWords: [51, 40] },
      { answer: 20, feedback: 20, mentorWords: [50, 50] },
      { answer: null },
    ],
  },
];

export const TWELVE_EXPECTED: Record<string, string> = {
  p01: 'on_track',
  p02: 'too_early',
  p03: 'needs_checkin: mentor_waiting',
  p04: 'needs_checkin: silent_rounds late_answers',
  p05: 'needs_checkin: unbalanced',
  p06: 'needs_checkin: late_answers',
  p07: 'needs_checkin: short_replies',
  p08: 'needs_checkin: pulse_low',
  p09: 'needs_checkin: pulse_drop',
  p10: 'paused',
  p11: 'ended',
  p12: 'on_track',
};

// ---------------------------------------------------------------------------------------------
// The report's scheme: the twelve pairs with pulse ratings, and a 2027 survey.

/** The twelve pairs, with pulse ratings on every answered round of the pairs that have none. */
export const PAIRS_WITH_PULSE: PairPlan[] = TWELVE_PAIRS.map((p) =>
  p.rounds.some((r) => r.traineePulse)
    ? p
    : {
        ...p,
        rounds: p.rounds.map((r) =>
          r.answer === null
            ? r
            : {
                ...r,
                traineePulse: FOURS,
                ...(r.feedback !== undefined && r.feedback !== null ? { mentorPulse: { quality: 4, agreement: 5 } } : {}),
              },
        ),
      },
);

/** The scheme of the health test, with pulse ratings and a 2027 survey: 10 trainees (8 yes), 4 e-mentors. */
export function reportScheme(w: { deps: { db: Db } }): SchemeBuilder {
  const scheme = new SchemeBuilder(w.deps.db);
  for (const plan of PAIRS_WITH_PULSE) scheme.add(plan);
  const keys = ['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10'];
  keys.forEach((key, i) => {
    const yes = i < 8 ? 1 : 0;
    scheme.evaluation(2027, scheme.people.get(key)!.trainee, 'trainee', {
      useful: yes,
      support: 3 + (i % 3),
      skills: 4,
      growth: i % 2 === 0 ? 5 : 2,
      publications: null,
      recommend: 5 + (i % 6),
    });
  });
  for (const key of ['p01', 'p02', 'p03', 'p04'])
    scheme.evaluation(2027, scheme.people.get(key)!.mentor, 'mentor', { useful: 1, worthwhile: 5, time: 3, recommend: 9 });
  return scheme;
}
