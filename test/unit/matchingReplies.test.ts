/**
 * Reading matching replies (pure): what counts as CHOOSE, a ranking, MORE, NONE, ACCEPT,
 * DECLINE and APPROVE, and what must not. Our own emails, quoted below a reply or standing
 * alone (as an unmarked original can), are never read as an answer.
 */
import { renderEmail } from '../../src/mail/templates';
import { answerLines, readApproval, readMenteeReply, readMentorDecision } from '../../src/matching/replies';

const OFFERED = ['A', 'B', 'C'];

describe('a trainee choosing from a short list', () => {
  test.each([
    ['CHOOSE B', ['B']],
    ['choose b', ['B']],
    ['Choose: B', ['B']],
    ['B', ['B']],
    ['B.', ['B']],
    ['**CHOOSE B**', ['B']],
    ['I choose B, thanks!', ['B']],
    ["I'd like candidate B please", ['B']],
    ['Hi,\n\nCHOOSE C\n\nThanks\nPriya', ['C']],
    ['Hello! B please', ['B']],
    ['Dear coordinator, CHOOSE A', ['A']],
    ['Choose B - thank you so much for organising this', ['B']],
    ['1 B 2 A', ['B', 'A']],
    ['1. B 2. A', ['B', 'A']],
    ['1) B, 2) A', ['B', 'A']],
    ['2 A 1 B', ['B', 'A']],
    ['1. B\n2. A\n3. C', ['B', 'A', 'C']],
    ['B, A', ['B', 'A']],
    ['B then A', ['B', 'A']],
    ['First choice B, second choice A', ['B', 'A']],
    ['1st B 2nd C', ['B', 'C']],
    ['my choice is a', ['A']],
  ])('%j → %j', (text, letters) => {
    expect(readMenteeReply(text, OFFERED)).toEqual({ kind: 'choose', letters });
  });

  test.each(['MORE', 'More please', 'more', 'Can I see more options?', 'Could I have some more suggestions please'])(
    '%j is MORE',
    (text) => {
      expect(readMenteeReply(text, OFFERED)).toEqual({ kind: 'more' });
    },
  );

  test.each(['NONE', 'None of these, sorry', 'none', 'None of these suit me', 'NONE, thanks'])('%j is NONE', (text) => {
    expect(readMenteeReply(text, OFFERED)).toEqual({ kind: 'none' });
  });

  test('a letter never offered is named, not guessed', () => {
    expect(readMenteeReply('CHOOSE F', OFFERED)).toEqual({ kind: 'unknown_letters', letters: ['F'] });
    expect(readMenteeReply('1 B 2 G', OFFERED)).toEqual({ kind: 'unknown_letters', letters: ['G'] });
  });

  test.each([
    "I'd like a mentor in cardiology",
    'I choose a mentor who knows about research',
    'Plan B is to wait',
    'Thanks, I will think about it and come back to you.',
    'Can we talk on the phone first?',
    'I am not sure: B or C?',
    '1 2 B',
    'B 1 A 2 C',
    '1 B 1 A',
    'Is there anyone in London',
    'No more emails please',
    '',
  ])('%j is not an answer', (text) => {
    expect(readMenteeReply(text, OFFERED).kind).toBe('unclear');
  });

  test('only the top of the reply counts: an answer after a long preamble is not guessed', () => {
    expect(readMenteeReply('Thanks for these.\nThey all look good.\nI have been thinking.\nIt is hard.\nCHOOSE B', OFFERED).kind).toBe(
      'unclear',
    );
  });

  test('a reply header, a signature or our greeting ends the reading', () => {
    expect(answerLines('B\nOn Mon, 4 Jan 2027 at 10:00, E-mentoring wrote:\nCHOOSE A')).toEqual(['B']);
    expect(answerLines('Thanks\nFrom: E-mentoring\nSent: Monday\nCHOOSE A')).toEqual(['Thanks']);
    expect(answerLines('Thanks\n\nDear Priya,\n\nCHOOSE A')).toEqual(['Thanks']);
    expect(answerLines('Thanks\nSent from my iPhone\nB')).toEqual(['Thanks']);
  });
});

const candidates = [
  {
    letter: 'A',
    specialty: 'cardiology',
    band: 'Higher specialty training',
    region: 'North West',
    shared: ['research'],
    bio: 'A. B. C. I choose to teach.',
    reasons: ['Same specialty (cardiology)', 'Shared interest: research'],
  },
  {
    letter: 'B',
    specialty: 'general surgery',
    band: 'Consultant, GP or SAS doctor',
    region: 'London',
    shared: [],
    bio: 'B',
    reasons: ['Further on in training'],
  },
  {
    letter: 'C',
    specialty: 'psychiatry',
    band: 'Core training',
    region: 'Wales',
    shared: [],
    bio: 'NONE',
    reasons: ['A good general fit'],
  },
];

