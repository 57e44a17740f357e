/**
 * The people and the scheme's own emails that corpus replies quote. The wording of the
 * scheme's emails is that of templates/emails/*.hbs as rendered for these people.
 */

export const SCHEME = { name: 'E-mentoring', address: 'mentoring@deanery.example.org' };

const person = (name, address, lang = 'en') => ({ name, address, lang });

export const TRAINEES = {
  priya: person('Priya Patel', 'priya.patel@nhs.example.net'),
  tom: person('Tom Baker', 'tom.baker@nhs.example.net'),
  aisha: person('Aisha Rahman', 'aisha.rahman2@nhs.example.net'),
  ben: person('Ben Carter', 'ben.carter@doctors.example.org.uk'),
  jonas: person('Jonas Weber', 'jonas.weber@nhs.example.net', 'de'),
  marie: person('Marie Dubois', 'marie.dubois@nhs.example.net', 'fr'),
  lucia: person('Lucía García', 'lucia.garcia@nhs.example.net', 'es'),
  giulia: person('Giulia Rossi', 'giulia.rossi@nhs.example.net', 'it'),
  joao: person('João Silva', 'joao.silva@nhs.example.net', 'pt'),
  sanne: person('Sanne de Vries', 'sanne.devries@nhs.example.net', 'nl'),
  erik: person('Erik Lindqvist', 'erik.lindqvist@nhs.example.net', 'sv'),
  mette: person('Mette Nielsen', 'mette.nielsen@nhs.example.net', 'da'),
  ingrid: person('Ingrid Hansen', 'ingrid.hansen@nhs.example.net', 'no'),
  aino: person('Aino Virtanen', 'aino.virtanen@nhs.example.net', 'fi'),
  kasia: person('Katarzyna Nowak', 'katarzyna.nowak@nhs.example.net', 'pl'),
  jana: person('Jana Nováková', 'jana.novakova@nhs.example.net', 'cs'),
  dmitri: person('Dmitri Ivanov', 'dmitri.ivanov@nhs.example.net', 'ru'),
  olena: person('Olena Kovalenko', 'olena.kovalenko@nhs.example.net', 'uk'),
  elif: person('Elif Yılmaz', 'elif.yilmaz@nhs.example.net', 'tr'),
  zsofia: person('Zsófia Nagy', 'zsofia.nagy@nhs.example.net', 'hu'),
  eleni: person('Eleni Papadopoulou', 'eleni.papadopoulou@nhs.example.net', 'el'),
  yuki: person('Yuki Tanaka', 'yuki.tanaka@nhs.example.net', 'ja'),
  wei: person('Wei Zhang', 'wei.zhang@nhs.example.net', 'zh'),
  jiwoo: person('Ji-woo Kim', 'jiwoo.kim@nhs.example.net', 'ko'),
  minh: person('Minh Nguyen', 'minh.nguyen@nhs.example.net', 'vi'),
  andrei: person('Andrei Popescu', 'andrei.popescu@nhs.example.net', 'ro'),
  noa: person('Noa Cohen', 'noa.cohen@nhs.example.net', 'he'),
  omar: person('Omar Haddad', 'omar.haddad@nhs.example.net', 'ar'),
  putri: person('Putri Santoso', 'putri.santoso@nhs.example.net', 'id'),
  jordi: person('Jordi Puig', 'jordi.puig@nhs.example.net', 'ca'),
  ivana: person('Ivana Horvat', 'ivana.horvat@nhs.example.net', 'hr'),
  martin: person('Martin Kováč', 'martin.kovac@nhs.example.net', 'sk'),
};

export const MENTORS = {
  jane: person('Jane Smith', 'jane.smith@nhs.example.net'),
  richard: person('Richard Okafor', 'r.okafor@nhs.example.net'),
  helen: person('Helen Marsh', 'helen.marsh@university.example.ac.uk'),
  david: person('David Chen', 'david.chen@nhs.example.net'),
  fiona: person('Fiona MacLeod', 'fiona.macleod@nhs.example.net'),
  klaus: person('Klaus Becker', 'klaus.becker@nhs.example.net', 'de'),
  anna: person('Anna Kowalska', 'anna.kowalska@nhs.example.net', 'pl'),
};

