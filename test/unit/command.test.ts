import { detectCommand } from '../../src/reading/4-command/command';
import { findPauseEnd } from '../../src/reading/4-command/pauseEnd';
import { FULL_ANSWERS } from '../support/world';

const MARCH = new Date('2027-03-02T10:00:00Z');
const command = (text: string, subject = 'Re: E-mentoring questionnaire, round 3', at: Date | null = MARCH) =>
  detectCommand(text, subject, at);

describe('commands on the first line of the new text', () => {
  test.each([
    ['STOP', 'STOP'],
    ['stop', 'STOP'],
    ['Stop.', 'STOP'],
    ['STOP!!', 'STOP'],
    ['**STOP**', 'STOP'],
    ['  Pause!  ', 'PAUSE'],
    ['pause', 'PAUSE'],
    ['RESUME', 'RESUME'],
    ['Resume.', 'RESUME'],
    ['STOP\n\nI have left the programme.', 'STOP'],
    ['\n\n\nPAUSE\nThanks', 'PAUSE'],
    ['Hi Jane,\n\nSTOP', 'STOP'],
  ])('%p → %p', (text, expected) => {
    expect(command(text)).toEqual({ command: expected, pause_until: null, possible: null });
  });

  test.each([
    "Stop me if I'm wrong, but the round is in May?",
    'Pause for thought: it was a hard block.',
    'Stopped by to say thanks.',
    'Resume attached for the fellowship.',
    "I don't want to stop: this helps.",
  ])('%p is not a command, nor a possible one', (text) => {
    expect(command(text)).toEqual({ command: null, pause_until: null, possible: null });
  });
});

describe('the words of the issue (9.11)', () => {
  test.each(['stop please', 'Unsubscribe', 'Please remove me from this scheme'])('%p is STOP, acted on', (text) => {
    expect(command(text)).toEqual({ command: 'STOP', pause_until: null, possible: null });
  });

  test('"Pause until March" is a pause until 1 March, not an open-ended one', () => {
    expect(command('Pause until March', 'Re: x', new Date('2027-01-10T10:00:00Z'))).toEqual({
      command: 'PAUSE',
      pause_until: '2027-03-01',
      possible: null,
    });
  });

  test('relative dates resolve to a concrete date after the message', () => {
    const feb5 = new Date('2027-02-05T10:00:00Z');
    expect(command('pause for two weeks', 'Re: x', feb5).pause_until).toBe('2027-02-19');
    expect(command('Please pause until after my exams on 3 May', 'Re: x', feb5).pause_until).toBe('2027-05-04');
  });

  test('"I might need to pause" is not acted on but offered back', () => {
    expect(command('I might need to pause')).toEqual({
      command: null,
      pause_until: null,
      possible: { command: 'PAUSE', pause_until: null, doubt: 'hedged' },
    });
  });

  test('a long message that mentions stopping is asked about, not acted on', () => {
    const long = `${FULL_ANSWERS.replace('Best wishes,', 'I think I will have to withdraw from the scheme after this round.\n\nBest wishes,')}`;
    expect(command(long)).toEqual({ command: null, pause_until: null, possible: { command: 'STOP', pause_until: null, doubt: 'hedged' } });
  });

  test('a full set of answers is no command at all', () => {
    expect(command(FULL_ANSWERS)).toEqual({ command: null, pause_until: null, possible: null });
  });
});