describe('our own emails are never read as an answer', () => {
  const shortlist = renderEmail('match_shortlist', {
    trainee: 'Dr Priya Patel',
    first: true,
    count: 3,
    candidates,
    note: null,
    example: 'B',
    second: 'A',
  }).text;
  const more = renderEmail('match_shortlist', {
    trainee: 'Dr Priya Patel',
    first: false,
    count: 3,
    candidates,
    note: 'Candidate B is not able to take on a new trainee just now; this is no reflection on you. Here are other e-mentors to choose from.',
    example: 'B',
    second: 'A',
  }).text;
  const request = renderEmail('match_request', {
    mentor: 'Dr Jane Smith',
    reminder: true,
    chosen: true,
    trainee: candidates[0],
    reasons: ['Same specialty'],
    deadline: 'Monday 11 January 2027',
    startDate: 'Monday 1 February 2027',
    taken: 0,
    capacity: 2,
  }).text;
  const proposal = renderEmail('match_proposal', {
    id: 3,
    placed: 1,
    total: 1,
    totalPoints: 7,
    rows: [{ trainee: 'Dr Priya Patel', mentor: 'Dr Jane Smith', points: 7, rank: 1, reasons: 'same specialty', why: null }],
    file: 'proposals.csv',
  }).text;
  const unclear = renderEmail('match_unclear', { name: 'Dr Jane Smith', forMentor: true, offered: [] }).text;
  const unclearTrainee = renderEmail('match_unclear', {
    name: 'Priya',
    forTrainee: true,
    offered: OFFERED,
    example: 'B',
    second: 'A',
  }).text;

  test.each([
    ['the short list', shortlist],
    ['a second short list with a note', more],
    ['the request, as a reminder', request],
    ['the proposal', proposal],
    ['a note to an e-mentor', unclear],
    ['a note to a trainee', unclearTrainee],
  ])('%s, alone (an unmarked original under an empty reply)', (_name, text) => {
    expect(readMenteeReply(text, OFFERED).kind).toBe('unclear');
    expect(readMentorDecision(text)).toBeNull();
    expect(readApproval(text)).toBe(false);
  });

  test('the short list under a reply that only says thanks, unmarked (no reply header)', () => {
    expect(readMenteeReply(`Thanks, I will look at these tonight.\n\n${shortlist}`, OFFERED).kind).toBe('unclear');
  });

  test('the answer above the short list is read, the list itself is not', () => {
    expect(readMenteeReply(`1 C 2 A\n\n${shortlist}`, OFFERED)).toEqual({ kind: 'choose', letters: ['C', 'A'] });
    expect(readMentorDecision(`Decline, sorry\n\n${request}`)).toBe('decline');
  });
});

describe('an e-mentor answering a request', () => {
  test.each([
    'ACCEPT',
    'Accept',
    'accept.',
    'I accept',
    'Accepted!',
    'Yes',
    'Yes, happy to',
    'Yes please',
    "I'd be happy to accept",
    'Happy to accept - looking forward to it',
    'Hi,\n\nI accept.\n\nBest wishes,\nJane',
    'Gladly accept',
  ])('%j is ACCEPT', (text) => expect(readMentorDecision(text)).toBe('accept'));

  test.each([
    'DECLINE',
    'Decline',
    'I must decline',
    "I'm afraid I have to decline",
    'Sorry, decline this time',
    'No',
    'No, sorry',
    'Unfortunately I need to decline',
    'Declined',
  ])('%j is DECLINE', (text) => expect(readMentorDecision(text)).toBe('decline'));

  test.each([
    'I cannot accept',
    "I don't accept",
    'Accept or decline? I am not sure',
    'Can you tell me more about them first?',
    'Happy to help',
    'No problem',
    'Maybe next month',
    'If you accept my apologies, I would rather wait',
    '',
  ])('%j is neither', (text) => expect(readMentorDecision(text)).toBeNull());
});

describe('the coordinator approving', () => {
  test.each(['APPROVE', 'Approve', 'Approved, thanks', 'Yes, approve', 'Looks good, approve', 'OK approve'])('%j approves', (text) =>
    expect(readApproval(text)).toBe(true),
  );
  test.each(['Yes', 'Do not approve', "Don't approve yet", 'Can we change row 3?', 'Looks good'])('%j does not', (text) =>
    expect(readApproval(text)).toBe(false),
  );
});
