/**
 * Questionnaire answers from harder replies. The expected result is the answers by section:
 * what the trainee wrote under each heading, without the questionnaire's own wording, without
 * sign-offs, signatures or disclaimers (in any language), and without closing remarks.
 */
import { MENTORS as M, TRAINEES as T, questionnaire, QUESTIONNAIRE_SUBJECT } from '../world.mjs';
import { fromScheme } from './helpers.mjs';
import { rfcDate } from '../langs.mjs';
import { leaf, message, escapeHtml } from '../mime.mjs';

const Q = (trainee) => fromScheme(questionnaire(trainee, M.jane), QUESTIONNAIRE_SUBJECT());
const reply = (trainee, extra) => ({ from: trainee, subject: `Re: ${QUESTIONNAIRE_SUBJECT()}`, original: Q(trainee), ...extra });

/** The same questionnaire as an earlier version of the template worded it (a reply to an old email). */
const OLD_QUESTIONNAIRE = `Dear Priya Patel,

It is time for your e-mentoring questionnaire (round 2). Please answer under each heading.

1. Skills acquisition
New skills or procedures from the past two months.

2. Satisfaction with training
How do you feel about your training?

3. Additions to your CV
Exams, courses, audits and so on.

4. Work-life balance
How is the balance?

5. Career goals: short term (next 6 months)
Next six months.

6. Career goals: medium term (1 to 3 years)
One to three years.

7. Career goals: long term (beyond 3 years)
Longer term.

8. Positive points from the past two months (at least two)
Two or more things that went well.

9. Negative points from the past two months (at least two)
Two or more things that went badly.

10. Anything else for your e-mentor (optional)
Anything you would like to raise.

Your answers go only to your e-mentor, Jane Smith. They are confidential and not part of any assessment.`;

const FULL = {
  skills: 'Chest drains and two central lines.',
  satisfaction: 'Fairly satisfied; the new consultant teaches on every ward round.',
  cv: 'BLS instructor course.',
  work_life_balance: 'Better now I am off nights.',
  goals_short_term: 'Pass the MRCP written paper.',
  goals_medium_term: 'Get an ST3 post in cardiology.',
  goals_long_term: 'Consultant cardiologist, ideally with an interest in imaging.',
  positives: ['First central line on my own', 'Good feedback from the registrar'],
  negatives: ['Missed teaching because of rota gaps', 'A difficult conversation with a family'],
};
const ANSWERS_TEXT = `Skills acquisition
${FULL.skills}

Satisfaction with training
${FULL.satisfaction}

Additions to your CV
${FULL.cv}

Work-life balance
${FULL.work_life_balance}

Short term
${FULL.goals_short_term}

Medium term
${FULL.goals_medium_term}

Long term
${FULL.goals_long_term}

Positives
- ${FULL.positives[0]}
- ${FULL.positives[1]}

Negatives
- ${FULL.negatives[0]}
- ${FULL.negatives[1]}`;

const D = { y: 2027, m: 3, d: 3, wd: 3, h: 21, min: 12 };

function rawMail(
  name,
  { from, body, contentType = 'text/plain; charset=utf-8', encoding = '8bit', subject = `Re: ${QUESTIONNAIRE_SUBJECT()}`, extra = [] },
) {
  return message(
    [
      `From: ${from.name} <${from.address}>`,
      'To: E-mentoring <mentoring+w3kq8xv2mbz7nr4tw6cy9pda5h@deanery.example.org>',
      `Subject: ${subject}`,
      `Date: ${rfcDate(D)}`,
      `Message-ID: <q-${name}@mail.example.net>`,
      ...extra,
    ],
    leaf({ type: contentType.split(';')[0], charset: /charset=([^;]+)/.exec(contentType)?.[1] ?? 'utf-8', encoding, body }),
  );
}

const only = (answers) => ({ kind: 'reply', answers });

