/**
 * The conversation after a questionnaire: e-mentors' feedback and trainees' answers to it,
 * top-posted (the common case) from every kind of client, in English. The expected text keeps
 * the sign-off ("Best wishes, Jane") and drops signature blocks and mobile footers.
 */
import { MENTORS as M, TRAINEES as T } from '../world.mjs';
import { conv } from './helpers.mjs';

const FEEDBACK_1 = `Dear Priya,

Thank you for such a thoughtful set of answers. Congratulations on the solo appendicectomy!

On the rota gaps: have you raised this with your educational supervisor? It is worth putting in writing.

Happy to talk about fellowships next time.`;

const FEEDBACK_2 = `Hi Tom,

Well done on getting through the nights. Two questions for you:
1. How did the MRCS revision go?
2. Have you had any feedback from the audit meeting?

Speak soon`;

const TRAINEE_1 = `Hi Jane,

Thanks for your feedback. I spoke to my supervisor about the rota gaps and she is taking it to the rota meeting.

Could we have a call in the next few weeks?

Best wishes,
Priya`;

const TRAINEE_2 = `Hello Richard,

Quick update: Part B is booked for 14 May. Revision is going OK but nights make it hard.

Tom`;

export default [
  conv({
    name: 'gmail_web_mentor_feedback_toppost',
    client: 'gmail',
    author: M.jane,
    other: T.priya,
    said: TRAINEE_1,
    reply: `Hi Priya,

Of course. I am free on Thursday 11 March after 17:00, or any time the following Monday.
Send me a couple of options and I will book a room, or we can do it by phone.

Best wishes,
Jane`,
  }),
  conv({
    name: 'gmail_web_trainee_short_thanks',
    client: 'gmail',
    author: T.priya,
    other: M.jane,
    said: FEEDBACK_1,
    reply: `Thank you, that is really helpful!

Priya`,
  }),
  conv({
    name: 'gmail_web_signature_block_with_dashes',
    client: 'gmail',
    author: M.richard,
    other: T.tom,
    said: TRAINEE_2,
    reply: `Tom,

Good luck with Part B. Nights and revision are a hard mix: protect the two days after the last night for sleep, not books.

Richard`,
    signature: `Mr Richard Okafor FRCS
Consultant Colorectal Surgeon
Royal Victoria Infirmary, Newcastle
Secretary: 0191 233 6161 ext 24680`,
  }),
  conv({
    name: 'gmail_web_html_only_feedback',
    client: 'gmail',
    format: 'html',
    author: M.helen,
    other: T.aisha,
    said: `Dear Helen,

I have been offered a teaching fellowship for next year but I am not sure it fits my plans for an ST application. What would you do?

Aisha`,
    reply: `Dear Aisha,

That is a good problem to have. A year of teaching can strengthen an ST application if you also keep a foot in clinical work and finish an audit cycle.

Ask the fellowship lead how many clinical sessions you would keep.

Kind regards,
Helen`,
  }),
  conv({
    name: 'gmail_web_reply_with_lines_like_headers',
    client: 'gmail',
    author: T.ben,
    other: M.david,
    said: `Ben, how did the presentation go? David`,
    reply: `It went well, thanks. On Friday I present the same audit at the trust meeting.
From the questions I got, the re-audit needs a bigger sample.
I wrote up the first cycle last week and sent it to my supervisor.

Ben`,
  }),
  conv({
    name: 'gmail_android_quick_reply',
    client: 'gmail_android',
    author: T.tom,
    other: M.richard,
    said: `Tom, shall we meet on the 12th? Richard`,
    reply: `Yes, 12th works. See you in the mess at 1pm.`,
  }),
  conv({
    name: 'gmail_ios_two_paragraphs',
    client: 'gmail_ios',
    author: M.fiona,
    other: T.ben,
    said: `Fiona, I failed the PACES exam again. I do not know what to do next. Ben`,
    reply: `Ben, I am sorry to hear that, it is a hard exam and many good doctors need more than one go.

Let us meet before you decide anything. Are you free on Tuesday lunchtime?

Fiona x`,
  }),
  conv({
    name: 'outlook_desktop_mentor_feedback_signature_table',
    client: 'outlook_desktop',
    author: M.david,
    other: T.ben,
    said: `Dear David,

I have attached my draft CV. Could you have a look before the ST3 application deadline?

Thanks,
Ben`,
    reply: `Hi Ben,

I have read it. Three things:
- Put the audit that closed the loop first, with its numbers.
- Your teaching section is strong; say how many sessions and who attended.
- Cut the hobbies paragraph to one line.

Kind regards,
David`,
    signature: `Dr David Chen
Consultant Physician, Department of Acute Medicine
Freeman Hospital | The Newcastle upon Tyne Hospitals NHS Foundation Trust
Tel: 0191 233 6161 | david.chen@nhs.example.net`,
  }),
  conv({
    name: 'outlook_desktop_html_only_trainee',
    client: 'outlook_desktop',
    format: 'html',
    author: T.aisha,
    other: M.helen,
    said: `Aisha, how are you finding the new rotation? Helen`,
    reply: `Dear Helen,

The new rotation is busy but the team is lovely. I have done my first three ascitic drains on my own.

I am still struggling to get to teaching on Wednesdays because of ward cover.

Many thanks,
Aisha`,
  }),
  conv({
    name: 'outlook_desktop_text_only_short',
    client: 'outlook_desktop',
    format: 'text',
    author: M.jane,
    other: T.priya,
    said: `Jane, the audit was accepted for a poster at ASGBI! Priya`,
    reply: `Brilliant news Priya, well done!

Jane`,
  }),
  conv({
    name: 'outlook_web_trainee_reply',
    client: 'outlook_web',
    author: T.priya,
    other: M.jane,
    said: FEEDBACK_1,
    reply: `Hi Jane,

Yes, I raised it with my ES last week and put it in an email as you suggested. She has escalated it to the rota coordinator.

I will let you know what happens.

Thanks,
Priya`,
  }),
  conv({
    name: 'outlook_web_html_only_mentor',
    client: 'outlook_web',
    format: 'html',
    author: M.richard,
    other: T.tom,
    said: TRAINEE_2,
    reply: `Tom,

14 May is a good date. Book a mock viva with the college tutor before then; it helps more than another textbook.

All the best,
Richard`,
  }),
  conv({
    name: 'outlook_web_signature_in_div',
    client: 'outlook_web',
    author: M.fiona,
    other: T.aisha,
    said: `Fiona, thank you for the call yesterday. Aisha`,
    reply: `It was good to talk, Aisha. Do send me the portfolio link when it is ready.

Fiona`,
    signature: `Dr Fiona MacLeod
Consultant in Palliative Medicine
St Oswald's Hospice, Newcastle
fiona.macleod@nhs.example.net`,
  }),
  conv({
    name: 'outlook_ios_get_outlook_footer',
    client: 'outlook_ios',
    author: M.jane,
    other: T.priya,
    said: `Jane, could we move our call to 6pm? Priya`,
    reply: `Yes, 6pm is fine. Speak then.`,
  }),
  conv({
    name: 'outlook_android_get_outlook_footer',
    client: 'outlook_android',
    author: T.ben,
    other: M.david,
    said: `Ben, any news on the interview? David`,
    reply: `Not yet, they said results by Friday. Fingers crossed!

Ben`,
  }),
  conv({
    name: 'outlook_mac_mentor_reply',
    client: 'outlook_mac',
    author: M.helen,
    other: T.aisha,
    said: `Dear Helen, I have decided to apply for the academic foundation programme. Aisha`,
    reply: `Dear Aisha,

Great decision. The academic unit runs an open evening on 20 March; I will forward you the details.

With best wishes,

Helen`,
  }),
  conv({
    name: 'apple_mail_trainee_reply',
    client: 'apple_mail',
    author: T.priya,
    other: M.jane,
    said: FEEDBACK_1,
    reply: `Dear Jane,

Thank you. I have booked a meeting with my educational supervisor for next Wednesday.

Warm wishes,
Priya`,
  }),
  conv({
    name: 'apple_mail_html_only',
    client: 'apple_mail',
    format: 'html',
    author: M.david,
    other: T.ben,
    said: `David, I got the job! Ben`,
    reply: `Fantastic, Ben. You earned it.

Let us celebrate with a coffee next week.

David`,
  }),
  conv({
    name: 'iphone_mail_sent_from_my_iphone',
    client: 'iphone_mail',
    author: M.richard,
    other: T.tom,
    said: `Richard, I passed! Tom`,
    reply: `Brilliant news!! Well done Tom.`,
  }),
  conv({
    name: 'iphone_mail_trainee_with_signoff',
    client: 'iphone_mail',
    author: T.aisha,
    other: M.helen,
    said: `Aisha, are you OK after the difficult week? Helen`,
    reply: `Thank you for asking. It was a hard week but I am OK, I have some leave booked.

Speak soon,
Aisha`,
  }),
  conv({
    name: 'thunderbird_toppost_html',
    client: 'thunderbird',
    format: 'alt',
    posting: 'top',
    author: M.fiona,
    other: T.ben,
    said: `Fiona, thank you for the advice on PACES. I have rebooked for October. Ben`,
    reply: `Good plan, Ben. Let us set up two practice stations with the registrars in September.

Best,
Fiona`,
  }),
  conv({
    name: 'yahoo_web_trainee_reply',
    client: 'yahoo_web',
    author: T.tom,
    other: M.richard,
    said: `Tom, how are the nights going? Richard`,
    reply: `Hi Richard,

Nights are done, thank goodness. I am on days now until the end of the month.

Thanks,
Tom`,
  }),
  conv({
    name: 'yahoo_web_html_only',
    client: 'yahoo_web',
    format: 'html',
    author: M.jane,
    other: T.priya,
    said: `Jane, I have been asked to lead the next M&M meeting. Any tips? Priya`,
    reply: `Priya,

Keep it to three cases, say what the learning is before you show the details, and never name the doctor.

Jane`,
  }),
  conv({
    name: 'yahoo_android_sent_from_yahoo',
    client: 'yahoo_android',
    author: T.ben,
    other: M.fiona,
    said: `Ben, did you get my last email about the stations? Fiona`,
    reply: `Yes I did, thank you! Sorry for the slow reply, it has been a busy week.`,
  }),
  conv({
    name: 'zoho_mentor_reply',
    client: 'zoho',
    author: M.helen,
    other: T.aisha,
    said: `Helen, my abstract was rejected. Aisha`,
    reply: `Dear Aisha,

Rejections are part of it, and the reviewers' comments are worth reading twice. Resubmit to the spring meeting; the deadline is 30 April.

Best wishes,
Helen`,
  }),
  conv({
    name: 'zoho_html_only_signature',
    client: 'zoho',
    format: 'html',
    author: M.david,
    other: T.ben,
    said: `David, can we talk about less than full time training? Ben`,
    reply: `Of course, Ben. The deanery's LTFT lead is a good first contact; I can introduce you.`,
    signature: `David Chen
Consultant Physician
Freeman Hospital`,
  }),
  conv({
    name: 'proton_trainee_reply',
    client: 'proton',
    author: T.priya,
    other: M.jane,
    said: `Priya, how was the conference? Jane`,
    reply: `Hi Jane,

The conference was great. I presented the poster and two people asked for the data.

Priya`,
  }),
  conv({
    name: 'proton_html_only',
    client: 'proton',
    format: 'html',
    author: M.richard,
    other: T.tom,
    said: `Richard, should I do a PhD? Tom`,
    reply: `Tom, only if there is a question you cannot stop thinking about. Let us talk it through on Thursday.

Richard`,
  }),
  conv({
    name: 'polymail_mentor_reply',
    client: 'polymail',
    author: M.fiona,
    other: T.aisha,
    said: `Fiona, I am thinking of switching to GP training. Aisha`,
    reply: `That is a big decision and a perfectly good one if it fits you. What draws you to general practice?

Fiona`,
  }),
  conv({
    name: 'samsung_email_trainee_reply',
    client: 'samsung',
    author: T.tom,
    other: M.richard,
    said: `Tom, are you free for a call on Friday? Richard`,
    reply: `Yes Friday is good, any time after 5.

Tom`,
  }),
  conv({
    name: 'fastmail_mentor_reply',
    client: 'fastmail',
    author: M.helen,
    other: T.aisha,
    said: `Helen, here is the link to my teaching portfolio. Aisha`,
    reply: `Thanks Aisha, I have had a look. The reflective pieces are excellent; add one on the simulation session.

Helen`,
  }),
  conv({
    name: 'k9_mail_trainee_reply',
    client: 'k9',
    author: T.ben,
    other: M.david,
    said: `Ben, how did the interview go? David`,
    reply: `Went well I think. Station 3 was hard. Will know on Friday.`,
  }),
  conv({
    name: 'roundcube_mentor_reply',
    client: 'roundcube',
    author: M.helen,
    other: T.priya,
    said: `Helen, I am covering the gap in the rota next month, so I may be slow to reply. Priya`,
    reply: `No problem at all, Priya. Look after yourself and reply when you can.

Regards,
Helen`,
  }),
  conv({
    name: 'roundcube_html_reply',
    client: 'roundcube',
    format: 'alt',
    author: T.aisha,
    other: M.helen,
    said: `Aisha, how is the audit going? Helen`,
    reply: `It is going well. I have collected 60 of the 80 notes and should finish by the end of March.`,
  }),
  conv({
    name: 'mutt_toppost_reply',
    client: 'mutt',
    author: M.david,
    other: T.ben,
    said: `David, thanks for the CV comments. Ben`,
    reply: `You are welcome. Send the next version when ready.

-- David`,
    expect: { reply_text: 'You are welcome. Send the next version when ready.\n\n-- David' },
    note: 'A "-- David" line is a sign-off written with a dash, not a signature delimiter ("-- " alone on its line).',
  }),
  conv({
    name: 'alpine_toppost_reply',
    client: 'alpine',
    author: M.richard,
    other: T.tom,
    said: `Richard, I have been asked to cover an extra weekend. Should I say yes? Tom`,
    reply: `Only if it does not eat your revision weekend. It is fine to say no.

R.`,
  }),
  conv({
    name: 'claws_toppost_reply',
    client: 'claws',
    author: T.priya,
    other: M.jane,
    said: `Priya, let me know how the meeting with your ES goes. Jane`,
    reply: `Hi Jane, it went well. We agreed two audit projects and a teaching slot.

Priya`,
  }),
  conv({
    name: 'evolution_toppost_reply',
    client: 'evolution',
    author: M.fiona,
    other: T.ben,
    said: `Fiona, I have my ARCP next week. Ben`,
    reply: `Good luck Ben! Make sure your supervisor's report is uploaded before Friday.

Fiona`,
  }),
  conv({
    name: 'horde_toppost_reply',
    client: 'horde',
    author: M.helen,
    other: T.aisha,
    said: `Helen, do you have any reading for the leadership course? Aisha`,
    reply: `I would start with the King's Fund pieces on compassionate leadership, then we can discuss.

Helen`,
  }),
  conv({
    name: 'squirrelmail_toppost_reply',
    client: 'squirrel',
    author: M.david,
    other: T.tom,
    said: `David, thank you for the reference. Tom`,
    reply: `My pleasure, Tom. Let me know the outcome.

David`,
  }),
  conv({
    name: 'mailspring_toppost_reply',
    client: 'mailspring',
    author: T.aisha,
    other: M.fiona,
    said: `Aisha, have you thought more about GP training? Fiona`,
    reply: `I have. I did two taster days and loved them. I am going to apply in November.

Thanks for listening,
Aisha`,
  }),
  conv({
    name: 'hey_toppost_reply',
    client: 'hey',
    author: M.jane,
    other: T.priya,
    said: `Jane, I was asked to write a case report. Is it worth my time? Priya`,
    reply: `Yes, if the case teaches something new and your consultant will help you write it. Aim for a journal that takes case reports.`,
  }),
  conv({
    name: 'superhuman_toppost_reply',
    client: 'superhuman',
    author: M.richard,
    other: T.ben,
    said: `Richard, could you be a referee for my ST3 application? Ben`,
    reply: `Happy to. Send me the form and a summary of what we did together.

Richard`,
  }),
  conv({
    name: 'spark_toppost_reply',
    client: 'spark',
    author: T.tom,
    other: M.richard,
    said: `Tom, any news? Richard`,
    reply: `Passed!!! Thank you for all the help.

Tom`,
  }),
  conv({
    name: 'bluemail_toppost_reply',
    client: 'bluemail',
    author: T.ben,
    other: M.fiona,
    said: `Ben, how are you feeling about October? Fiona`,
    reply: `Much better, thank you. The practice stations really helped.`,
  }),
  conv({
    name: 'tuta_toppost_reply',
    client: 'tuta',
    author: M.helen,
    other: T.aisha,
    said: `Helen, I have finished the audit! Aisha`,
    reply: `Well done Aisha. Now present it, and plan the re-audit date before you leave the post.

Helen`,
  }),
  conv({
    name: 'airmail_toppost_reply',
    client: 'airmail',
    author: M.david,
    other: T.ben,
    said: `David, I have been offered the job in Leeds. Ben`,
    reply: `Congratulations Ben! Leeds has a very good training programme.

David`,
  }),
  conv({
    name: 'opera_mail_toppost_reply',
    client: 'opera_mail',
    author: T.priya,
    other: M.jane,
    said: `Priya, what are you doing for your QIP? Jane`,
    reply: `Sepsis screening in ED. We start collecting data in April.`,
  }),
  conv({
    name: 'windows_mail_toppost_reply',
    client: 'windows_mail',
    author: T.aisha,
    other: M.helen,
    said: `Aisha, when is your next assessment? Helen`,
    reply: `It is on the 18th. I am feeling more prepared than last time.

Aisha`,
  }),
  conv({
    name: 'em_client_toppost_reply',
    client: 'em_client',
    author: M.fiona,
    other: T.tom,
    said: `Fiona, thank you for the book. Tom`,
    reply: `You are welcome, Tom. Chapter 4 is the one for your situation.

Fiona`,
  }),
  conv({
    name: 'aol_toppost_reply',
    client: 'aol',
    author: M.richard,
    other: T.tom,
    said: `Richard, I have a question about the logbook. Tom`,
    reply: `Go ahead, Tom. Ask away.`,
  }),
  conv({
    name: 'gmx_english_toppost_reply',
    client: 'gmx',
    author: T.ben,
    other: M.david,
    said: `Ben, what did the panel say? David`,
    reply: `They liked the audit but wanted more leadership. I will work on that this year.

Cheers,
Ben`,
  }),
  conv({
    name: 'lotus_notes_toppost_reply',
    client: 'lotus_notes',
    author: M.helen,
    other: T.priya,
    said: `Helen, I have put together a teaching programme for the FY1s. Priya`,
    reply: `That sounds excellent. Please share it with the foundation programme director too.

Helen Marsh`,
  }),
  conv({
    name: 'sogo_toppost_reply',
    client: 'sogo',
    author: M.jane,
    other: T.priya,
    said: `Jane, I am on call this weekend, can we talk next week? Priya`,
    reply: `Of course. Monday evening works for me.

Jane`,
  }),
  conv({
    name: 'mailru_english_toppost_reply',
    client: 'mailru',
    author: T.tom,
    other: M.richard,
    said: `Tom, what is next after the exam? Richard`,
    reply: `A long holiday first, then the research block in September.`,
  }),
  conv({
    name: 'yandex_html_toppost_reply',
    client: 'yandex',
    author: T.ben,
    other: M.david,
    said: `Ben, did you book the course? David`,
    reply: `Yes, booked for June. Thank you for the funding tip.`,
  }),
  conv({
    name: 'qq_mail_html_toppost_reply',
    client: 'qq_mail',
    author: T.priya,
    other: M.jane,
    said: `Priya, how was your leave? Jane`,
    reply: `It was lovely, thank you. I feel ready for the next rotation.`,
  }),
];
