/**
 * Replies as trainees write them: answers under the ten headings, a sign-off, and the
 * questionnaire quoted below, threaded to it, with the trace headers a delivering server adds.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

/** A questionnaire as it was sent, to reply to. */
export interface SentQuestionnaire {
  to_address: string;
  to_name: string | null;
  reply_to: string;
  message_id: string;
  subject: string;
  text_body: string;
  from_name: string;
}

const SKILLS = ['Solo laparoscopic appendicectomy', 'Chest drain insertion', 'Central lines under supervision', 'Lumbar puncture'];
const GOALS = ['Pass MRCS Part B.', 'Finish the audit cycle.', 'Apply for a fellowship.', 'Present at the regional meeting.'];

export function answersText(i: number): string {
  return `Hi,

1. Skills acquisition
${SKILLS[i % SKILLS.length]}; central lines under supervision; first solo ward round on nights.

2. Satisfaction with training
Mostly satisfied, rota gaps make teaching patchy. The new consultant is very supportive.

3. Additions to your CV
Passed MRCS Part A. Audit on VTE prophylaxis presented locally; poster accepted for the regional meeting.

4. Work-life balance
Hard during nights, better since I joined a running club. Trying to keep Sundays free.

5. Career goals: short term (next 6 months)
${GOALS[i % GOALS.length]}

6. Career goals: medium term (1 to 3 years)
Get a core surgical training post in the region.

7. Career goals: long term (beyond 3 years)
Consultant colorectal surgeon with an interest in teaching.

8. Positive points from the past two months (at least two)
- Solo appendicectomy
- Good feedback from the registrar on a difficult consent

9. Negative points from the past two months (at least two)
- Delayed diagnosis of perforated bowel
- Missed teaching because of rota gaps

10. Anything else for your e-mentor (optional)
How did you prepare for Part B? Any reading you would recommend?

Best wishes,
Trainee ${i}`;
}

/** A reply to one questionnaire, as delivered into the bot's mailbox. */
export async function replyTo(q: SentQuestionnaire, i: number, extra: Partial<Mail.Options> = {}): Promise<Buffer> {
  const quoted = q.text_body
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  const composed = await new MailComposer({
    from: { name: q.to_name ?? `Trainee ${i}`, address: q.to_address },
    to: q.reply_to,
    subject: `Re: ${q.subject}`,
    inReplyTo: q.message_id,
    references: [q.message_id],
    messageId: `<reply-${i}-${Date.now()}@trainee.example>`,
    date: new Date('2027-01-05T08:30:00Z'),
    text: `${answersText(i)}\n\nOn Mon, 4 Jan 2027 at 10:00, ${q.from_name} <${q.reply_to}> wrote:\n${quoted}\n`,
    ...extra,
  })
    .compile()
    .build();
  const trace =
    `Return-Path: <${q.to_address}>\r\nDelivered-To: ${q.reply_to}\r\n` +
    `Received: from mx.example.test by mx.example.test with LMTP; Tue, 05 Jan 2027 08:30:01 +0000\r\n`;
  return Buffer.concat([Buffer.from(trace), composed]);
}
