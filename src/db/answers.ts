import type { Db } from './open';
import { stmt } from './statements';

export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

export function getAnswers(db: Db, roundId: number): Answers {
  const rows = stmt(db, 'SELECT section_key, value_json FROM answers WHERE round_id = ?').all(roundId) as {
    section_key: string;
    value_json: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.section_key, JSON.parse(r.value_json) as AnswerValue]));
}

export function saveAnswers(db: Db, roundId: number, answers: Answers, inboundId: number, now: Date): void {
  const upsert = stmt(
    db,
    `INSERT INTO answers (round_id, section_key, value_json, inbound_id, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, section_key) DO UPDATE SET value_json = excluded.value_json, inbound_id = excluded.inbound_id, updated_at = excluded.updated_at`,
  );
  for (const [key, value] of Object.entries(answers)) upsert.run(roundId, key, JSON.stringify(value), inboundId, now.toISOString());
}
