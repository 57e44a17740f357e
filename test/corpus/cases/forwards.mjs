/**
 * A trainee or mentor forwarding a message through the scheme: what they forward is content
 * for the other side, not history to trim. The note above it loses its signature as usual.
 */
import { rfcDate } from '../langs.mjs';
import { leaf, message, multipart, quotedPrintable, escapeHtml } from '../mime.mjs';

const ROTA = `Dear Dr Patel,

Please note that your April rota has changed: you are now on nights from 12 to 18 April.
Please contact medical staffing if this causes a problem.

Kind regards,
Medical Staffing Team
Freeman Hospital`;

function head({ from, to, subject, date, id, extra = [] }) {
  return [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Date: ${rfcDate(date)}`, `Message-ID: ${id}`, ...extra];
}

const D = { y: 2027, m: 3, d: 3, wd: 3, h: 20, min: 11 };
const PRIYA = 'Priya Patel <priya.patel@nhs.example.net>';
const TOKEN = 'mentoring+f9kq2xv7mbz4nr3tw6cy8pda5h@deanery.example.org';

function gmailForward(name, { lang = 'en', note, signature, forwardedHeader, body, subject = 'Fwd: Rota change for April' }) {
  const text = `${note}${signature ? `\n\n-- \n${signature}` : ''}\n\n${forwardedHeader}\n\n\n${body}\n`;
  const html = `<div dir="ltr">${note
    .split('\n')
    .map((l) => `<div>${escapeHtml(l) || '<br>'}</div>`)
    .join(
      '',
    )}${signature ? `<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature">${escapeHtml(signature).replace(/\n/g, '<br>')}</div>` : ''}<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${forwardedHeader
    .split('\n')
    .map((l) => escapeHtml(l))
    .join('<br>')}<br></div><br><br>${escapeHtml(body).replace(/\n/g, '<br>')}</div></div>\n`;
  const raw = message(
    [
      ...head({
        from: PRIYA,
        to: `E-mentoring <${TOKEN}>`,
        subject,
        date: D,
        id: `<CAHt${name.length}x9Qw0fKp2vB7mZ1uY3pL6oE2aDd@mail.gmail.com>`,
      }),
    ],
    multipart('alternative', `000000000000${'a3f9'.repeat(3)}`, [
      leaf({ type: 'text/plain', charset: 'UTF-8', encoding: 'quoted-printable', body: text }),
      leaf({ type: 'text/html', charset: 'UTF-8', encoding: 'quoted-printable', body: html }),
    ]),
  );
  void lang;
  return raw;
}

const GMAIL_FWD_HEADER = `---------- Forwarded message ---------
From: Medical Staffing <medical.staffing@nhs.example.net>
Date: Mon, 1 Mar 2027 at 16:02
Subject: Rota change for April
To: <priya.patel@nhs.example.net>`;

export default [
  {
    name: 'gmail_forward_with_note',
    client: 'raw',
    raw: gmailForward('a', {
      note: `Hi Jane,\n\nThis has just come through. It clashes with my exam on 14 April. What should I do?\n\nPriya`,
      forwardedHeader: GMAIL_FWD_HEADER,
      body: ROTA,
    }),
    expect: {
      kind: 'reply',
      reply_text: `Hi Jane,\n\nThis has just come through. It clashes with my exam on 14 April. What should I do?\n\nPriya\n\n${GMAIL_FWD_HEADER}\n\n${ROTA}`,
    },
  },
  {
    name: 'gmail_forward_note_with_signature',
    client: 'raw',
    raw: gmailForward('b', {
      note: `Jane, see below. Is this allowed?`,
      signature: `Dr Priya Patel\nST3 General Surgery\nFreeman Hospital`,
      forwardedHeader: GMAIL_FWD_HEADER,
      body: ROTA,
    }),
    expect: { kind: 'reply', reply_text: `Jane, see below. Is this allowed?\n\n${GMAIL_FWD_HEADER}\n\n${ROTA}` },
  },
  {
    name: 'gmail_forward_without_note',
    client: 'raw',
    raw: gmailForward('c', { note: '', forwardedHeader: GMAIL_FWD_HEADER, body: ROTA }),
    expect: { kind: 'reply', reply_text: `${GMAIL_FWD_HEADER}\n\n${ROTA}` },
  },
  {
    name: 'gmail_de_forward_weitergeleitete_nachricht',
    client: 'raw',
    raw: gmailForward('d', {
      lang: 'de',
      note: `Hallo Klaus,\n\nanbei die Einladung zum Bewerbungsgespräch. Hast du Tipps?\n\nJonas`,
      forwardedHeader: `---------- Weitergeleitete Nachricht ---------\nVon: Recruitment <recruitment@deanery.example.org>\nDate: Mo., 1. März 2027 um 16:02 Uhr\nSubject: Interview invitation: ST3 General Surgery\nTo: <jonas.weber@nhs.example.net>`,
      body: `Dear Dr Weber,\n\nWe are pleased to invite you to interview on 22 March 2027 at 10:30.\n\nRecruitment Team`,
      subject: 'Fwd: Interview invitation: ST3 General Surgery',
    }),
    expect: {
      kind: 'reply',
      reply_text: `Hallo Klaus,\n\nanbei die Einladung zum Bewerbungsgespräch. Hast du Tipps?\n\nJonas\n\n---------- Weitergeleitete Nachricht ---------\nVon: Recruitment <recruitment@deanery.example.org>\nDate: Mo., 1. März 2027 um 16:02 Uhr\nSubject: Interview invitation: ST3 General Surgery\nTo: <jonas.weber@nhs.example.net>\n\nDear Dr Weber,\n\nWe are pleased to invite you to interview on 22 March 2027 at 10:30.\n\nRecruitment Team`,
    },
  },
  {
    name: 'apple_mail_begin_forwarded_message',
    client: 'raw',
    raw: message(
      [
        ...head({
          from: 'Aisha Rahman <aisha.rahman2@nhs.example.net>',
          to: TOKEN,
          subject: 'Fwd: Teaching fellowship offer',
          date: D,
          id: '<8C1F2E7A-3B4D-4E5F-9A6B-7C8D9E0F1A2B@nhs.example.net>',
          extra: ['X-Mailer: Apple Mail (2.3774.300.61.1.2)'],
        }),
      ],
      leaf({
        type: 'text/plain',
        charset: 'utf-8',
        encoding: 'quoted-printable',
        order: 'cte-first',
        body: `Helen, this is the offer I mentioned. Should I accept?\n\nAisha\n\nBegin forwarded message:\n\n> From: Medical Education <med.education@nhs.example.net>\n> Subject: Teaching fellowship offer\n> Date: 1 March 2027 at 16:02:11 GMT\n> To: Aisha Rahman <aisha.rahman2@nhs.example.net>\n> \n> Dear Dr Rahman,\n> \n> We are delighted to offer you the teaching fellowship from August 2027.\n> Please reply by 19 March.\n> \n> Medical Education\n`,
      }),
      { mimeVersion: 'Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.300.61.1.2\\))' },
    ),
    expect: {
      kind: 'reply',
      reply_text: `Helen, this is the offer I mentioned. Should I accept?\n\nAisha\n\nBegin forwarded message:\n\n> From: Medical Education <med.education@nhs.example.net>\n> Subject: Teaching fellowship offer\n> Date: 1 March 2027 at 16:02:11 GMT\n> To: Aisha Rahman <aisha.rahman2@nhs.example.net>\n>\n> Dear Dr Rahman,\n>\n> We are delighted to offer you the teaching fellowship from August 2027.\n> Please reply by 19 March.\n>\n> Medical Education`,
    },
  },
  {
    name: 'thunderbird_forwarded_message_inline',
    client: 'raw',
    raw: message(
      [
        ...head({
          from: 'Tom Baker <tom.baker@nhs.example.net>',
          to: TOKEN,
          subject: 'Fwd: Exam results',
          date: D,
          id: '<3a7e9c1d-5b2f-4e8a-9d6c-0f1e2a3b4c5d@nhs.example.net>',
          extra: ['User-Agent: Mozilla Thunderbird', 'Content-Language: en-GB'],
        }),
      ],
      leaf({
        type: 'text/plain',
        charset: 'UTF-8',
        encoding: '8bit',
        params: '; format=flowed',
        body: `Richard - good news!\n\n\n-------- Forwarded Message --------\nSubject: \tExam results\nDate: \tMon, 1 Mar 2027 16:02:11 +0000\nFrom: \tExams Office <exams@college.example.org>\nTo: \ttom.baker@nhs.example.net\n\n\n\nDear Dr Baker,\n\nWe are pleased to tell you that you have passed the MRCS Part B examination.\n\nExams Office\n`,
      }),
    ),
    expect: {
      kind: 'reply',
      reply_text: `Richard - good news!\n\n-------- Forwarded Message --------\nSubject:     Exam results\nDate:     Mon, 1 Mar 2027 16:02:11 +0000\nFrom:     Exams Office <exams@college.example.org>\nTo:     tom.baker@nhs.example.net\n\nDear Dr Baker,\n\nWe are pleased to tell you that you have passed the MRCS Part B examination.\n\nExams Office`,
    },
    note: 'Tabs are read as four spaces.',
  },
  {
    name: 'outlook_fw_header_block',
    client: 'raw',
    raw: message(
      [
        ...head({
          from: 'Ben Carter <ben.carter@doctors.example.org.uk>',
          to: `"E-mentoring" <${TOKEN}>`,
          subject: 'FW: Study leave request',
          date: D,
          id: '<DB7PR02MB4793C1E8A2D04F8B9E3A6C1DB8F2A9C4@DB7PR02MB4793.eurprd02.prod.outlook.com>',
          extra: ['Thread-Topic: Study leave request', 'Thread-Index: AQHZfwd3k2Lm9Q=='],
        }),
      ],
      leaf({
        type: 'text/plain',
        charset: 'us-ascii',
        encoding: 'quoted-printable',
        body: `Hi David,\n\nMy study leave was refused again, see below. Any ideas?\n\nBen\n\nFrom: Rota Coordinator <rota.coordinator@nhs.example.net>\nSent: 01 March 2027 16:02\nTo: Carter Ben <ben.carter@doctors.example.org.uk>\nSubject: Study leave request\n\nDear Ben,\n\nUnfortunately we cannot approve study leave on 18 March because of staffing.\n\nRota Coordinator\n`,
      }),
    ),
    expect: {
      kind: 'reply',
      reply_text: `Hi David,\n\nMy study leave was refused again, see below. Any ideas?\n\nBen\n\nFrom: Rota Coordinator <rota.coordinator@nhs.example.net>\nSent: 01 March 2027 16:02\nTo: Carter Ben <ben.carter@doctors.example.org.uk>\nSubject: Study leave request\n\nDear Ben,\n\nUnfortunately we cannot approve study leave on 18 March because of staffing.\n\nRota Coordinator`,
    },
  },
  {
    name: 'outlook_web_fw_underscores',
    client: 'raw',
    raw: message(
      [
        ...head({
          from: 'Priya Patel <priya.patel@nhs.example.net>',
          to: TOKEN,
          subject: 'Fw: Audit presentation slot',
          date: D,
          id: '<PAXPR01MB8456E2F1A3B4C5D6E7F8091A2B3C4D5E@PAXPR01MB8456.eurprd01.prod.outlook.com>',
        }),
      ],
      leaf({
        type: 'text/plain',
        charset: 'utf-8',
        encoding: 'quoted-printable',
        body: `FYI - they gave me a slot!\n\n________________________________\nFrom: Audit Lead <audit.lead@nhs.example.net>\nSent: Monday, 1 March 2027 16:02\nTo: Priya Patel <priya.patel@nhs.example.net>\nSubject: Audit presentation slot\n\nHi Priya,\n\nYou are presenting at the audit meeting on 26 March, 12:30. 10 minutes plus questions.\n\nThanks\n`,
      }),
    ),
    expect: {
      kind: 'reply',
      reply_text: `FYI - they gave me a slot!\n\n________________________________\nFrom: Audit Lead <audit.lead@nhs.example.net>\nSent: Monday, 1 March 2027 16:02\nTo: Priya Patel <priya.patel@nhs.example.net>\nSubject: Audit presentation slot\n\nHi Priya,\n\nYou are presenting at the audit meeting on 26 March, 12:30. 10 minutes plus questions.\n\nThanks`,
    },
  },
  {
    name: 'reply_quoting_an_earlier_forward',
    client: 'raw',
    note: 'A forward inside the quoted history is history, like the rest of the quote.',
    raw: message(
      [
        ...head({
          from: 'Jane Smith <jane.smith@nhs.example.net>',
          to: TOKEN,
          subject: 'Re: Round 3: a message from Priya Patel',
          date: D,
          id: '<CAL9v2mQ0x8fT3rW5yZkP1oB7nD4eC6aH2gJ@mail.gmail.com>',
        }),
      ],
      leaf({
        type: 'text/plain',
        charset: 'UTF-8',
        encoding: 'quoted-printable',
        body: `Priya, you are entitled to ask for a swap. Talk to your ES tomorrow.\n\nJane\n\nOn Wed, 3 Mar 2027 at 20:11, Priya Patel via E-mentoring <\nmentoring@deanery.example.org> wrote:\n\n> Hi Jane,\n>\n> This has just come through. What should I do?\n>\n> ---------- Forwarded message ---------\n> From: Medical Staffing <medical.staffing@nhs.example.net>\n> Date: Mon, 1 Mar 2027 at 16:02\n> Subject: Rota change for April\n>\n> Dear Dr Patel,\n> Your April rota has changed.\n`,
      }),
    ),
    expect: { kind: 'reply', reply_text: 'Priya, you are entitled to ask for a swap. Talk to your ES tomorrow.\n\nJane' },
  },
  {
    name: 'zoho_forwarded_message_equals',
    client: 'raw',
    raw: message(
      [
        ...head({
          from: 'Helen Marsh <helen.marsh@university.example.ac.uk>',
          to: TOKEN,
          subject: 'Fwd: Leadership course places',
          date: D,
          id: '<18e2c7a9f3b.b7c1d2e3f4a5b6c7@zohomail.eu>',
          extra: ['User-Agent: Zoho Mail'],
        }),
      ],
      leaf({
        type: 'text/plain',
        charset: 'UTF-8',
        encoding: '7bit',
        body: `Aisha - this might interest you.\n\n\n\n============ Forwarded message ============\nFrom: Deanery Courses <courses@deanery.example.org>\nTo: <helen.marsh@university.example.ac.uk>\nDate: Mon, 01 Mar 2027 16:02:11 +0000\nSubject: Leadership course places\n============ Forwarded message ============\n\nThere are still places on the leadership course for trainees on 15 April.\n`,
      }),
    ),
    expect: {
      kind: 'reply',
      reply_text: `Aisha - this might interest you.\n\n============ Forwarded message ============\nFrom: Deanery Courses <courses@deanery.example.org>\nTo: <helen.marsh@university.example.ac.uk>\nDate: Mon, 01 Mar 2027 16:02:11 +0000\nSubject: Leadership course places\n============ Forwarded message ============\n\nThere are still places on the leadership course for trainees on 15 April.`,
    },
  },
];

void quotedPrintable;
