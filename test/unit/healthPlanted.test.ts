/**
 * A string planted in an answer, a message, a pulse comment and an evaluation's free text
 * reaches the people it was meant for, and appears in none of the report's files, `status`,
 * `health`, `evaluate status`, the logs, or any email to the coordinator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../../src/cli';
import { memoryLogger } from '../../src/log';
import type { OutgoingMail } from '../../src/mail/transport';
import { importRoster } from '../../src/roster/apply';
import { FULL_ANSWERS, makeWorld, replyTo, type World } from '../support/world';

const ROSTER = `trainee_name,trainee_email,mentor_name,mentor_email,start_date
Dr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
Dr Tom Okafor,tom@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04
`;
const PRIYA = 'priya@trainee.example';
const JANE = 'jane@mentor.example';
const COORD = 'coordinator@scheme.example';
const IN_ANSWER = 'AARDVARK-ANSWER';
const IN_PULSE = 'BADGER-PULSE-COMMENT';
const IN_MESSAGE = 'CHEETAH-MESSAGE';
const IN_EVALUATION = 'DINGO-EVALUATION';
const PLANTED = [IN_ANSWER, IN_PULSE, IN_MESSAGE, IN_EVALUATION];

describe('planted strings', () => {
  let w: World;
  const to = (address: string): OutgoingMail[] => w.transport.sent.filter((m) => m.to.address === address);
  afterEach(() => w.close());

  test('reach only the pair (or nobody), never the coordinator', async () => {
    w = makeWorld({ REPORT_EMAIL: 'monthly' });
    importRoster(w.deps.db, ROSTER, 'roster.csv', new Date('2027-01-04T10:00:00Z'), false);
    await w.tick('2027-01-04T10:00:00Z');
    const answers = FULL_ANSWERS.replace('Pass MRCS Part B.', `Pass MRCS Part B. ${IN_ANSWER}`);
    w.source.deliver(await replyTo(to(PRIYA)[0], PRIYA, `${answers}\n\nPulse\nQ1=2 Q2=3 Q3=9 Q4=4 ${IN_PULSE}`));
    await w.tick('2027-01-04T11:00:00Z');
    // Jane answers late: the coordinator hears about the wait, not about anything written.
    for (let d = 1; d <= 16; d++) await w.tick(new Date(Date.parse('2027-01-04T10:00:00Z') + d * 86_400_000));
    w.source.deliver(await replyTo(to(JANE)[0], JANE, `Good work. ${IN_MESSAGE}\n\nQ1=3 Q2=4 ${IN_PULSE}`));
    await w.tick('2027-01-21T11:00:00Z');
    // The end-of-year survey, answered with free text.
    const cli = async (...args: string[]) => {
      const lines: string[] = [];
      const { program } = buildProgram((l) => lines.push(l), { MENTORMAIL_DB: path.join(w.dir, 'test.db') }, w.dir, { logger });
      await program.parseAsync(['node', 'mentormail', ...args]);
      return lines.join('\n');
    };
    const logger = memoryLogger();
    await cli('evaluate', 'open', '--year', '2027', '--now', '2027-12-01T10:00:00Z');
    await w.tick('2027-12-06T10:00:00Z');
    const survey = to(PRIYA).find((m) => m.subject.startsWith('E-mentoring in 2027'))!;
    w.source.deliver(await replyTo(survey, PRIYA, `1. yes\n2. 4\n10. 9\n11. ${IN_EVALUATION}`));
    await w.tick('2027-12-06T11:00:00Z');
    await w.tick('2028-01-03T10:00:00Z'); // the monthly report

    // Where each went: the answer and the message to the other side; the pulse comment and the free text nowhere.
    const toJane = to(JANE)
      .map((m) => m.text)
      .join('\n');
    const toPriya = to(PRIYA)
      .map((m) => m.text)
      .join('\n');
    expect(toJane).toContain(IN_ANSWER);
    expect(toPriya).toContain(IN_MESSAGE);
    for (const s of [IN_PULSE, IN_EVALUATION]) expect(toJane + toPriya).not.toContain(s);
    expect(w.deps.db.prepare('SELECT comment FROM evaluations WHERE comment IS NOT NULL').pluck().all()).toEqual([IN_EVALUATION]);

    // Everything the coordinator sees.
    const coordinatorMail = to(COORD);
    expect(
      coordinatorMail.map((m) => w.deps.db.prepare('SELECT kind FROM outbox WHERE message_id = ?').pluck().get(m.messageId) as string),
    ).toEqual(expect.arrayContaining(['alert_health', 'report']));
    const report = coordinatorMail.find((m) => m.subject === 'E-mentoring report, January 2028')!;
    expect(report.attachments.map((a) => a.filename)).toEqual(['report.html']);
    const out = path.join(w.dir, 'report');
    const seen = [
      ...coordinatorMail.flatMap((m) => [m.subject, m.text, m.html ?? '', ...m.attachments.map((a) => a.content.toString('utf8'))]),
      await cli('status', '--now', '2028-01-03T10:00:00Z'),
      await cli('status', '--json', '--now', '2028-01-03T10:00:00Z'),
      await cli('health', '--pairs', '--now', '2028-01-03T10:00:00Z'),
      await cli('health', '--pairs', '--json', '--now', '2028-01-03T10:00:00Z'),
      await cli('evaluate', 'status', '--year', '2027'),
      await cli('report', '--out', out, '--now', '2028-01-03T10:00:00Z'),
      ...['report.html', 'aggregates.csv', 'report.txt'].map((f) => fs.readFileSync(path.join(out, f), 'utf8')),
      ...w.logs,
      ...logger.lines,
    ].join('\n');
    expect(seen).toContain('<svg'); // the report is really in there
    for (const s of PLANTED) expect(seen).not.toContain(s);
  });
});
