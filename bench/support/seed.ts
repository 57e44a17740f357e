/**
 * A database holding a year of a scheme's history, written straight into the first schema
 * (migration 001) so that mentormail migrates it like any real database on its first tick.
 * Everything is settled at SEED_NOW: rounds answered or lapsed, feedback given or escalated,
 * nothing waiting to be sent; raw mail and sent bodies are gone as retention leaves them, and
 * the written record (answers, messages) is kept.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate } from '../../src/db/migrate';
import { newToken } from '../../src/mail/tokens';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { roundDueDate } from '../../src/schedule/rounds';
import type { MailServers } from '../../test/harness/mailServers';
import { mentorAddress, traineeAddress, TRAINEES_PER_MENTOR, SINK } from './deployment';
import { answersText } from './replies';

export const SEED_START = '2026-01-05';
/** A Tuesday morning in December: round 7 is not due until 5 January. */
export const SEED_NOW = '2026-12-15T11:00:00Z';
const ROUNDS = 6;
const KIND: Record<string, string> = { lapsed: 'alert_lapsed', mentor_silent: 'alert_mentor_silent', relay: 'relay_to_trainee' };

export function seedYear(servers: MailServers, dbPath: string, trainees: number, cursor: { uidvalidity: number; lastUid: number }): void {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  migrate(
    db,
    loadMigrations().filter((m) => m.version === 1),
  );
  const q = loadQuestionnaire();
  const ins = {
    person: db.prepare(
      'INSERT INTO people (email, name, role, status, paused_until, status_since, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    pair: db.prepare('INSERT INTO pairs (trainee_id, mentor_id, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    round: db.prepare(
      `INSERT INTO rounds (pair_id, number, mentor_id, due_date, state, created_at, sent_at, answered_at, completed_at, forwarded_at,
         feedback_at, reminders_sent, last_reminder_at, lapsed_at, mentor_reminders_sent, mentor_last_reminder_at, mentor_escalated_at,
         trainee_thread_id, mentor_thread_id)
       VALUES (@pair_id, @number, @mentor_id, @due_date, @state, @created_at, @sent_at, @answered_at, @completed_at, @forwarded_at,
         @feedback_at, @reminders_sent, @last_reminder_at, @lapsed_at, @mentor_reminders_sent, @mentor_last_reminder_at,
         @mentor_escalated_at, @trainee_thread_id, @mentor_thread_id)`,
    ),
    outbox: db.prepare(
      `INSERT INTO outbox (dedupe_key, kind, person_id, round_id, to_address, to_name, from_name, reply_to, subject, text_body, html_body,
         message_id, in_reply_to, references_ids, headers_json, state, attempts, next_attempt_at, created_at, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, 'E-mentoring', ?, ?, '', NULL, ?, NULL, NULL, '{}', 'sent', 1, ?, ?, ?)`,
    ),
    token: db.prepare(
      'INSERT INTO tokens (token, person_id, address, role, purpose, pair_id, round_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    inbound: db.prepare(
      `INSERT INTO inbound (source, uidvalidity, uid, message_id, sha256, size, raw, received_at, state, kind, outcome, attempts,
         person_id, round_id, processed_at) VALUES ('imap:INBOX', ?, ?, ?, ?, ?, x'', ?, 'processed', 'reply', ?, 1, ?, ?, ?)`,
    ),
    message: db.prepare(
      `INSERT INTO messages (round_id, pair_id, author_id, author_role, kind, body_text, inbound_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    answer: db.prepare('INSERT INTO answers (round_id, section_key, value_json, inbound_id, updated_at) VALUES (?, ?, ?, ?, ?)'),
  };
  const created = `${SEED_START}T08:00:00.000Z`;
  let uid = 0;
  let mailSeq = 0;

  db.transaction(() => {
    const mentors = Math.ceil(trainees / TRAINEES_PER_MENTOR);
    const mentorIds: number[] = [];
    for (let j = 1; j <= mentors; j++) {
      mentorIds.push(
        Number(ins.person.run(mentorAddress(servers, j), `Dr Mentor ${j}`, 'mentor', 'active', null, created, created).lastInsertRowid),
      );
    }
    for (let i = 1; i <= trainees; i++) {
      // A few step back or pause over the year, as people do.
      const status = i % 97 === 0 ? 'withdrawn' : i % 53 === 0 ? 'paused' : 'active';
      const email = traineeAddress(servers, i);
      const traineeId = Number(
        ins.person.run(email, `Dr Trainee ${i}`, 'trainee', status, status === 'paused' ? '2027-03-01' : null, created, created)
          .lastInsertRowid,
      );
      const mentorId = mentorIds[Math.ceil(i / TRAINEES_PER_MENTOR) - 1];
      const mentorEmail = mentorAddress(servers, Math.ceil(i / TRAINEES_PER_MENTOR));
      const pairId = Number(ins.pair.run(traineeId, mentorId, SEED_START, created, created).lastInsertRowid);
      const rounds = status === 'withdrawn' ? 3 : ROUNDS;
      for (let k = 1; k <= rounds; k++) {
        const due = roundDueDate(SEED_START, k, 2);
        const at = (days: number, hour = 10) =>
          new Date(Date.parse(`${due}T${String(hour).padStart(2, '0')}:00:00Z`) + days * 86_400_000).toISOString();
        const fate = (i * 7 + k * 3) % 10; // 0-6 answered with feedback, 7 mentor silent, 8 lapsed, 9 answered in part
        const answered = fate !== 8;
        const mid = (kind: string) => `<seed-${i}-${k}-${kind}@${servers.domain}>`;
        const roundId = Number(
          ins.round.run({
            pair_id: pairId,
            number: k,
            mentor_id: mentorId,
            due_date: due,
            state: !answered ? 'lapsed' : fate === 9 ? 'answered' : 'complete',
            created_at: at(0, 8),
            sent_at: at(0),
            answered_at: answered ? at(2) : null,
            completed_at: answered && fate !== 9 ? at(2) : null,
            forwarded_at: answered ? at(2) : null,
            feedback_at: answered && fate !== 7 ? at(5) : null,
            reminders_sent: answered ? 0 : 2,
            last_reminder_at: answered ? null : at(21),
            lapsed_at: answered ? null : at(28),
            mentor_reminders_sent: fate === 7 ? 2 : 0,
            mentor_last_reminder_at: fate === 7 ? at(23) : null,
            mentor_escalated_at: fate === 7 ? at(30) : null,
            trainee_thread_id: mid('questionnaire'),
            mentor_thread_id: answered ? mid('forward') : null,
          }).lastInsertRowid,
        );
        const sent = (kind: string, to: string, personId: number | null, subject: string, when: string, role: string | null) => {
          let replyTo: string | null = null;
          if (role) {
            const token = newToken();
            ins.token.run(token, personId, to, role, role === 'trainee' ? 'answers' : 'conversation', pairId, roundId, when);
            replyTo = `bot+${token}@${servers.domain}`;
            if (role === 'trainee') ins.token.run(newToken(), personId, to, 'trainee', 'unsubscribe', null, null, when);
          }
          ins.outbox.run(
            `round:${roundId}:${kind}`,
            KIND[kind.replace(/:\d+$/, '')] ?? kind.replace(/:\d+$/, ''),
            personId,
            roundId,
            to,
            null,
            replyTo,
            subject,
            mid(kind),
            when,
            when,
            when,
          );
        };
        sent('questionnaire', email, traineeId, `E-mentoring questionnaire, round ${k}`, at(0), 'trainee');
        if (!answered) {
          sent('reminder:1', email, traineeId, `Reminder: e-mentoring questionnaire, round ${k}`, at(14), 'trainee');
          sent('reminder:2', email, traineeId, `Reminder: e-mentoring questionnaire, round ${k}`, at(21), 'trainee');
          sent('lapsed', `${SINK}+coordinator@${servers.domain}`, null, `No answer from Dr Trainee ${i} for round ${k}`, at(28), null);
          continue;
        }
        const inbound = (personId: number, kind: string, when: string) =>
          Number(
            ins.inbound.run(
              cursor.uidvalidity,
              ++uid,
              `<in-${++mailSeq}@trainee.example>`,
              `seed-${mailSeq}`,
              8000,
              when,
              kind,
              personId,
              roundId,
              when,
            ).lastInsertRowid,
          );
        const answersIn = inbound(traineeId, 'answers_stored', at(2));
        ins.message.run(roundId, pairId, traineeId, 'trainee', 'answers', answersText(i), answersIn, at(2));
        for (const s of q.sections) {
          if (fate === 9 && s.number > 6) continue;
          const value = s.list
            ? [`${s.title} first point`, `${s.title} second point`]
            : `${s.title}: an answer of a realistic length, a sentence or two.`;
          ins.answer.run(roundId, s.key, JSON.stringify(value), answersIn, at(2));
        }
        sent('receipt', email, traineeId, `Thank you: your answers for round ${k} were received`, at(2), 'trainee');
        sent('forward', mentorEmail, mentorId, `Dr Trainee ${i}'s questionnaire, round ${k}`, at(2), 'mentor');
        if (fate === 7) {
          sent('mentor_reminder:1', mentorEmail, mentorId, 'Reminder', at(16), 'mentor');
          sent('mentor_reminder:2', mentorEmail, mentorId, 'Reminder', at(23), 'mentor');
          sent('mentor_silent', `${SINK}+coordinator@${servers.domain}`, null, 'No feedback', at(30), null);
          continue;
        }
        const feedbackIn = inbound(mentorId, 'relayed_to_trainee', at(5));
        ins.message.run(
          roundId,
          pairId,
          mentorId,
          'mentor',
          'feedback',
          'Thank you, this is great progress. Let us talk about the exam plan next time.',
          feedbackIn,
          at(5),
        );
        sent('relay', email, traineeId, `Round ${k}: a message from Dr Mentor`, at(5), 'trainee');
      }
    }
    db.prepare('INSERT INTO mailbox_cursor (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)').run(
      'imap:INBOX',
      cursor.uidvalidity,
      cursor.lastUid,
    );
  })();
  db.close();
}
