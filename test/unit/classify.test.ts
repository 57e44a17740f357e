import { classify } from '../../src/reading/2-kind/classify';
import { readMessage } from '../../src/reading/1-message/readMessage';
import { findReturnDate } from '../../src/reading/2-kind/returnDate';
import { readDateAt } from '../../src/reading/text/writtenDate';

const BASE = [
  'From: Priya Patel <priya@nhs.example.net>',
  'To: bot+tok@deanery.example.org',
  'Date: Tue, 2 Mar 2027 10:00:00 +0000',
  'Message-ID: <m1@nhs.example.net>',
];

async function kindOf(headers: string[], body = 'Hello', subject = 'Re: E-mentoring questionnaire, round 3') {
  const raw = [
    ...BASE.filter((h) => !headers.some((x) => x.split(':')[0] === h.split(':')[0])),
    `Subject: ${subject}`,
    ...headers,
    '',
    body,
  ].join('\n');
  return classify(await readMessage(Buffer.from(raw)));
}

describe('classify: human replies', () => {
  test('an ordinary reply is a reply', async () => {
    expect((await kindOf([])).kind).toBe('reply');
  });
  test('X-Auto-Response-Suppress, which Exchange puts on human mail, is not an auto-reply', async () => {
    expect((await kindOf(['X-Auto-Response-Suppress: All', 'X-MS-Exchange-Organization-AuthAs: Internal'])).kind).toBe('reply');
  });
  test('Auto-Submitted: no is a human message', async () => {
    expect((await kindOf(['Auto-Submitted: no'])).kind).toBe('reply');
  });
  test.each(['Re: Out of office hours rota', 'Out of office hours rota', 'Re: Automatic replies are annoying', 'Auto-enrolment question'])(
    'subject %p is not an auto-reply prefix',
    async (subject) => {
      expect((await kindOf([], 'Hi', subject)).kind).toBe('reply');
    },
  );
  test('Precedence: first-class is a person', async () => {
    expect((await kindOf(['Precedence: first-class'])).kind).toBe('reply');
  });
  test.each([
    [['Precedence: list', 'List-Id: <mentors.lists.example.ac.uk>']],
    [['Precedence: list', 'X-Loop: mentors@lists.example.ac.uk', 'List-Id: <mentors.lists.example.ac.uk>']],
    [['Precedence: bulk', 'Mailing-list: list mentors@googlegroups.com', 'List-Post: <mailto:mentors@googlegroups.com>']],
  ])('a person writing through a mailing list %p is a reply', async (headers) => {
    expect((await kindOf(headers)).kind).toBe('reply');
  });
  test('a mailing list does not hide an out-of-office notice', async () => {
    expect((await kindOf(['Precedence: list', 'List-Id: <x.example.org>', 'Auto-Submitted: auto-replied'])).kind).toBe('auto_reply');
  });
});

describe('classify: auto-replies', () => {
  test.each([
    ['Auto-Submitted: auto-replied'],
    ['Auto-Submitted: auto-generated'],
    ['Auto-Submitted: auto-notified; owner-email="x@y.z"'],
    ['X-Autoreply: yes'],
    ['X-Autorespond: Out of office'],
    ['Precedence: bulk'],
    ['Precedence: junk'],
    ['Precedence: list'],
    ['Precedence: auto_reply'],
    ['X-Loop: helpdesk@example.org'],
  ])('header %p', async (header) => {
    expect((await kindOf([header])).kind).toBe('auto_reply');
  });

  test.each([
    'Automatic reply: E-mentoring questionnaire, round 3',
    'Auto: E-mentoring questionnaire, round 3',
    'AutoReply: E-mentoring questionnaire',
    'Out of Office: E-mentoring questionnaire',
    'Out of Office AutoReply: E-mentoring questionnaire',
    '[Out of Office] E-mentoring questionnaire',
    'Abwesenheitsnotiz: E-mentoring questionnaire',
    'Automatische Antwort: E-mentoring questionnaire',
    'Réponse automatique\u00a0: E-mentoring questionnaire',
    'Respuesta automática: E-mentoring questionnaire',
    'Automatisch antwoord: E-mentoring questionnaire',
    'Risposta automatica: E-mentoring questionnaire',
    '[AUTO GENERATED] Your message has been received',
    'Automatiskt svar: E-mentoring questionnaire',
    'Automatisk svar: E-mentoring questionnaire',
    'Automatická odpověď: E-mentoring questionnaire',
    'Автоматический ответ: E-mentoring questionnaire',
    'Otomatik yanıt: E-mentoring questionnaire',
    'Automatikus válasz: E-mentoring questionnaire',
    '自动回复: E-mentoring questionnaire',
  ])('subject %p', async (subject) => {
    expect((await kindOf([], 'Away', subject)).kind).toBe('auto_reply');
  });

  test.each(['noreply@trust.example.org', 'no-reply@trust.example.org', 'do-not-reply@trust.example.org', 'donotreply@trust.example.org'])(
    'sender %p',
    async (sender) => {
      expect((await kindOf([`From: ${sender}`])).kind).toBe('auto_reply');
    },
  );

  test('a read receipt (multipart/report, not delivery-status) is automatic', async () => {
    const raw = [
      ...BASE,
      'Subject: Read: questionnaire',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message was read.',
      '--b--',
      '',
    ].join('\n');
    expect(classify(await readMessage(Buffer.from(raw))).kind).toBe('auto_reply');
  });

  test('the return date comes from the wording', async () => {
    const result = await kindOf(['Auto-Submitted: auto-replied'], 'I am on leave and will be back on 3 March 2027.');
    expect(result).toMatchObject({ kind: 'auto_reply', return_date: '2027-03-03' });
  });
});

