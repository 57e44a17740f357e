import Database from 'better-sqlite3-multiple-ciphers';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { fetchAll, waitForMail } from '../harness/mailbox';
import { EXPECTED_YEAR, reaction, YEAR_ACTORS, YEAR_ROSTER } from '../support/scenario';
import { FULL_ANSWERS } from '../support/world';
import { mentormailFor, replyAsClient, writeRoster, type Mentormail } from './support';

jest.setTimeout(1_200_000);

const DAY = 86_400_000;
const user = (email: string) => email.split('@')[0];

describe('a simulated year on real Dovecot and Postfix', () => {
  let servers: MailServers;
  let mm: Mentormail;

  beforeAll(async () => {
    servers = await startMailServers({ users: ['bot', 'coordinator', ...YEAR_ACTORS.map((a) => user(a.email))] });
    mm = mentormailFor(servers);
  });
  afterAll(async () => {
    await servers?.stop();
    mm?.close();
  });

  test('the conversation is relayed both ways; reminders, lapses and escalations arrive, and each person gets exactly their mail', async () => {
    expect((await mm.cli('import', writeRoster(mm, YEAR_ROSTER))).code).toBe(0);
    const db = new Database(String(mm.env.MENTORMAIL_DB), { readonly: true, fileMustExist: true });
    const sentTo = (address: string) =>
      (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'sent' AND to_address = ?").get(address) as { n: number }).n;
    const totalSent = () => (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'sent'").get() as { n: number }).n;
    const read = new Map<string, number>();
    const paused = new Set<string>();
    let botMail = 0;
    let lastTotal = 0;

    /** Each person reads what arrived since they last looked, and answers as is their habit. */
    const peopleRespond = async (): Promise<number> => {
      let replies = 0;
      for (const actor of YEAR_ACTORS) {
        const expected = sentTo(actor.email);
        if (expected === (read.get(actor.email) ?? 0)) continue;
        const inbox = await waitForMail(servers, user(actor.email), expected, 60_000);
        for (const m of inbox.slice(read.get(actor.email) ?? 0)) {
          const text = reaction(
            actor,
            { subject: m.parsed.subject ?? '', text: m.parsed.text ?? '' },
            FULL_ANSWERS,
            paused.has(actor.email),
          );
          if (!text) continue;
          if (text.startsWith('PAUSE')) paused.add(actor.email);
          await replyAsClient(servers, actor.email, m.parsed, text);
          replies++;
        }
        read.set(actor.email, inbox.length);
      }
      return replies;
    };

    for (let t = Date.parse('2027-01-04T10:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += DAY) {
      if (new Date(t).getUTCDate() % 9 === 0) continue; // days with no tick at all
      await mm.tick(new Date(t).toISOString());
      for (let hour = 1; totalSent() !== lastTotal && hour <= 4; hour++) {
        lastTotal = totalSent();
        const replies = await peopleRespond();
        if (replies > 0) botMail = (await waitForMail(servers, 'bot', botMail + replies, 60_000)).length;
        await mm.tick(new Date(t + hour * 3_600_000).toISOString());
      }
    }

    // What each mailbox holds, by the kind of message the subject says it is.
    const kindOf = (subject: string): string =>
      ([
        [/^E-mentoring questionnaire, round/, 'questionnaire'],
        [/^Reminder: e-mentoring questionnaire/, 'reminder'],
        [/^Reminder: questionnaire from /, 'mentor_reminder'],
        [/^Thank you: your answers/, 'receipt'],
        [/^E-mentoring paused/, 'confirm_pause'],
        [/^Round \d+: a message from/, 'relay_to_trainee'],
        [/^(?:Addendum: q|Q)uestionnaire from .+, round/, 'forward'],
        [/^\[e-mentoring\] No answer from/, 'alert_lapsed'],
        [/^\[e-mentoring\] No feedback from/, 'alert_mentor_silent'],
        [/^\[e-mentoring\] .* may need a check-in$/, 'alert_health'],
        [/^.*'s answers for round \d+ are waiting for you$/, 'health_nudge'],
      ].find(([re]) => (re as RegExp).test(subject))?.[1] as string) ?? `other: ${subject}`;
    const received: Record<string, Record<string, number>> = {};
    for (const address of Object.keys(EXPECTED_YEAR)) {
      const box = await fetchAll(servers, user(address));
      for (const m of box) {
        const k = kindOf(m.parsed.subject ?? '');
        (received[address] ??= {})[k] = (received[address][k] ?? 0) + 1;
      }
    }
    expect(received).toEqual(EXPECTED_YEAR);

    // The written record holds the whole conversation, both ways.
    const record = db
      .prepare('SELECT author_role, kind, COUNT(*) AS n FROM messages GROUP BY author_role, kind ORDER BY author_role, kind')
      .all();
    expect(record).toEqual([
      { author_role: 'mentor', kind: 'feedback', n: 9 },
      { author_role: 'trainee', kind: 'answers', n: 15 },
    ]);
    const status = JSON.parse((await mm.cli('status', '--json', '--now', '2028-01-01T00:00:00Z')).out);
    expect(status.counts).toMatchObject({ lapsed: 6, feedback_received: 9, paused: 3 });
    expect(JSON.stringify(status)).not.toMatch(/appendicectomy|exam plan/);
    db.close();
  });
});
