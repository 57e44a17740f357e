/**
 * Where the new text sits: below the quote (bottom-posting), between quoted lines (inline),
 * on the same line as the header, or under a header whose original was not quoted at all.
 * Inline answers are shown under the quoted line they answer ("> …"), as the reader prints them.
 */
import { MENTORS as M, TRAINEES as T } from '../world.mjs';
import { conv, relayed, SENT } from './helpers.mjs';
import { rfcDate } from '../langs.mjs';

const QUESTIONS = `Hi Tom,

Three things before we meet:
Have you booked the Part B exam?
Did you get the study leave?
How are the nights?

Richard`;

export default [
  conv({
    name: 'thunderbird_bottom_posted_reply',
    client: 'thunderbird',
    author: T.tom,
    other: M.richard,
    said: `Tom, how did the interview go? Richard`,
    reply: `It went well. I think station 3 (the ethics scenario) was my weakest.

Thanks,
Tom`,
  }),
  conv({
    name: 'mutt_bottom_posted_reply',
    client: 'mutt',
    posting: 'bottom',
    author: M.helen,
    other: T.aisha,
    said: `Helen, here is my plan for the re-audit:
- same standard, 50 notes
- collect in May`,
    reply: `That looks right. Add a date for presenting it, and ask a colleague to collect half the notes.

Helen`,
  }),
  conv({
    name: 'alpine_bottom_posted_one_liner',
    client: 'alpine',
    posting: 'bottom',
    author: M.david,
    other: T.ben,
    said: `David, I will be late on Thursday, is 5.30 OK? Ben`,
    reply: `5.30 is fine.`,
  }),
  conv({
    name: 'gmail_bottom_posted_reply',
    client: 'gmail',
    posting: 'bottom',
    author: T.priya,
    other: M.jane,
    said: `Priya, which dates suit you for the call?`,
    reply: `Any evening next week except Wednesday.

Priya`,
  }),
  conv({
    name: 'apple_mail_bottom_posted_reply',
    client: 'apple_mail',
    posting: 'bottom',
    author: M.fiona,
    other: T.ben,
    said: `Fiona, I have attached the case for our next meeting. Ben`,
    reply: `Thanks Ben, I have read it. Let us start with the communication side next time.

Fiona`,
  }),
  conv({
    name: 'evolution_bottom_posted_reply',
    client: 'evolution',
    posting: 'bottom',
    author: T.ben,
    other: M.david,
    said: `Ben, did the LTFT application go in? David`,
    reply: `Yes, it went in on Monday. They will decide within six weeks.`,
  }),
  conv({
    name: 'mutt_inline_answers',
    client: 'mutt',
    posting: 'inline',
    author: T.tom,
    other: M.richard,
    said: QUESTIONS,
    inline: [
      { quote: 'Hi Tom,\n\nThree things before we meet:\nHave you booked the Part B exam?' },
      { own: 'Yes, 14 May.' },
      { quote: 'Did you get the study leave?' },
      { own: 'Only two of the five days. I will ask again.' },
      { quote: 'How are the nights?\n\nRichard' },
      { own: 'Tiring but OK.\n\nTom' },
    ],
    expect: {
      kind: 'reply',
      reply_text:
        '> Have you booked the Part B exam?\nYes, 14 May.\n\n> Did you get the study leave?\nOnly two of the five days. I will ask again.\n\n> How are the nights?\nTiring but OK.\n\nTom',
    },
  }),
  conv({
    name: 'thunderbird_inline_answers',
    client: 'thunderbird',
    posting: 'inline',
    author: T.tom,
    other: M.richard,
    said: QUESTIONS,
    inline: [
      { quote: 'Hi Tom,\n\nThree things before we meet:\nHave you booked the Part B exam?' },
      { own: 'Not yet, booking opens next week.' },
      { quote: 'Did you get the study leave?\nHow are the nights?' },
      { own: 'Yes to the leave. Nights are fine.' },
      {
        quote:
          'Richard\n\n--\nFrom your e-mentor, Richard Okafor, through the e-mentoring scheme. Reply to this email to answer; it goes to Richard Okafor only.',
      },
    ],
    expect: {
      kind: 'reply',
      reply_text:
        '> Have you booked the Part B exam?\nNot yet, booking opens next week.\n\n> How are the nights?\nYes to the leave. Nights are fine.',
    },
  }),
  conv({
    name: 'gmail_inline_answers_with_intro',
    client: 'gmail',
    posting: 'top',
    author: T.priya,
    other: M.jane,
    said: `Where are you with the audit?\nAnd the poster?`,
    reply: `Answers below.`,
    note: 'Top text only: the quoted lines below are the original untouched.',
  }),
  {
    name: 'gmail_top_and_inline_mixed',
    client: 'raw',
    raw: [
      'From: Priya Patel <priya.patel@nhs.example.net>',
      'To: E-mentoring <mentoring+k2vq7pfa3bdz5mxrwy4tnc6ehj@deanery.example.org>',
      'Subject: Re: Round 3: a message from Jane Smith',
      `Date: ${rfcDate({ y: 2027, m: 3, d: 3, wd: 3, h: 21, min: 5 })}`,
      'Message-ID: <CAJx5hR2fW0c9yXvKq8nS4bT7mZ1uY3pL6oE2aDdGhQ@mail.gmail.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      '',
      'Hi Jane, answers inline.',
      '',
      'On Tue, 2 Mar 2027 at 09:14, Jane Smith via E-mentoring <',
      'mentoring@deanery.example.org> wrote:',
      '',
      '> Dear Priya,',
      '>',
      '> Where are you with the audit?',
      '',
      'Data collection finished last week; analysis this weekend.',
      '',
      '> And the poster?',
      '',
      'Submitted on Friday.',
      '',
      '> Best wishes,',
      '> Jane',
      '>',
      '> --',
      '> From your e-mentor, Jane Smith, through the e-mentoring scheme. Reply to this email to answer; it goes to Jane Smith only.',
      '',
    ].join('\r\n'),
    expect: {
      kind: 'reply',
      reply_text:
        'Hi Jane, answers inline.\n\n> Where are you with the audit?\nData collection finished last week; analysis this weekend.\n\n> And the poster?\nSubmitted on Friday.',
    },
  },
  {
    name: 'reply_on_same_line_as_header',
    client: 'raw',
    raw: [
      'From: Ben Carter <ben.carter@doctors.example.org.uk>',
      'To: mentoring+p4mwz7k2xq9bvt3rn6cy5dha8f@deanery.example.org',
      'Subject: Re: Round 2: a message from David Chen',
      'Date: Wed, 3 Mar 2027 07:58:31 +0000',
      'Message-ID: <20270303075831.GA4471@laptop.example.org>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Sounds good, see you then. On Tue, Mar 2, 2027 at 9:14 AM David Chen via E-mentoring <mentoring@deanery.example.org> wrote:',
      '> Ben, shall we meet at 5 on Thursday?',
      '> David',
      '',
    ].join('\r\n'),
    expect: { kind: 'reply', reply_text: 'Sounds good, see you then.' },
  },
  {
    name: 'html_reply_merged_with_attribution',
    client: 'raw',
    raw: [
      'From: Aisha Rahman <aisha.rahman2@nhs.example.net>',
      'To: mentoring+x7hb2kq9vmzp4rt6wc3nyd5fe8@deanery.example.org',
      'Subject: Re: Round 3: a message from Helen Marsh',
      'Date: Wed, 3 Mar 2027 12:10:45 +0000',
      'Message-ID: <b7e0c2a9-11f3-4e5a-9d0b-6c2f8a4e1d37@nhs.example.net>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
      '',
      '<html><body><span>Yes please, Thursday works.</span> <span>On Tue, 2 Mar 2027 at 09:14, Helen Marsh via E-mentoring &lt;mentoring@deanery.example.org&gt; wrote:</span><blockquote>Aisha, would a call on Thursday help?<br>Helen</blockquote></body></html>',
      '',
    ].join('\r\n'),
    expect: { kind: 'reply', reply_text: 'Yes please, Thursday works.' },
  },
  {
    name: 'attribution_then_unquoted_reply',
    client: 'raw',
    note: 'The client kept the header line but dropped the quote: the text under it is all the sender wrote.',
    raw: [
      'From: Tom Baker <tom.baker@nhs.example.net>',
      'To: mentoring+c3xk8nq2vb7mzr4tw6py9dha5f@deanery.example.org',
      'Subject: Re: Round 3: a message from Richard Okafor',
      'Date: Wed, 3 Mar 2027 22:41:09 +0000',
      'Message-ID: <1e9f4a77-0c2b-4d8e-a913-52f7b6e0c8d1@nhs.example.net>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'On Tue, 2 Mar 2027 at 09:14, Richard Okafor via E-mentoring <mentoring@deanery.example.org> wrote:',
      '',
      'Thanks Richard, the mock viva is booked for 30 April.',
      '',
      'Tom',
      '',
    ].join('\r\n'),
    expect: { kind: 'reply', reply_text: 'Thanks Richard, the mock viva is booked for 30 April.\n\nTom', trim_uncertain: true },
  },
  {
    name: 'thunderbird_one_line_quote_then_reply',
    client: 'raw',
    raw: [
      'From: Helen Marsh <helen.marsh@university.example.ac.uk>',
      'To: mentoring+h6zq3vn8kbx2mr7tw4cy9pda5f@deanery.example.org',
      'Subject: Re: Round 3: a message from Aisha Rahman',
      'Date: Wed, 3 Mar 2027 16:20:00 +0000',
      'Message-ID: <5d2c8e7b-1a3f-4b9e-8c6d-2f0e9a1b7c44@university.example.ac.uk>',
      'User-Agent: Mozilla Thunderbird',
      'Content-Language: en-GB',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8; format=flowed',
      'Content-Transfer-Encoding: 7bit',
      '',
      'On 02/03/2027 09:14, Aisha Rahman via E-mentoring wrote:',
      '> I am thinking of taking a year out.',
      '',
      'Tell me more, what would you do with the year?',
      '',
      'Helen',
      '',
    ].join('\r\n'),
    expect: { kind: 'reply', reply_text: 'Tell me more, what would you do with the year?\n\nHelen' },
  },
  {
    name: 'bottom_posted_quote_without_header',
    client: 'raw',
    raw: [
      'From: David Chen <david.chen@nhs.example.net>',
      'To: mentoring+d8vk2xq7nbz4mr3tw6cy9pha5f@deanery.example.org',
      'Subject: Re: Round 4: a message from Ben Carter',
      'Date: Thu, 4 Mar 2027 08:02:11 +0000',
      'Message-ID: <20270304080211.7f3a@nhs.example.net>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '> Could you look at my personal statement before Friday?',
      '> The deadline is Monday.',
      '',
      'Yes, send it over tonight and I will read it tomorrow.',
      '',
    ].join('\r\n'),
    expect: { kind: 'reply', reply_text: 'Yes, send it over tonight and I will read it tomorrow.' },
  },
  {
    name: 'no_quote_at_all_new_message',
    client: 'raw',
    raw: [
      'From: Priya Patel <priya.patel@nhs.example.net>',
      'To: mentoring+q7jx2mt9ab4klw8rzp1vyc@deanery.example.org',
      'Subject: Quick question',
      'Date: Fri, 5 Mar 2027 13:00:00 +0000',
      'Message-ID: <CAE2bX9q0@mail.gmail.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="UTF-8"',
      '',
      'Hi Jane,',
      '',
      'Is it normal to feel out of my depth at the start of a new rotation?',
      'Everyone else seems to know what they are doing.',
      '',
      'Priya',
      '',
    ].join('\r\n'),
    expect: {
      kind: 'reply',
      reply_text:
        'Hi Jane,\n\nIs it normal to feel out of my depth at the start of a new rotation?\nEveryone else seems to know what they are doing.\n\nPriya',
    },
  },
  conv({
    name: 'iphone_mail_bottom_posted',
    client: 'iphone_mail',
    posting: 'bottom',
    author: T.aisha,
    other: M.fiona,
    said: `Aisha, good luck tomorrow!`,
    reply: `Thank you!! Nervous but ready.`,
  }),
  {
    name: 'outlook_unquoted_original_reply_typed_below_header',
    client: 'raw',
    note: 'Outlook keeps the header and the original unquoted; the sender wrote above it.',
    raw: [
      'From: Jane Smith <jane.smith@nhs.example.net>',
      'To: "E-mentoring" <mentoring+j5mw8kq2xb7zr3tv6cy9pna4fd@deanery.example.org>',
      'Subject: RE: Round 3: a message from Priya Patel',
      'Date: Wed, 3 Mar 2027 18:30:02 +0000',
      'Message-ID: <AM6PR01MB5617A4D2C8B0E1F9C3B7A2D4E5F6A7B8@AM6PR01MB5617.eurprd01.prod.exchangelabs.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset="us-ascii"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Yes - see you at 6.',
      '',
      'From: Priya Patel via E-mentoring <mentoring@deanery.example.org>=20',
      'Sent: 02 March 2027 09:14',
      'To: Jane Smith <jane.smith@nhs.example.net>',
      'Subject: Round 3: a message from Priya Patel',
      '',
      'Could we talk at 6pm on Thursday?',
      '',
      '--',
      'From Priya Patel, through the e-mentoring scheme. Reply to this email to answer; it goes to Priya Patel only.',
      '',
    ].join('\r\n'),
    expect: { kind: 'reply', reply_text: 'Yes - see you at 6.' },
  },
];

void relayed;
void SENT;