describe('classify: bounces', () => {
  const dsn = (action: string, status: string, extra: string[] = []) =>
    [
      'From: MAILER-DAEMON@mail.deanery.example.org (Mail Delivery System)',
      'To: bot@deanery.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.deanery.example.org',
      '',
      'Final-Recipient: rfc822; a@x.example',
      `Action: ${action}`,
      `Status: ${status}`,
      '',
      ...extra,
      '--r--',
      '',
    ].join('\n');

  test('an RFC 3464 report is a bounce even though it is also auto-submitted', async () => {
    const result = classify(await readMessage(Buffer.from(dsn('failed', '5.1.1'))));
    expect(result).toEqual({
      kind: 'bounce',
      bounce: { recipients: ['a@x.example'], status: '5.1.1', permanent: true },
      reason: 'delivery-status-report',
    });
  });

  test('4.x is transient', async () => {
    const result = classify(await readMessage(Buffer.from(dsn('delayed', '4.4.7'))));
    expect(result.bounce).toEqual({ recipients: ['a@x.example'], status: '4.4.7', permanent: false });
  });

  test('several recipients; a permanent status wins over a transient one', async () => {
    const result = classify(
      await readMessage(
        Buffer.from(dsn('delayed', '4.2.2', ['Final-Recipient: rfc822; b@y.example', 'Action: failed', 'Status: 5.2.1', ''])),
      ),
    );
    expect(result.bounce).toEqual({ recipients: ['a@x.example', 'b@y.example'], status: '5.2.1', permanent: true });
  });

  test('a classic text bounce from a daemon', async () => {
    const raw = [
      'From: Mail Delivery System <Mailer-Daemon@relay.example.net>',
      'To: bot@deanery.example.org',
      'Subject: Mail delivery failed: returning message to sender',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  gone@old.example.net',
      '    550 5.2.1 Mailbox disabled',
      '',
    ].join('\n');
    expect(classify(await readMessage(Buffer.from(raw)))).toMatchObject({
      kind: 'bounce',
      bounce: { recipients: ['gone@old.example.net'], status: '5.2.1', permanent: true },
    });
  });

  test('a postmaster message with bounce wording but no status is permanent unless it says it will retry', async () => {
    const raw = (wording: string) =>
      [
        'From: postmaster@relay.example.net',
        'To: bot@deanery.example.org',
        `Subject: ${wording}`,
        '',
        '<gone@old.example.net>: mailbox unavailable',
        '',
      ].join('\n');
    expect(classify(await readMessage(Buffer.from(raw('Undeliverable: questionnaire')))).bounce).toEqual({
      recipients: ['gone@old.example.net'],
      status: null,
      permanent: true,
    });
    expect(classify(await readMessage(Buffer.from(raw('Delivery Status Notification (Delay)')))).bounce?.permanent).toBe(false);
  });
});

describe('return dates in out-of-office wording', () => {
  const dec20 = new Date('2026-12-20T09:00:00Z');
  test.each([
    ['I will be back on 3 March 2027.', '2027-03-03'],
    ['I am away, returning Monday 12th January 2027.', '2027-01-12'],
    ['I am on leave and back on 12/01/2027.', '2027-01-12'],
    ['I am away until 5 January.', '2027-01-05'],
    ['Back in the office on Tuesday, January 12, 2027.', '2027-01-12'],
    ['I will return on 2027-01-04.', '2027-01-04'],
    ['I am out from 21 December, back on 4 January', '2027-01-04'],
    ['Ich bin bis zum 9. Januar 2027 nicht im Büro.', '2027-01-09'],
    ['Je serai de retour le lundi 4 janvier.', '2027-01-04'],
    ['Estaré fuera hasta el 5 de enero de 2027.', '2027-01-05'],
    ['Vanaf 12-01-2027 ben ik weer op kantoor.', '2027-01-12'],
    ['I am out of the office with no access to email.', null],
    ['Back on 31/02/2027.', null],
  ])('%p → %p', (text, expected) => {
    expect(findReturnDate(text, dec20)).toBe(expected);
  });

  test('a day without a year takes the message year, or the next year once it has passed', () => {
    expect(findReturnDate('until 5 January', new Date('2027-01-03T00:00:00Z'))).toBe('2027-01-05');
    expect(findReturnDate('until 5 January', new Date('2027-01-10T00:00:00Z'))).toBe('2028-01-05');
    expect(findReturnDate('until 5 January', null)).toBeNull();
  });

  test('dates read at the start of a text', () => {
    expect(readDateAt('1/3/2027', null)).toEqual({ date: '2027-03-01', length: 8 });
    expect(readDateAt('the 1st of March 2027', null)?.date).toBe('2027-03-01');
    expect(readDateAt('March 1st, 2027', null)?.date).toBe('2027-03-01');
    expect(readDateAt('29/2/2028', null)?.date).toBe('2028-02-29');
    expect(readDateAt('29/2/2027', null)).toBeNull();
    expect(readDateAt('soon', null)).toBeNull();
  });
});