const WORD_TABLE = (rows) =>
  `<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n${rows
    .map(
      ([h, a]) =>
        `<tr><td width="200" valign="top" style="width:150.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><b>${escapeHtml(h)}<o:p></o:p></b></p></td><td width="400" valign="top" style="width:300.0pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt">${a
          .split('\n')
          .map((l) => `<p class="MsoNormal">${escapeHtml(l)}<o:p></o:p></p>`)
          .join('')}</td></tr>`,
    )
    .join('\n')}\n</table>`;

const MSO_DOC = (inner) =>
  `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)"><style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}\n--></style></head><body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">\n${inner}\n</div></body></html>`;

export default [
  // Foreign Outlook headers above an unquoted questionnaire: its prompts must not become answers.
  {
    name: 'q_outlook_fr_de_block_unquoted_questionnaire',
    client: 'outlook_desktop',
    lang: 'fr',
    ...reply(T.marie, { reply: ANSWERS_TEXT }),
    expect: only(FULL),
  },
  {
    name: 'q_outlook_nl_van_block_unquoted_questionnaire',
    client: 'outlook_desktop',
    lang: 'nl',
    ...reply(T.sanne, { reply: ANSWERS_TEXT }),
    expect: only(FULL),
  },
  {
    name: 'q_outlook_de_von_block_unquoted_questionnaire',
    client: 'outlook_desktop',
    lang: 'de',
    format: 'text',
    ...reply(T.jonas, { reply: ANSWERS_TEXT }),
    expect: only(FULL),
  },
  {
    name: 'q_outlook_es_de_enviado_el_block',
    client: 'outlook_desktop',
    lang: 'es',
    format: 'html',
    ...reply(T.lucia, { reply: ANSWERS_TEXT }),
    expect: only(FULL),
  },
  {
    name: 'q_samsung_original_message_unquoted_questionnaire',
    client: 'samsung',
    ...reply(T.tom, { reply: ANSWERS_TEXT }),
    expect: only(FULL),
  },
  {
    name: 'q_samsung_de_ursprungliche_nachricht',
    client: 'samsung',
    lang: 'de',
    mobileSig: 'Von meinem Samsung Galaxy Smartphone gesendet.',
    ...reply(T.jonas, { reply: ANSWERS_TEXT }),
    expect: only(FULL),
  },
  {
    name: 'q_reply_to_older_wording_of_questionnaire',
    client: 'outlook_desktop',
    from: T.priya,
    subject: 'RE: E-mentoring questionnaire, round 2',
    original: fromScheme(OLD_QUESTIONNAIRE, 'E-mentoring questionnaire, round 2'),
    reply: ANSWERS_TEXT,
    expect: only(FULL),
    note: 'The original is an earlier wording of the questionnaire ("Anything you would like to raise."): still not an answer.',
  },
  {
    name: 'q_outlook_answers_typed_into_unquoted_original',
    client: 'outlook_desktop',
    format: 'text',
    from: T.ben,
    subject: `RE: ${QUESTIONNAIRE_SUBJECT()}`,
    original: fromScheme(
      questionnaire(T.ben, M.jane)
        .replace('in the past two months?\n', 'in the past two months?\nLumbar punctures, and I started ultrasound-guided cannulation.\n')
        .replace('and why?\n', 'and why?\nNot very. Too much service work.\n')
        .replace('since last time.\n', 'since last time.\nNothing new this time.\n')
        .replace('outside work?\n', 'outside work?\nPoor. Three weekends on call in a row.\n')
        .replace('next six months?\n', 'next six months?\nPass MRCP Part 1.\n')
        .replace('one to three years?\n', 'one to three years?\nIMT and then a medical registrar post.\n')
        .replace('career plans?\n', 'career plans?\nGeriatrics consultant.\n')
        .replace('solo appendicectomy).\n', 'solo appendicectomy).\nMy first LP on my own\nA grateful patient letter\n')
        .replace('perforated bowel).\n', 'perforated bowel).\nMissed a sepsis diagnosis overnight\nNo study leave approved\n'),
      QUESTIONNAIRE_SUBJECT(),
    ),
    reply: 'Hi, answers below in the email.',
    expect: only({
      skills: 'Lumbar punctures, and I started ultrasound-guided cannulation.',
      satisfaction: 'Not very. Too much service work.',
      cv: 'Nothing new this time.',
      work_life_balance: 'Poor. Three weekends on call in a row.',
      goals_short_term: 'Pass MRCP Part 1.',
      goals_medium_term: 'IMT and then a medical registrar post.',
      goals_long_term: 'Geriatrics consultant.',
      positives: ['My first LP on my own', 'A grateful patient letter'],
      negatives: ['Missed a sepsis diagnosis overnight', 'No study leave approved'],
    }),
  },

  // A trainee who pastes each question and answers after it.
  {
    name: 'q_pasted_questions_answers_after_each',
    client: 'raw',
    raw: rawMail('pasted1', {
      from: T.aisha,
      body: `What new skills or procedures have you learned or practised in the past two months?
Ascitic drains and my first pleural tap.

How satisfied are you with your training at the moment, and why?
Quite satisfied. Good supervision.

Courses, exams, audits, publications, presentations or prizes since last time.
Presented the falls audit.

How are you managing work and life outside work?
OK, started running again.

What do you want to achieve in the next six months?
Finish the portfolio.

Where do you want to be in one to three years?
Core surgical training.

What are your longer-term career plans?
Vascular surgery.

At least two things that went well, one per line (for example: solo appendicectomy).
Pleural tap
Audit presentation

At least two things that went badly or were hard, one per line (for example: delayed diagnosis of perforated bowel).
Late finishes
A complaint from a relative

Anything else you would like to raise or ask.
No, thank you.

Aisha`,
    }),
    expect: only({
      skills: 'Ascitic drains and my first pleural tap.',
      satisfaction: 'Quite satisfied. Good supervision.',
      cv: 'Presented the falls audit.',
      work_life_balance: 'OK, started running again.',
      goals_short_term: 'Finish the portfolio.',
      goals_medium_term: 'Core surgical training.',
      goals_long_term: 'Vascular surgery.',
      positives: ['Pleural tap', 'Audit presentation'],
      negatives: ['Late finishes', 'A complaint from a relative'],
      anything_else: 'No, thank you.',
    }),
  },
  {
    name: 'q_pasted_questions_answer_on_same_line',
    client: 'raw',
    raw: rawMail('pasted2', {
      from: T.ben,
      body: `What new skills or procedures have you learned or practised in the past two months? Knee aspirations.
How satisfied are you with your training at the moment, and why? Very, great team.
Courses, exams, audits, publications, presentations or prizes since last time. None.
How are you managing work and life outside work? Fine.
What do you want to achieve in the next six months? MRCS A.
Where do you want to be in one to three years? CST.
What are your longer-term career plans? Orthopaedics.`,
    }),
    expect: only({
      skills: 'Knee aspirations.',
      satisfaction: 'Very, great team.',
      cv: 'None.',
      work_life_balance: 'Fine.',
      goals_short_term: 'MRCS A.',
      goals_medium_term: 'CST.',
      goals_long_term: 'Orthopaedics.',
    }),
  },
  {
    name: 'q_pasted_heading_and_question_then_answer',
    client: 'raw',
    raw: rawMail('pasted3', {
      from: T.priya,
      body: `1. Skills acquisition - What new skills or procedures have you learned or practised in the past two months?
Laparoscopic cholecystectomy (assisted) and two hernia repairs.

2. Satisfaction with training - How satisfied are you with your training at the moment, and why?
Satisfied, though theatre lists get cancelled.

8. Positive points from the past two months (at least two) - At least two things that went well, one per line
Hernia repair under supervision
Audit accepted

9. Negative points from the past two months (at least two) - At least two things that went badly or were hard, one per line
Cancelled lists
Tired after nights`,
    }),
    expect: only({
      skills: 'Laparoscopic cholecystectomy (assisted) and two hernia repairs.',
      satisfaction: 'Satisfied, though theatre lists get cancelled.',
      positives: ['Hernia repair under supervision', 'Audit accepted'],
      negatives: ['Cancelled lists', 'Tired after nights'],
    }),
  },
  {
    name: 'q_question_and_answer_prefixes',
    client: 'raw',
    raw: rawMail('qa', {
      from: T.tom,
      body: `Q: What new skills or procedures have you learned or practised in the past two months?
A: Chest drains.

Q: How satisfied are you with your training at the moment, and why?
A: Satisfied.

Q: What do you want to achieve in the next six months?
A: MRCS Part B.`,
    }),
    expect: only({ skills: 'Chest drains.', satisfaction: 'Satisfied.', goals_short_term: 'MRCS Part B.' }),
  },

  // Short and personal section names.
  {
    name: 'q_short_personal_section_names',
    client: 'gmail',
    ...reply(T.priya, {
      reply: `Hi Jane, quick answers:

Skills: laparoscopic appendix x3
Training: happy overall
CV stuff: poster at ASiT
WLB: not great
Goals (short): MRCS B
Goals (medium): NTN
Goals (long): colorectal consultant
Good stuff:
- first lap appendix
- teaching med students
Not so good:
- nights
- missed clinic`,
    }),
    expect: only({
      skills: 'laparoscopic appendix x3',
      satisfaction: 'happy overall',
      cv: 'poster at ASiT',
      work_life_balance: 'not great',
      goals_short_term: 'MRCS B',
      goals_medium_term: 'NTN',
      goals_long_term: 'colorectal consultant',
      positives: ['first lap appendix', 'teaching med students'],
      negatives: ['nights', 'missed clinic'],
    }),
  },
  {
    name: 'q_personal_headings_on_own_lines',
    client: 'apple_mail',
    ...reply(T.aisha, {
      reply: `New skills
Pleural aspiration and NIV set-up.

How I feel about training
Mostly positive, but I want more clinic time.

CV
Nothing yet.

Life outside work
Better since I joined a choir.

Next 6 months
Pass MRCP Part 1.

1-3 years
IMT3 and then renal.

Long-term
Nephrology consultant.

The good
Running the ward on my own for a day
Lovely feedback from a patient

The bad
A missed hyperkalaemia
Too many late finishes`,
    }),
    expect: only({
      skills: 'Pleural aspiration and NIV set-up.',
      satisfaction: 'Mostly positive, but I want more clinic time.',
      cv: 'Nothing yet.',
      work_life_balance: 'Better since I joined a choir.',
      goals_short_term: 'Pass MRCP Part 1.',
      goals_medium_term: 'IMT3 and then renal.',
      goals_long_term: 'Nephrology consultant.',
      positives: ['Running the ward on my own for a day', 'Lovely feedback from a patient'],
      negatives: ['A missed hyperkalaemia', 'Too many late finishes'],
    }),
  },
  {
    name: 'q_headings_with_dashes_and_caps',
    client: 'outlook_web',
    ...reply(T.ben, {
      reply: `SKILLS - IO access, fascia iliaca blocks
SATISFACTION - 7/10
CV - ALS instructor
BALANCE - ok
SHORT TERM - FRCEM primary
MEDIUM TERM - ACCS
LONG TERM - EM consultant
POSITIVES - resus leadership, good ARCP
NEGATIVES - rota gaps, burnout`,
    }),
    expect: only({
      skills: 'IO access, fascia iliaca blocks',
      satisfaction: '7/10',
      cv: 'ALS instructor',
      work_life_balance: 'ok',
      goals_short_term: 'FRCEM primary',
      goals_medium_term: 'ACCS',
      goals_long_term: 'EM consultant',
      positives: ['resus leadership', 'good ARCP'],
      negatives: ['rota gaps', 'burnout'],
    }),
  },
  {
    name: 'q_highlights_lowlights_and_other',
    client: 'gmail',
    ...reply(T.tom, {
      reply: `Highlights:
* first solo hernia
* nice ARCP outcome

Lowlights:
* two weekends on call
* exam stress

Other: can we meet in April?`,
    }),
    expect: only({
      positives: ['first solo hernia', 'nice ARCP outcome'],
      negatives: ['two weekends on call', 'exam stress'],
      anything_else: 'can we meet in April?',
    }),
  },

  // Answers typed into a table (Outlook/Word).
  {
    name: 'q_outlook_word_table_answers',
    client: 'raw',
    raw: rawMail('table1', {
      from: T.priya,
      contentType: 'text/html; charset=utf-8',
      encoding: 'quoted-printable',
      subject: `RE: ${QUESTIONNAIRE_SUBJECT()}`,
      body: MSO_DOC(
        `<p class="MsoNormal">Hi Jane, I put my answers in a table:<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n${WORD_TABLE([
          ['Skills acquisition', 'Two laparoscopic appendicectomies'],
          ['Satisfaction with training', 'Good; more theatre time'],
          ['Additions to your CV', 'ATLS course'],
          ['Work-life balance', 'Fine'],
          ['Career goals: short term', 'MRCS Part B'],
          ['Career goals: medium term', 'NTN in general surgery'],
          ['Career goals: long term', 'Colorectal surgeon'],
          ['Positive points', 'Solo appendicectomy\nGood feedback'],
          ['Negative points', 'Rota gaps\nCancelled clinics'],
        ])}\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Priya<o:p></o:p></p>`,
      ),
    }),
    expect: only({
      skills: 'Two laparoscopic appendicectomies',
      satisfaction: 'Good; more theatre time',
      cv: 'ATLS course',
      work_life_balance: 'Fine',
      goals_short_term: 'MRCS Part B',
      goals_medium_term: 'NTN in general surgery',
      goals_long_term: 'Colorectal surgeon',
      positives: ['Solo appendicectomy', 'Good feedback'],
      negatives: ['Rota gaps', 'Cancelled clinics'],
    }),
  },
  {
    name: 'q_table_with_header_row_and_numbers',
    client: 'raw',
    raw: rawMail('table2', {
      from: T.ben,
      contentType: 'text/html; charset=utf-8',
      encoding: 'quoted-printable',
      body: `<html><body><div dir="ltr"><div>Answers:</div><br><table border="1" cellpadding="4" style="border-collapse:collapse"><thead><tr><th>Question</th><th>Answer</th></tr></thead><tbody><tr><td>1</td><td>Fracture reductions</td></tr><tr><td>2</td><td>Satisfied</td></tr><tr><td>3</td><td>None</td></tr><tr><td>4</td><td>Good</td></tr><tr><td>5</td><td>MRCS A</td></tr><tr><td>6</td><td>CST</td></tr><tr><td>7</td><td>Trauma surgeon</td></tr><tr><td>8</td><td>Hip hemiarthroplasty assist<br>Good teaching</td></tr><tr><td>9</td><td>Long days<br>Exam anxiety</td></tr></tbody></table></div></body></html>\n`,
    }),
    expect: only({
      skills: 'Fracture reductions',
      satisfaction: 'Satisfied',
      cv: 'None',
      work_life_balance: 'Good',
      goals_short_term: 'MRCS A',
      goals_medium_term: 'CST',
      goals_long_term: 'Trauma surgeon',
      positives: ['Hip hemiarthroplasty assist', 'Good teaching'],
      negatives: ['Long days', 'Exam anxiety'],
    }),
  },
  {
    name: 'q_table_partial_answers_inside_reply',
    client: 'raw',
    raw: rawMail('table3', {
      from: T.aisha,
      contentType: 'text/html; charset=utf-8',
      encoding: 'quoted-printable',
      body: MSO_DOC(
        WORD_TABLE([
          ['Skills', 'NG tubes, catheters'],
          ['Satisfaction', 'Mixed'],
          ['Positives', 'Nice team\nFirst night shift done'],
          ['Negatives', 'No teaching\nRota chaos'],
        ]),
      ),
    }),
    expect: only({
      skills: 'NG tubes, catheters',
      satisfaction: 'Mixed',
      positives: ['Nice team', 'First night shift done'],
      negatives: ['No teaching', 'Rota chaos'],
    }),
  },

  // Sign-offs, signatures and disclaimers in other languages after the last list.
  {
    name: 'q_german_signoff_and_title_after_negatives',
    client: 'raw',
    raw: rawMail('de1', {
      from: T.jonas,
      body: `Skills: Thoraxdrainage, ZVK
Satisfaction: gut

Positives:
- erste Appendektomie
- gutes Feedback

Negatives:
- viele Nachtdienste
- wenig Lehre

Mit freundlichen Grüßen
Dr. med. Jonas Weber
Assistenzarzt Chirurgie
Klinikum Nord`,
    }),
    expect: only({
      skills: 'Thoraxdrainage, ZVK',
      satisfaction: 'gut',
      positives: ['erste Appendektomie', 'gutes Feedback'],
      negatives: ['viele Nachtdienste', 'wenig Lehre'],
    }),
  },
  {
    name: 'q_french_signoff_and_disclaimer_after_list',
    client: 'raw',
    raw: rawMail('fr1', {
      from: T.marie,
      body: `Positive points:
- premier drain thoracique
- bonne équipe

Negative points:
- gardes difficiles
- peu de formation

Cordialement,
Marie Dubois
Interne, CHU

Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires.`,
    }),
    expect: only({ positives: ['premier drain thoracique', 'bonne équipe'], negatives: ['gardes difficiles', 'peu de formation'] }),
  },
  {
    name: 'q_dutch_signoff_and_disclaimer_unbulleted_list',
    client: 'raw',
    raw: rawMail('nl1', {
      from: T.sanne,
      body: `Positives
Eerste echo zelfstandig
Fijne supervisor

Negatives
Te veel diensten
Weinig onderwijs

Met vriendelijke groet,

Sanne de Vries
AIOS Interne Geneeskunde

Dit bericht is uitsluitend bestemd voor de geadresseerde.`,
    }),
    expect: only({ positives: ['Eerste echo zelfstandig', 'Fijne supervisor'], negatives: ['Te veel diensten', 'Weinig onderwijs'] }),
  },
  {
    name: 'q_spanish_signoff_and_mobile_footer',
    client: 'raw',
    raw: rawMail('es1', {
      from: T.lucia,
      body: `Negatives:
1. Demasiadas guardias
2. Poca docencia

Saludos cordiales,
Lucía

Enviado desde mi iPhone`,
    }),
    expect: only({ negatives: ['Demasiadas guardias', 'Poca docencia'] }),
  },
  {
    name: 'q_polish_signoff_after_negatives',
    client: 'raw',
    raw: rawMail('pl1', {
      from: T.kasia,
      body: `Positives:
- first epidural
- passed the primary

Negatives:
- nights
- commute

Pozdrawiam serdecznie
Katarzyna Nowak`,
    }),
    expect: only({ positives: ['first epidural', 'passed the primary'], negatives: ['nights', 'commute'] }),
  },
  {
    name: 'q_italian_signoff_one_line_after_list',
    client: 'raw',
    raw: rawMail('it1', {
      from: T.giulia,
      body: `Negatives:
- too many admin tasks
- missed teaching
Cordiali saluti, Giulia`,
    }),
    expect: only({ negatives: ['too many admin tasks', 'missed teaching'] }),
  },
  {
    name: 'q_swedish_signoff_and_phone_after_list',
    client: 'raw',
    raw: rawMail('sv1', {
      from: T.erik,
      body: `Positives:
- good supervision
- first spinal

Negatives:
- long shifts
- little feedback

Med vänliga hälsningar
Erik
Tel: 070-123 45 67`,
    }),
    expect: only({ positives: ['good supervision', 'first spinal'], negatives: ['long shifts', 'little feedback'] }),
  },

  // A closing remark after a blank line is not a list item.
  {
    name: 'q_closing_remark_after_negatives',
    client: 'raw',
    raw: rawMail('close1', {
      from: T.tom,
      body: `Skills: central lines
Satisfaction: good

Negatives:
- rota gaps
- exam stress

will do the rest next week!`,
    }),
    expect: only({ skills: 'central lines', satisfaction: 'good', negatives: ['rota gaps', 'exam stress'] }),
  },
  {
    name: 'q_closing_remark_after_unbulleted_positives',
    client: 'raw',
    raw: rawMail('close2', {
      from: T.aisha,
      body: `Positives
Passed my exam
Great team

Sorry this is so short, on call all week. Will send the rest on Sunday.`,
    }),
    expect: only({ positives: ['Passed my exam', 'Great team'] }),
  },
  {
    name: 'q_signoff_on_same_line_as_answer',
    client: 'raw',
    note: 'Issue 9 item 14: the name after the last sentence is a sign-off, not part of the answer.',
    raw: rawMail('tom14', {
      from: T.tom,
      body: `Skills: suturing, plastering
Satisfaction: OK but busy. Sorry, will do the rest later - on call. Tom`,
    }),
    expect: only({ skills: 'suturing, plastering', satisfaction: 'OK but busy. Sorry, will do the rest later - on call.' }),
  },
  {
    name: 'q_signoff_thanks_name_after_anything_else',
    client: 'raw',
    raw: rawMail('thanks1', {
      from: T.priya,
      body: `Anything else: could we talk about the fellowship?

Thanks,
Priya`,
    }),
    expect: only({ anything_else: 'could we talk about the fellowship?' }),
  },

  // The ordinary cases, as a baseline.
  {
    name: 'q_gmail_toppost_full_titles',
    client: 'gmail',
    ...reply(T.priya, { reply: `Hi Jane,\n\n${ANSWERS_TEXT}\n\nBest wishes,\nPriya` }),
    expect: only(FULL),
  },
  { name: 'q_apple_toppost_full_titles', client: 'iphone_mail', ...reply(T.tom, { reply: ANSWERS_TEXT }), expect: only(FULL) },
  { name: 'q_outlook_web_html_only', client: 'outlook_web', format: 'html', ...reply(T.ben, { reply: ANSWERS_TEXT }), expect: only(FULL) },
  {
    name: 'q_gmail_inline_answers_under_quoted_headings',
    client: 'raw',
    raw: rawMail('inline1', {
      from: T.priya,
      body: `On Tue, 2 Mar 2027 at 09:14, E-mentoring <mentoring@deanery.example.org> wrote:
> Dear Priya Patel,
>
> 1. Skills acquisition
> What new skills or procedures have you learned or practised in the past two months?

Suturing and a chest drain.

> 2. Satisfaction with training
> How satisfied are you with your training at the moment, and why?

Quite satisfied.

> 8. Positive points from the past two months (at least two)
> At least two things that went well, one per line (for example: solo appendicectomy).

Chest drain
Teaching FY1s

> 9. Negative points from the past two months (at least two)
> At least two things that went badly or were hard, one per line (for example: delayed diagnosis of perforated bowel).

Nights
No study leave

> 10. Anything else for your e-mentor (optional)
> Anything else you would like to raise or ask.`,
    }),
    expect: only({
      skills: 'Suturing and a chest drain.',
      satisfaction: 'Quite satisfied.',
      positives: ['Chest drain', 'Teaching FY1s'],
      negatives: ['Nights', 'No study leave'],
    }),
  },
  {
    name: 'q_numbers_only_headings',
    client: 'raw',
    raw: rawMail('num1', {
      from: T.ben,
      body: `1) Suturing
2) Satisfied
3) None
4) Fine
5) MRCS
6) CST
7) Plastics
8) First flap assist; good feedback
9) Nights; no teaching`,
    }),
    expect: only({
      skills: 'Suturing',
      satisfaction: 'Satisfied',
      cv: 'None',
      work_life_balance: 'Fine',
      goals_short_term: 'MRCS',
      goals_medium_term: 'CST',
      goals_long_term: 'Plastics',
      positives: ['First flap assist', 'good feedback'],
      negatives: ['Nights', 'no teaching'],
    }),
  },
  {
    name: 'q_free_text_no_headings',
    client: 'gmail',
    ...reply(T.aisha, {
      reply: `Hi Jane,\n\nSorry, it has been a rough couple of months and I have not had the headspace for the questionnaire. Could we just talk instead?\n\nAisha`,
    }),
    expect: only({}),
  },
];