/** A relayed message as the scheme sends it (templates/emails/relay.txt.hbs). */
export function relay(sender, body, { fromMentor = true } = {}) {
  const footer = fromMentor
    ? `From your e-mentor, ${sender.name}, through the e-mentoring scheme. Reply to this email to answer; it goes to ${sender.name} only.`
    : `From ${sender.name}, through the e-mentoring scheme. Reply to this email to answer; it goes to ${sender.name} only.`;
  return `${body}\n\n--\n${footer}`;
}

/** templates/emails/questionnaire.txt.hbs for round `round`. */
export function questionnaire(trainee, mentor, round = 3) {
  return `Dear ${trainee.name},

It is time for your e-mentoring questionnaire (round ${round}). Please write your answers under each heading below and simply reply to this email. Short answers are fine; there are no right or wrong answers.

1. Skills acquisition
What new skills or procedures have you learned or practised in the past two months?

2. Satisfaction with training
How satisfied are you with your training at the moment, and why?

3. Additions to your CV
Courses, exams, audits, publications, presentations or prizes since last time.

4. Work-life balance
How are you managing work and life outside work?

5. Career goals: short term (next 6 months)
What do you want to achieve in the next six months?

6. Career goals: medium term (1 to 3 years)
Where do you want to be in one to three years?

7. Career goals: long term (beyond 3 years)
What are your longer-term career plans?

8. Positive points from the past two months (at least two)
At least two things that went well, one per line (for example: solo appendicectomy).

9. Negative points from the past two months (at least two)
At least two things that went badly or were hard, one per line (for example: delayed diagnosis of perforated bowel).

10. Anything else for your e-mentor (optional)
Anything else you would like to raise or ask.

Your answers go only to your e-mentor, ${mentor.name}. They are confidential and not part of any assessment.
To pause, reply with PAUSE (or PAUSE until 1 May 2027). To stop taking part, reply with STOP.`;
}

/** The questionnaire as Outlook shows it in an HTML reply: every heading and prompt on its own paragraph. */
export const QUESTIONNAIRE_SUBJECT = (round = 3) => `E-mentoring questionnaire, round ${round}`;

/** templates/emails/forward.txt.hbs: a trainee's answers forwarded to the mentor. */
export function forwardToMentor(trainee, mentor, answers, round = 3) {
  const titles = [
    'Skills acquisition',
    'Satisfaction with training',
    'Additions to your CV',
    'Work-life balance',
    'Career goals: short term (next 6 months)',
    'Career goals: medium term (1 to 3 years)',
    'Career goals: long term (beyond 3 years)',
    'Positive points from the past two months (at least two)',
    'Negative points from the past two months (at least two)',
    'Anything else for your e-mentor (optional)',
  ];
  const sections = titles
    .map((title, i) => {
      const a = answers[i];
      const body = Array.isArray(a) ? a.map((x) => `  - ${x}`).join('\n') : (a ?? '(not answered)');
      return `${i + 1}. ${title}\n${body}`;
    })
    .join('\n\n');
  return `Dear ${mentor.name},

${trainee.name} has answered their e-mentoring questionnaire (round ${round}).

${sections}

Reply to this email with your feedback, questions and suggestions: it goes to ${trainee.name} only, without your email address.
This is confidential and not part of any assessment.`;
}

export const SAMPLE_ANSWERS = [
  'Two chest drains under supervision, and my first solo laparoscopic appendicectomy.',
  'Mostly satisfied. Theatre time has improved, but clinics are often cancelled.',
  'Passed MRCS Part A. Poster at the regional audit meeting.',
  'Hard during nights; better since I moved closer to the hospital.',
  'Pass MRCS Part B and finish the appendicitis audit.',
  'A national training number in general surgery.',
  'Consultant colorectal surgeon in a teaching hospital.',
  ['Solo laparoscopic appendicectomy', 'Good feedback on my ward round'],
  ['Delayed diagnosis of a perforated bowel on a night shift', 'Missed two teaching sessions because of rota gaps'],
  'Could we talk about fellowships next time?',
];