describe('PAUSE until a date', () => {
  test.each([
    ['PAUSE until 2027-03-01', '2027-03-01'],
    ['PAUSE until 2027-06-01.', '2027-06-01'],
    ['Pause until 1 March 2027', '2027-03-01'],
    ['pause until 1st June 2027!', '2027-06-01'],
    ['PAUSE until 1/3/2027', '2027-03-01'],
    ['PAUSE until 01/06/2027', '2027-06-01'],
    ['PAUSE till Monday 7 June 2027', '2027-06-07'],
    ['PAUSE until June 7, 2027', '2027-06-07'],
  ])('%p → %p', (text, date) => {
    expect(command(text)).toEqual({ command: 'PAUSE', pause_until: date, possible: null });
  });

  test('a date without a year is the next such day after the message', () => {
    expect(command('PAUSE until 1 June').pause_until).toBe('2027-06-01');
  });

  test('a date without a year that would be nearly a year away is asked about, not guessed', () => {
    expect(command('PAUSE until 1 February')).toEqual({
      command: null,
      pause_until: null,
      possible: { command: 'PAUSE', pause_until: '2028-02-01', doubt: 'date_unclear' },
    });
  });

  test('a past date is read as written: the worker refuses it, saying so', () => {
    expect(command('PAUSE until 2026-01-01')).toEqual({ command: 'PAUSE', pause_until: '2026-01-01', possible: null });
  });

  test('an impossible or unreadable date is not guessed: asked about', () => {
    expect(command('PAUSE until 31/02/2027')).toEqual({
      command: null,
      pause_until: null,
      possible: { command: 'PAUSE', pause_until: null, doubt: 'date_unclear' },
    });
    expect(command('PAUSE until after my exams').possible).toEqual({ command: 'PAUSE', pause_until: null, doubt: 'date_unclear' });
  });

  test('without a Date header, relative dates cannot be placed and are asked about', () => {
    expect(command('pause for two weeks', 'Re: x', null)).toEqual({
      command: null,
      pause_until: null,
      possible: { command: 'PAUSE', pause_until: null, doubt: 'date_unclear' },
    });
  });
});

describe('the subject as the command', () => {
  test('List-Unsubscribe mail: subject STOP, empty body', () => {
    expect(command('', 'STOP')).toEqual({ command: 'STOP', pause_until: null, possible: null });
  });
  test('subject STOP with a generated body still counts', () => {
    expect(command('This message was automatically generated by Gmail.', 'STOP').command).toBe('STOP');
  });
  test('a reply whose subject is "Re: STOP" counts only with no body text', () => {
    expect(command('', 'Re: STOP').command).toBe('STOP');
    expect(command('Sorry, ignore my last message, I want to carry on.', 'Re: STOP').command).toBeNull();
  });
  test('the body wins over the subject', () => {
    expect(command('RESUME', 'STOP').command).toBe('RESUME');
  });
  test('an ordinary subject is no command', () => {
    expect(command('', 'Re: E-mentoring questionnaire, round 3')).toEqual({ command: null, pause_until: null, possible: null });
  });
});

describe('when a pause ends', () => {
  const feb5 = new Date('2027-02-05T10:00:00Z'); // a Friday
  test.each([
    ['until 3 May', '2027-05-03', true],
    ['until March', '2027-03-01', true],
    ['until the end of March', '2027-04-01', true],
    ['until mid-April', '2027-04-15', true],
    ['until next week', '2027-02-08', true],
    ['until monday', '2027-02-08', true],
    ['until next month', '2027-03-01', true],
    ['for two weeks', '2027-02-19', true],
    ['for a fortnight', '2027-02-19', true],
    ['for 2 months', '2027-04-05', true],
    ['until after my exams on 3 may', '2027-05-04', true],
    ['until after may', '2027-06-01', true],
    ['until after my exams in may', '2027-06-01', false],
    ['for a few weeks', '2027-02-26', false],
    ['until february', '2028-02-01', false],
    ['until 2 february', '2028-02-02', false],
    ['until 2 february 2028', '2028-02-02', true],
    ['until 1 january 2026', '2026-01-01', true],
  ])('%p → %p (sure: %p)', (text, date, sure) => {
    expect(findPauseEnd(text, feb5)).toEqual({ date, sure });
  });
  test('words that promise an end but name none', () => {
    expect(findPauseEnd('until after my exams', feb5)).toEqual({ date: null, sure: false });
  });
  test('no end named at all', () => {
    expect(findPauseEnd('because of exams', feb5)).toBeNull();
  });
});
