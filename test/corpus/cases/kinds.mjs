/**
 * Which kind a message is: out-of-office notices in several languages and from several
 * systems are auto-replies; mailing-list mail (Precedence: list, X-Loop, List-Id) written by a
 * person is a reply; delivery reports are bounces; ordinary mail with Exchange's
 * X-Auto-Response-Suppress is a reply.
 */
import { rfcDate } from '../langs.mjs';

const D = rfcDate({ y: 2027, m: 3, d: 2, wd: 2, h: 9, min: 15 });
const TO = 'mentoring+k7mq2xv9kbz4nr3tw6cy8pda5h@deanery.example.org';

function mail(name, headers, body, expect, { contentType = 'text/plain; charset=utf-8', note } = {}) {
  return {
    name,
    client: 'raw',
    note,
    expect,
    raw: [...headers, 'MIME-Version: 1.0', `Content-Type: ${contentType}`, '', body, ''].join('\r\n'),
  };
}

const ooo = (name, from, subject, body, extra = [], expect = { kind: 'auto_reply' }) =>
  mail(
    name,
    [`From: ${from}`, `To: ${TO}`, `Subject: ${subject}`, `Date: ${D}`, `Message-ID: <ooo-${name}@mail.example.net>`, ...extra],
    body,
    expect,
  );

