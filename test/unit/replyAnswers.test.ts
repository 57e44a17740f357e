import { loadOurWording } from '../../src/mail/ourWording';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { extractAnswers } from '../../src/reading/5-answers/answers';
import { headingMatcher } from '../../src/reading/5-answers/headings';
import { splitListItems } from '../../src/reading/5-answers/listItems';

const q = loadQuestionnaire();
// The sentences of our own emails, read from the templates as the worker reads them.
const ourWording = loadOurWording();
const answersOf = (text: string) => extractAnswers(text, q, { ourWording }).answers;

describe('headings', () => {
  const { match } = headingMatcher(q);
  test.each([
    ['1. Skills acquisition', 'skills', ''],
    ['Skills acquisition:', 'skills', ''],
    ['SKILLS', 'skills', ''],
    ['**Skills:** chest drains', 'skills', 'chest drains'],
    ['## Satisfaction', 'satisfaction', ''],
    ['*CV*', 'cv', ''],
    ['__Work life balance__', 'work_life_balance', ''],
    ['Work/life balance - ok', 'work_life_balance', 'ok'],
    ['Additions', 'cv', ''],
    ['Career goals: short term (6 months): MRCS', 'goals_short_term', 'MRCS'],
    ['5. Career goals: short term (next 6 months)', 'goals_short_term', ''],
    ['Short-term goals', 'goals_short_term', ''],
    ['Positive points from the past two months', 'positives', ''],
    ['Good points', 'positives', ''],
    ['Bad points:', 'negatives', ''],
    ['Anything else for my e-mentor?', 'anything_else', ''],
    ['Q3', 'cv', ''],
    ['#3', 'cv', ''],
    ['Question 3: MRCS', 'cv', 'MRCS'],
    ['3)', 'cv', ''],
    ['(3)', 'cv', ''],
    ['Negatives from this block:', 'negatives', ''],
    ['Goals (short): MRCS B', 'goals_short_term', 'MRCS B'],
    ['Goals (long)', 'goals_long_term', ''],
    ['1-3 years', 'goals_medium_term', ''],
    ['1-3 yrs - NTN', 'goals_medium_term', 'NTN'],
    ['5 yrs+ - consultant', 'goals_long_term', 'consultant'],
    ['Next 6m: exams', 'goals_short_term', 'exams'],
    ['In 10 years', 'goals_long_term', ''],
    ['2 years:', 'goals_medium_term', ''],
    ['CV stuff:', 'cv', ''],
    ['CV/portfolio - poster', 'cv', 'poster'],
    ['WLB:', 'work_life_balance', ''],
    ['Life outside work', 'work_life_balance', ''],
    ['How I feel about training', 'satisfaction', ''],
    ['The good', 'positives', ''],
    ['Good stuff:', 'positives', ''],
    ['Not so good:', 'negatives', ''],
    ['The bad', 'negatives', ''],
  ])('%p', (line, key, inline) => {
    const h = match(line);
    expect(h?.section?.key).toBe(key);
    expect(h?.inline).toBe(inline);
  });

  test.each([
    'Solo appendicectomy',
    'Passed MRCS Part A.',
    '2027 was good',
    '3 audits',
    '12. March',
    'Note: bring CV',
    '3 chest drains',
    '2 good weeks',
  ])('%p is not a heading', (line) => {
    const h = match(line);
    expect(h === null || h.kind === 'numbered_text').toBe(true);
  });

  test('"Career goals" alone is shared by three sections: a group, no section', () => {
    expect(match('Career goals')).toMatchObject({ kind: 'group', section: null });
    expect(match('Career:')).toMatchObject({ kind: 'group', section: null });
  });
});

