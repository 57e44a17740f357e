/**
 * Matching replies as real mail clients send them (test/fixtures/matching/<case>.eml), read
 * by the whole pipeline: src/reading finds the new text, src/matching/replies reads it. Each
 * <case>.json says which reader applies and what it must find. Gmail (web and Android),
 * Outlook (desktop HTML, iOS), Apple Mail, iPhone and a phone client that appends the original
 * unmarked; the quoted short list, request or proposal below must never be read as an answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { analyseReply } from '../../src/reading';
import { readApproval, readMenteeReply, readMentorDecision } from '../../src/matching/replies';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'matching');
const cases = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.eml'))
  .map((f) => f.slice(0, -'.eml'.length))
  .sort();

type Golden =
  | { reader: 'mentee'; offered: string[]; expected: unknown }
  | { reader: 'mentor'; expected: 'accept' | 'decline' | null }
  | { reader: 'approval'; expected: boolean };

test('there is a fixture for every answer from every kind of client', () => {
  expect(cases.length).toBeGreaterThanOrEqual(20);
  for (const client of ['gmail', 'android', 'outlook_desktop', 'outlook_ios', 'apple_mail', 'iphone', 'phone_unmarked'])
    expect(cases.some((c) => c.startsWith(client))).toBe(true);
  const goldens = cases.map((c) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${c}.json`), 'utf8')) as Golden);
  const menteeKinds = new Set(goldens.flatMap((g) => (g.reader === 'mentee' ? [(g.expected as { kind: string }).kind] : [])));
  expect([...menteeKinds].sort()).toEqual(['choose', 'more', 'none', 'unclear']);
  expect(goldens.some((g) => g.reader === 'mentee' && ((g.expected as { letters?: string[] }).letters?.length ?? 0) > 1)).toBe(true);
  const decisions = new Set(goldens.flatMap((g) => (g.reader === 'mentor' ? [g.expected] : [])));
  expect(decisions).toEqual(new Set(['accept', 'decline', null]));
});

describe('matching reply fixtures', () => {
  test.each(cases)('%s', async (name) => {
    const golden = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Golden;
    const analysis = await analyseReply(fs.readFileSync(path.join(FIXTURES, `${name}.eml`)), loadQuestionnaire());
    expect(analysis.kind).toBe('reply');
    if (golden.reader === 'mentee') expect(readMenteeReply(analysis.reply_text, golden.offered)).toEqual(golden.expected);
    else if (golden.reader === 'mentor') expect(readMentorDecision(analysis.reply_text)).toBe(golden.expected);
    else expect(readApproval(analysis.reply_text)).toBe(golden.expected);
  });
});