export default [
  ooo(
    'exchange_automatic_reply_headers',
    '"Smith, Jane" <jane.smith@nhs.example.net>',
    'Automatic reply: Round 3: a message from Priya Patel',
    'I am on annual leave until Monday 15 March 2027 with limited access to email.\n\nFor urgent matters please contact the surgical secretaries on 0191 233 6161.',
    [
      'Auto-Submitted: auto-generated',
      'X-Auto-Response-Suppress: All',
      'X-MS-Exchange-Inbox-Rules-Loop: jane.smith@nhs.example.net',
      'Thread-Topic: Round 3: a message from Priya Patel',
    ],
    { kind: 'auto_reply', return_date: '2027-03-15' },
  ),
  ooo(
    'gmail_vacation_responder',
    'Tom Baker <tom.baker@nhs.example.net>',
    'Re: E-mentoring questionnaire, round 3',
    'Hi, I am away until 20 March with no access to email. I will reply when I am back.',
    ['Auto-Submitted: auto-replied', 'Precedence: bulk'],
  ),
  ooo(
    'german_subject_automatische_antwort',
    'Jonas Weber <jonas.weber@nhs.example.net>',
    'Automatische Antwort: E-mentoring questionnaire, round 3',
    'Ich bin bis zum 12.03.2027 nicht im Büro. Ihre Nachricht wird nicht weitergeleitet.',
  ),
  ooo(
    'french_subject_reponse_automatique',
    'Marie Dubois <marie.dubois@nhs.example.net>',
    'Réponse automatique : Round 3: a message from Jane Smith',
    "Je suis absente jusqu'au 14 mars. Je répondrai à votre message dès mon retour.",
  ),
  ooo(
    'spanish_subject_respuesta_automatica',
    'Lucía García <lucia.garcia@nhs.example.net>',
    'Respuesta automática: E-mentoring questionnaire, round 3',
    'Estoy fuera de la oficina hasta el 10 de marzo.',
  ),
  ooo(
    'dutch_subject_automatisch_antwoord',
    'Sanne de Vries <sanne.devries@nhs.example.net>',
    'Automatisch antwoord: E-mentoring questionnaire, round 3',
    'Ik ben afwezig tot en met 9 maart.',
  ),
  ooo(
    'italian_subject_risposta_automatica',
    'Giulia Rossi <giulia.rossi@nhs.example.net>',
    'Risposta automatica: E-mentoring questionnaire, round 3',
    'Sono fuori sede fino al 16 marzo.',
  ),
  ooo(
    'swedish_subject_automatiskt_svar',
    'Erik Lindqvist <erik.lindqvist@nhs.example.net>',
    'Automatiskt svar: E-mentoring questionnaire, round 3',
    'Jag är på semester till och med 12 mars.',
  ),
  ooo(
    'danish_subject_automatisk_svar',
    'Mette Nielsen <mette.nielsen@nhs.example.net>',
    'Automatisk svar: E-mentoring questionnaire, round 3',
    'Jeg er på ferie indtil 15. marts.',
  ),
  ooo(
    'polish_subject_automatyczna_odpowiedz',
    'Katarzyna Nowak <katarzyna.nowak@nhs.example.net>',
    'Automatyczna odpowiedź: E-mentoring questionnaire, round 3',
    'Jestem na urlopie do 12 marca.',
  ),
  ooo(
    'portuguese_subject_resposta_automatica',
    'João Silva <joao.silva@nhs.example.net>',
    'Resposta automática: E-mentoring questionnaire, round 3',
    'Estou de férias até 14 de março.',
  ),
  ooo(
    'russian_subject_avtomaticheskiy_otvet',
    'Dmitri Ivanov <dmitri.ivanov@nhs.example.net>',
    'Автоматический ответ: E-mentoring questionnaire, round 3',
    'Я в отпуске до 15 марта.',
  ),
  ooo(
    'czech_subject_automaticka_odpoved',
    'Jana Nováková <jana.novakova@nhs.example.net>',
    'Automatická odpověď: E-mentoring questionnaire, round 3',
    'Jsem mimo kancelář do 12. března.',
  ),
  ooo(
    'turkish_subject_otomatik_yanit',
    'Elif Yılmaz <elif.yilmaz@nhs.example.net>',
    'Otomatik yanıt: E-mentoring questionnaire, round 3',
    '12 Mart tarihine kadar izindeyim.',
  ),
  ooo(
    'finnish_subject_automaattinen_vastaus',
    'Aino Virtanen <aino.virtanen@nhs.example.net>',
    'Automaattinen vastaus: E-mentoring questionnaire, round 3',
    'Olen lomalla 14.3. asti.',
  ),
  ooo(
    'auto_generated_bracket_subject',
    'Medical Staffing <medical.staffing@nhs.example.net>',
    '[AUTO GENERATED] Your message has been received',
    'Thank you for your email. This mailbox is monitored Monday to Friday, 9am to 5pm.\nWe aim to respond within 3 working days.',
  ),
  ooo(
    'out_of_office_subject_only',
    'Ben Carter <ben.carter@doctors.example.org.uk>',
    'Out of Office: Round 2: a message from David Chen',
    'I am out of the office until 8 March.',
  ),
  ooo(
    'x_autoreply_header_zimbra',
    'Helen Marsh <helen.marsh@university.example.ac.uk>',
    'Re: Round 3: a message from Aisha Rahman',
    'I am away at a conference and will reply on my return on 10 March.',
    ['X-Autoreply: yes'],
  ),
  ooo(
    'precedence_auto_reply_header',
    'Fiona MacLeod <fiona.macleod@nhs.example.net>',
    'Away: Round 2: a message from Ben Carter',
    'I am on leave this week.',
    ['Precedence: auto_reply'],
  ),
  ooo(
    'helpdesk_autoack_auto_submitted',
    'IT Service Desk <servicedesk@nhs.example.net>',
    'Ticket INC0123456 has been logged',
    'Your request has been logged with reference INC0123456.',
    ['Auto-Submitted: auto-generated', 'X-ServiceNow-Generated: true'],
  ),
  // People writing through mailing lists are people.
  mail(
    'mailman_list_reply',
    [
      'From: David Chen <david.chen@nhs.example.net>',
      `To: ${TO}`,
      'Subject: Re: Round 2: a message from Ben Carter',
      `Date: ${D}`,
      'Message-ID: <list-mailman-1@nhs.example.net>',
      'Sender: "Acute medicine consultants" <acute-consultants-bounces@lists.example.ac.uk>',
      'Precedence: list',
      'X-BeenThere: acute-consultants@lists.example.ac.uk',
      'X-Mailman-Version: 2.1.39',
      'List-Id: Acute medicine consultants <acute-consultants.lists.example.ac.uk>',
      'List-Unsubscribe: <https://lists.example.ac.uk/mailman/options/acute-consultants>, <mailto:acute-consultants-request@lists.example.ac.uk?subject=unsubscribe>',
      'List-Post: <mailto:acute-consultants@lists.example.ac.uk>',
    ],
    'Ben, yes, the teaching slot on the 18th is yours.\n\nDavid',
    { kind: 'reply', reply_text: 'Ben, yes, the teaching slot on the 18th is yours.\n\nDavid' },
  ),
  mail(
    'sympa_list_with_x_loop',
    [
      'From: Helen Marsh <helen.marsh@university.example.ac.uk>',
      `To: ${TO}`,
      'Subject: Re: Round 3: a message from Aisha Rahman',
      `Date: ${D}`,
      'Message-ID: <list-sympa-1@university.example.ac.uk>',
      'Precedence: list',
      'X-Loop: mentors@lists.university.example.ac.uk',
      'X-Sequence: 1432',
      'List-Id: <mentors.lists.university.example.ac.uk>',
      'List-Help: <mailto:sympa@lists.university.example.ac.uk?subject=help>',
      'List-Unsubscribe: <mailto:sympa@lists.university.example.ac.uk?subject=unsubscribe%20mentors>',
    ],
    'Aisha,\n\nThe course sounds ideal. Apply before the end of the month.\n\nHelen',
    { kind: 'reply', reply_text: 'Aisha,\n\nThe course sounds ideal. Apply before the end of the month.\n\nHelen' },
  ),
  mail(
    'google_groups_list_reply',
    [
      'From: Fiona MacLeod <fiona.macleod@nhs.example.net>',
      `To: ${TO}`,
      'Subject: Re: Round 2: a message from Ben Carter',
      `Date: ${D}`,
      'Message-ID: <CAG5kP2x@mail.gmail.com>',
      'Precedence: list',
      'Mailing-list: list palliative-mentors@googlegroups.com; contact palliative-mentors+owners@googlegroups.com',
      'List-ID: <palliative-mentors.googlegroups.com>',
      'X-Spam-Checked-In-Group: palliative-mentors@googlegroups.com',
      'List-Post: <https://groups.google.com/group/palliative-mentors/post>, <mailto:palliative-mentors@googlegroups.com>',
    ],
    'Happy to help with the portfolio, Ben. Thursday?',
    { kind: 'reply', reply_text: 'Happy to help with the portfolio, Ben. Thursday?' },
  ),
  mail(
    'list_out_of_office_still_auto',
    [
      'From: Richard Okafor <r.okafor@nhs.example.net>',
      `To: ${TO}`,
      'Subject: Automatic reply: Round 3: a message from Tom Baker',
      `Date: ${D}`,
      'Message-ID: <list-ooo-1@nhs.example.net>',
      'Auto-Submitted: auto-replied',
      'Precedence: list',
      'List-Id: <surgeons.lists.example.ac.uk>',
    ],
    'I am on leave until 9 March.',
    { kind: 'auto_reply' },
  ),
  mail(
    'exchange_human_with_suppress_header',
    [
      'From: "Okafor, Richard" <r.okafor@nhs.example.net>',
      `To: ${TO}`,
      'Subject: RE: Round 3: a message from Tom Baker',
      `Date: ${D}`,
      'Message-ID: <DB9PR01MB9999@DB9PR01MB9999.eurprd01.prod.outlook.com>',
      'X-Auto-Response-Suppress: All',
      'X-MS-Has-Attach: ',
    ],
    'Tom - yes, happy to be a referee.\n\nRichard',
    { kind: 'reply', reply_text: 'Tom - yes, happy to be a referee.\n\nRichard' },
  ),
  mail(
    'subject_about_out_of_office_hours',
    [
      'From: Tom Baker <tom.baker@nhs.example.net>',
      `To: ${TO}`,
      'Subject: Re: Out of office hours rota',
      `Date: ${D}`,
      'Message-ID: <human-ooh-1@nhs.example.net>',
    ],
    'The out of hours rota is out. I am on nights in April.',
    { kind: 'reply', reply_text: 'The out of hours rota is out. I am on nights in April.' },
  ),
  mail(
    'auto_submitted_no_is_human',
    [
      'From: Jane Smith <jane.smith@nhs.example.net>',
      `To: ${TO}`,
      'Subject: Re: Round 3: a message from Priya Patel',
      `Date: ${D}`,
      'Message-ID: <human-asno-1@nhs.example.net>',
      'Auto-Submitted: no',
    ],
    'See you on Thursday.\n\nJane',
    { kind: 'reply', reply_text: 'See you on Thursday.\n\nJane' },
  ),
  // Delivery reports.
  mail(
    'postfix_dsn_user_unknown',
    [
      'From: MAILER-DAEMON@mail.deanery.example.org (Mail Delivery System)',
      'To: mentoring@deanery.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      `Date: ${D}`,
      'Message-Id: <20270302091500.3C1F.postfix@mail.deanery.example.org>',
      'Auto-Submitted: auto-replied',
    ],
    [
      'This is a MIME-encapsulated message.',
      '',
      '--3C1F.1772442900/mail.deanery.example.org',
      'Content-Description: Notification',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      '<old.address@nhs.example.net>: host mx.nhs.example.net[192.0.2.25] said: 550 5.1.1',
      '    <old.address@nhs.example.net>: Recipient address rejected: User unknown',
      '',
      '--3C1F.1772442900/mail.deanery.example.org',
      'Content-Description: Delivery report',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.deanery.example.org',
      '',
      'Final-Recipient: rfc822; old.address@nhs.example.net',
      'Action: failed',
      'Status: 5.1.1',
      '',
      '--3C1F.1772442900/mail.deanery.example.org--',
    ].join('\r\n'),
    { kind: 'bounce' },
    { contentType: 'multipart/report; report-type=delivery-status; boundary="3C1F.1772442900/mail.deanery.example.org"' },
  ),
  mail(
    'exim_classic_bounce_text',
    [
      'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
      'To: mentoring@deanery.example.org',
      'Subject: Mail delivery failed: returning message to sender',
      `Date: ${D}`,
      'Message-Id: <E1pXb2c-0004Zk-Qa@mx.example.org>',
      'Auto-Submitted: auto-replied',
    ],
    'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  someone@old-trust.example.org\n    host mx.old-trust.example.org [192.0.2.99]\n    SMTP error from remote mail server after RCPT TO:<someone@old-trust.example.org>:\n    550 No such user',
    { kind: 'bounce' },
  ),
];