describe('answers', () => {
  test('the questionnaire pasted back, unanswered, gives nothing', () => {
    const pasted = [
      'It is time for your e-mentoring questionnaire (round 3). Please write your answers under each heading below and simply reply to this email. Short answers are fine; there are no right or wrong answers.',
      ...q.sections.flatMap((s) => [`${s.number}. ${s.title}`, s.prompt, '']),
      'Your answers go only to your e-mentor, Dr Jane Smith. They are confidential and not part of any assessment.',
      'To pause, reply with PAUSE (or PAUSE until 2027-03-01). To stop taking part, reply with STOP.',
    ].join('\n');
    expect(extractAnswers(pasted, q, { ourWording })).toEqual({
      answers: {},
      missing: q.sections.filter((s) => s.required).map((s) => s.key),
      complete: false,
    });
  });

  test('the examples in the prompts are fine as answers', () => {
    expect(answersOf('Negatives:\nDelayed diagnosis of perforated bowel\nRota gaps').negatives).toEqual([
      'Delayed diagnosis of perforated bowel',
      'Rota gaps',
    ]);
  });

  test('last round’s goals listed in an unmarked original are not answers', () => {
    const text =
      'Last time you wrote these career goals; you may want to say what has changed:\n  Short term: Pass MRCS Part A\n  Medium term: CST\n\n5. Career goals: short term (next 6 months)\nWhat do you want to achieve in the next six months?\nMRCS Part B';
    expect(answersOf(text)).toEqual({ goals_short_term: 'MRCS Part B' });
  });

  test('numbered items under titled headings are list items, not headings', () => {
    expect(answersOf('Positives:\n1. Solo appendicectomy\n2. Teaching\nNegatives:\n1) Nights\n2) Rota')).toEqual({
      positives: ['Solo appendicectomy', 'Teaching'],
      negatives: ['Nights', 'Rota'],
    });
  });

  test('numbered answers without titles are headings, in order', () => {
    expect(answersOf('1. Suturing\n2. Happy\n8. Solo appendix; teaching\n9. Nights, rota gaps')).toEqual({
      skills: 'Suturing',
      satisfaction: 'Happy',
      positives: ['Solo appendix', 'teaching'],
      negatives: ['Nights', 'rota gaps'],
    });
  });

  test('"Career goals" then short/medium/long lines', () => {
    expect(answersOf('CV: none\nCareer goals:\nShort term: MRCS\nMedium term: NTN\nLong term: consultant')).toEqual({
      cv: 'none',
      goals_short_term: 'MRCS',
      goals_medium_term: 'NTN',
      goals_long_term: 'consultant',
    });
  });

  test('a section answered twice keeps both parts', () => {
    expect(answersOf('Skills: suturing\nCV: none\nSkills: chest drains').skills).toBe('suturing\n\nchest drains');
  });

  test('quoted prompts and quoted inline text are never answers; text after a quoted heading is', () => {
    expect(
      answersOf('> 3. Additions to your CV: quoted\n> Courses, exams\nMRCS Part A\n> 4. Work-life balance\n> How are you managing?'),
    ).toEqual({ cv: 'MRCS Part A' });
  });

  test('a blank line after a one-line answer ends it', () => {
    expect(answersOf('Positives: good week\n\nWill send the rest later.')).toEqual({ positives: ['good week'] });
  });

  test('missing lists required sections and short lists; complete when none', () => {
    const result = extractAnswers('Skills: x\nPositives:\n- one', q, { ourWording });
    expect(result.missing).toEqual([
      'satisfaction',
      'cv',
      'work_life_balance',
      'goals_short_term',
      'goals_medium_term',
      'goals_long_term',
      'positives',
      'negatives',
    ]);
    expect(result.complete).toBe(false);
  });
});

