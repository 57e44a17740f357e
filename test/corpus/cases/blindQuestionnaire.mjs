/**
 * A blind batch of harder questionnaire replies, written after the rules and run once before
 * any change (first-run score reported with the branch): wrapped originals under foreign
 * headers, shortened pasted questions, abbreviated headings, three-column tables, remarks.
 */
import { MENTORS as M, TRAINEES as T, questionnaire } from '../world.mjs';
import { rfcDate } from '../langs.mjs';
import { escapeHtml } from '../mime.mjs';

const D = rfcDate({ y: 2027, m: 3, d: 5, wd: 5, h: 22, min: 3 });

function mail(
  name,
  from,
  body,
  answers,
  { contentType = 'text/plain; charset=utf-8', note, subject = 'Re: E-mentoring questionnaire, round 3' } = {},
) {
  return {
    name,
    client: 'raw',
    note,
    expect: { kind: 'reply', answers },
    raw: [
      `From: ${from.name} <${from.address}>`,
      'To: mentoring+q5kq9xv7mbz4nr3tw6cy8pda2h@deanery.example.org',
      `Subject: ${subject}`,
      `Date: ${D}`,
      `Message-ID: <blindq-${name}@mail.example.net>`,
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n'),
  };
}

/** The questionnaire as a client that re-wraps the original at 72 characters shows it. */
function wrapped(text, width = 72) {
  return text
    .split('\n')
    .flatMap((line) => {
      const out = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out;
    })
    .join('\n');
}

const SIX = `Skills: arterial lines
Satisfaction: good
CV: teaching certificate
Balance: fine
Short term: MRCP Part 2
Medium term: IMT3`;
const SIX_ANSWERS = {
  skills: 'arterial lines',
  satisfaction: 'good',
  cv: 'teaching certificate',
  work_life_balance: 'fine',
  goals_short_term: 'MRCP Part 2',
  goals_medium_term: 'IMT3',
};

export default [
  mail(
    'blindq_von_block_wrapped_questionnaire',
    T.jonas,
    `${SIX}\n\nVon: E-mentoring <mentoring@deanery.example.org>\nGesendet: Dienstag, 2. März 2027 09:14\nAn: Jonas Weber <jonas.weber@nhs.example.net>\nBetreff: E-mentoring questionnaire, round 3\n\n${wrapped(questionnaire(T.jonas, M.jane))}`,
    SIX_ANSWERS,
  ),
  mail(
    'blindq_de_colon_block_wrapped_questionnaire',
    T.marie,
    `${SIX}\n\nDe : E-mentoring <mentoring@deanery.example.org>\nEnvoyé : mardi 2 mars 2027 09:14\nÀ : Marie Dubois <marie.dubois@nhs.example.net>\nObjet : E-mentoring questionnaire, round 3\n\n${wrapped(questionnaire(T.marie, M.jane), 60)}`,
    SIX_ANSWERS,
  ),
  mail(
    'blindq_android_original_message_wrapped',
    T.tom,
    `${SIX}\n\nSent from my Galaxy\n\n\n-------- Original message --------\nFrom: E-mentoring <mentoring@deanery.example.org> \nDate: 02/03/2027 09:14 (GMT+00:00) \nTo: tom.baker@nhs.example.net \nSubject: E-mentoring questionnaire, round 3 \n\n${wrapped(questionnaire(T.tom, M.jane), 66)}`,
    SIX_ANSWERS,
  ),
  mail(
    'blindq_shortened_pasted_questions',
    T.aisha,
    `What new skills have you learned in the past two months?
NIV and a chest drain.

How satisfied are you with your training, and why?
Very, because of the teaching.

How are you managing work and life?
OK.

What do you want to achieve in the next six months?
Pass Part 1.`,
    {
      skills: 'NIV and a chest drain.',
      satisfaction: 'Very, because of the teaching.',
      work_life_balance: 'OK.',
      goals_short_term: 'Pass Part 1.',
    },
  ),
  mail(
    'blindq_numbered_pasted_questions',
    T.ben,
    `1. What new skills or procedures have you learned or practised in the past two months?
Fracture clinic on my own.

2. How satisfied are you with your training at the moment, and why?
Satisfied.

9. At least two things that went badly or were hard, one per line (for example: delayed diagnosis of perforated bowel).
Missed a scaphoid fracture
Late finishes`,
    { skills: 'Fracture clinic on my own.', satisfaction: 'Satisfied.', negatives: ['Missed a scaphoid fracture', 'Late finishes'] },
  ),
  mail(
    'blindq_abbreviated_headings',
    T.priya,
    `Skills - lap chole (assisted)
Training satisfaction - 8/10
CV/portfolio - ASiT poster
Work/life - tired
Next 6m - MRCS B
1-3 yrs - NTN
5 yrs+ - colorectal consultant
Pros - good team, first lap appendix
Cons - nights, rota gaps`,
    {
      skills: 'lap chole (assisted)',
      satisfaction: '8/10',
      cv: 'ASiT poster',
      work_life_balance: 'tired',
      goals_short_term: 'MRCS B',
      goals_medium_term: 'NTN',
      goals_long_term: 'colorectal consultant',
      positives: ['good team', 'first lap appendix'],
      negatives: ['nights', 'rota gaps'],
    },
  ),
  mail(
    'blindq_three_column_table',
    T.aisha,
    `<html><body><p>My answers:</p><table border="1"><tr><th>Section</th><th>Question</th><th>Answer</th></tr>${[
      ['1. Skills acquisition', 'What new skills or procedures have you learned or practised in the past two months?', 'Lumbar punctures'],
      ['2. Satisfaction with training', 'How satisfied are you with your training at the moment, and why?', 'Quite satisfied'],
      ['4. Work-life balance', 'How are you managing work and life outside work?', 'Struggling a bit'],
      [
        '8. Positive points',
        'At least two things that went well, one per line (for example: solo appendicectomy).',
        'First LP<br>Thank-you card',
      ],
    ]
      .map(([a, b, c]) => `<tr><td>${escapeHtml(a)}</td><td>${escapeHtml(b)}</td><td>${c}</td></tr>`)
      .join('')}</table><p>Aisha</p></body></html>`,
    {
      skills: 'Lumbar punctures',
      satisfaction: 'Quite satisfied',
      work_life_balance: 'Struggling a bit',
      positives: ['First LP', 'Thank-you card'],
    },
    { contentType: 'text/html; charset=utf-8' },
  ),
  mail(
    'blindq_gmail_table_question_my_answer',
    T.tom,
    `<div dir="ltr"><table cellspacing="0" cellpadding="0" dir="ltr" border="1"><tbody><tr><td><div>Question</div></td><td><div>My answer</div></td></tr><tr><td><div>Skills acquisition</div></td><td><div>Plastering</div></td></tr><tr><td><div>Satisfaction with training</div></td><td><div>Good</div></td></tr><tr><td><div>Negative points</div></td><td><div>Long days</div><div>No study leave</div></td></tr></tbody></table><div><br></div><div>Tom</div></div>`,
    { skills: 'Plastering', satisfaction: 'Good', negatives: ['Long days', 'No study leave'] },
    { contentType: 'text/html; charset=utf-8' },
  ),
  mail('blindq_dutch_signoff_no_blank_line', T.sanne, `Negatives:\n- te veel diensten\n- weinig supervisie\nGroetjes, Sanne`, {
    negatives: ['te veel diensten', 'weinig supervisie'],
  }),
  mail(
    'blindq_french_bien_a_vous_after_list',
    T.marie,
    `Positives:\n- bonne ambiance\n- premier drain\n\nBien à vous,\nMarie Dubois\nInterne en chirurgie`,
    { positives: ['bonne ambiance', 'premier drain'] },
  ),
  mail(
    'blindq_german_disclaimer_after_rule',
    T.jonas,
    `Negatives:\n- Nachtdienste\n- Pendeln\n\n---\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender.`,
    { negatives: ['Nachtdienste', 'Pendeln'] },
  ),
  mail('blindq_remark_thats_all_for_now', T.ben, `Negatives:\n- nights\n- exam stress\n\nThat's all for now, more when I'm off nights.`, {
    negatives: ['nights', 'exam stress'],
  }),
  mail('blindq_remark_after_unbulleted_list_hope', T.aisha, `Positives\nGood team\nNew skills\n\nHope that is enough for this round.`, {
    positives: ['Good team', 'New skills'],
  }),
  mail('blindq_na_answers', T.tom, `Skills: N/A\nCV: none\nAnything else: No`, { skills: 'N/A', cv: 'none', anything_else: 'No' }),
  mail(
    'blindq_owa_html_typed_into_original',
    T.priya,
    `<div>Answers below</div><div><br></div><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> E-mentoring &lt;mentoring@deanery.example.org&gt;<br><b>Sent:</b> Tuesday, 2 March 2027 09:14<br><b>To:</b> Priya Patel<br><b>Subject:</b> E-mentoring questionnaire, round 3</font><div>&nbsp;</div></div><div>${questionnaire(
      T.priya,
      M.jane,
    )
      .split('\n')
      .map((l) => escapeHtml(l))
      .join('<br>')
      .replace('in the past two months?', 'in the past two months?<br>Hernia repairs')
      .replace('at the moment, and why?', 'at the moment, and why?<br>Happy')}</div>`,
    { skills: 'Hernia repairs', satisfaction: 'Happy' },
    { contentType: 'text/html; charset=utf-8', subject: 'RE: E-mentoring questionnaire, round 3' },
  ),
  mail(
    'blindq_bold_markdown_headings_apple',
    T.aisha,
    `*Skills:* IV cannulas\n*Satisfaction:* OK\n*Positives:*\n• got my first rota swap\n• good feedback\n*Negatives:*\n• commute\n• exam`,
    {
      skills: 'IV cannulas',
      satisfaction: 'OK',
      positives: ['got my first rota swap', 'good feedback'],
      negatives: ['commute', 'exam'],
    },
  ),
];
