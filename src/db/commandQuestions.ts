import type { Command } from '../reading';
import type { Db } from './open';
import { stmt } from './statements';

/** "Did you mean to stop?": one row per question asked, and how it was answered. */
export interface CommandQuestion {
  id: number;
  person_id: number;
  command: Command;
  pause_until: string | null;
  asked_at: string;
}

export function recordQuestion(
  db: Db,
  q: { person_id: number; command: Command; pause_until: string | null; inbound_id: number; outbox_id: number },
  now: Date,
): void {
  stmt(
    db,
    'INSERT INTO command_questions (person_id, command, pause_until, inbound_id, outbox_id, asked_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(q.person_id, q.command, q.pause_until, q.inbound_id, q.outbox_id, now.toISOString());
}

/** The latest question to this person still without an answer. */
export function openQuestion(db: Db, personId: number): CommandQuestion | undefined {
  return stmt(
    db,
    'SELECT id, person_id, command, pause_until, asked_at FROM command_questions WHERE person_id = ? AND answered_at IS NULL ORDER BY id DESC LIMIT 1',
  ).get(personId) as CommandQuestion | undefined;
}

/** Answering one question settles every open question to that person: one "yes" acts once. */
export function settleQuestions(db: Db, personId: number, answer: 'yes' | 'no' | 'command', now: Date): void {
  stmt(db, 'UPDATE command_questions SET answer = ?, answered_at = ? WHERE person_id = ? AND answered_at IS NULL').run(
    answer,
    now.toISOString(),
    personId,
  );
}