describe('harder replies', () => {
  test('a closing remark after a blank line is not a point', () => {
    expect(answersOf('Negatives:\n- rota gaps\n- exam stress\n\nwill do the rest next week!')).toEqual({
      negatives: ['rota gaps', 'exam stress'],
    });
    expect(answersOf('Positives\nPassed my exam\nGreat team\n\nSorry this is so short, on call all week.')).toEqual({
      positives: ['Passed my exam', 'Great team'],
    });
  });

  test('a point in its own paragraph is still a point', () => {
    expect(answersOf('Negatives:\nRota gaps\n\nMissed teaching')).toEqual({ negatives: ['Rota gaps', 'Missed teaching'] });
  });

  test('a bare line naming an earlier section, right below an item, is an item', () => {
    expect(answersOf('Positives\nGood team\nNew skills\nNegatives\nNights')).toEqual({
      positives: ['Good team', 'New skills'],
      negatives: ['Nights'],
    });
  });

  test('pasted questions, whole or shortened, with Q:/A: or not, say which section follows', () => {
    expect(
      answersOf(
        'Q: What new skills or procedures have you learned or practised in the past two months?\nA: Chest drains.\n\nHow satisfied are you with your training, and why?\nVery.',
      ),
    ).toEqual({ skills: 'Chest drains.', satisfaction: 'Very.' });
  });

  test('a prompt pasted after its heading is not the answer', () => {
    expect(
      answersOf(
        '8. Positive points from the past two months (at least two) - At least two things that went well, one per line\nFirst flap\nGood team',
      ),
    ).toEqual({
      positives: ['First flap', 'Good team'],
    });
  });
});

describe('list items', () => {
  test.each([
    [
      ['- a', '- b'],
      ['a', 'b'],
    ],
    [
      ['* a', '* b'],
      ['a', 'b'],
    ],
    [
      ['• a', '• b'],
      ['a', 'b'],
    ],
    [
      ['1. a', '2. b'],
      ['a', 'b'],
    ],
    [
      ['1) a', '2) b'],
      ['a', 'b'],
    ],
    [
      ['a) one', 'b) two'],
      ['one', 'two'],
    ],
    [
      ['(a) one', '(b) two'],
      ['one', 'two'],
    ],
    [
      ['one', 'two'],
      ['one', 'two'],
    ],
    [
      ['- first part', '  continues here', '- second'],
      ['first part continues here', 'second'],
    ],
    [
      ['first part', '   continues here', 'second'],
      ['first part continues here', 'second'],
    ],
    [['- lower case continuation', 'of the item'], ['lower case continuation of the item']],
    [['solo appendicectomy; teaching FY1s'], ['solo appendicectomy', 'teaching FY1s']],
    [['solo appendicectomy, good feedback'], ['solo appendicectomy', 'good feedback']],
    [['Delayed diagnosis, which upset me'], ['Delayed diagnosis, which upset me']],
    [['**Bold item**', '-'], ['Bold item']],
  ])('%p', (lines, items) => {
    expect(splitListItems(lines)).toEqual(items);
  });
});

describe('prompts without their headings', () => {
  test('a quoted prompt says which section the text after it answers', () => {
    expect(
      answersOf(
        '> What new skills or procedures have you learned or practised in the past two months?\nChest drains\n> How are you managing work and life outside work?\nBadly',
      ),
    ).toEqual({
      skills: 'Chest drains',
      work_life_balance: 'Badly',
    });
  });
});

describe('answers typed on at the end of a prompt (Outlook, unmarked original)', () => {
  test('the prompt is dropped and the rest of the line kept', () => {
    expect(
      answersOf(
        '1. Skills acquisition\nWhat new skills or procedures have you learned or practised in the past two months? Chest drains\n',
      ),
    ).toEqual({ skills: 'Chest drains' });
  });
});

describe('last round’s goals quoted in the original', () => {
  test('text typed below them belongs to no section', () => {
    const text =
      '> Last time you wrote these career goals; you may want to say what has changed:\n>   Short term: Pass MRCS Part A\n>   Long term: Consultant\n>\nNo change.\n\n> 1. Skills acquisition\n> What new skills or procedures have you learned or practised in the past two months?\nSuturing';
    expect(answersOf(text)).toEqual({ skills: 'Suturing' });
  });
});
