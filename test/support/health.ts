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

  constructor(private readonly db: Db) {}

  private inbound(at: string): number {
    this.inboundSeq++;
    return Number(
      this.db
        .prepare(
          "INSERT INTO inbound (source, sha256, size, raw, received_at, state) VALUES ('local', ?, 10, ?, ?, 'processed')",
        )
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
      const feedback = answered !== null && r.feedback !== undefined && r.feedback !== null ? iso(Date.parse(answered) + r.feedback * DAY) : null;
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
    if (plan.status)
      db.prepare('UPDATE people SET status = ?, status_since = ? WHERE id = ?').run(plan.status.status, plan.status.since, trainee);
    return this;
  }
}
