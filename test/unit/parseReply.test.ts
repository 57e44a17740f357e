/**
 * `mentormail parse-reply FILE` (issue 9, item 7): a file that is not an email (empty, binary,
 * no headers) is refused with one line naming the file and why, and a non-zero exit, instead
 * of being shown as kind "reply". A real reply prints its analysis, trim_uncertain included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-parse-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function parseReply(file: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ['node', 'mentormail', 'parse-reply', file],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

test.each([
  ['an empty file', Buffer.alloc(0), 'it is empty'],
  ['a file of blank lines', Buffer.from('\n\n  \r\n'), 'it is empty'],
  ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'), 'it is binary data, not text'],
  ['random bytes with NULs', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)), 'it is binary data, not text'],
  ['plain text that is not mail', Buffer.from('Secret answer: I passed the exam\nsecond line\n'), 'it does not start with mail headers'],
])('%s is refused with a clear line and exit code 1', async (_label, bytes, why) => {
  const file = path.join(dir, 'reply.eml');
  fs.writeFileSync(file, bytes);
  const { code, out, err } = await parseReply(file);
  expect(code).toBe(1);
  expect(out).toEqual([]);
  expect(err).toEqual([`mentormail: ${file}: cannot read it as an email (${why})`]);
  // The refusal names the file, never what is in it.
  expect(err.join('\n')).not.toContain('Secret answer');
});

test('a missing file is named', async () => {
  const { code, err } = await parseReply(path.join(dir, 'nope.eml'));
  expect(code).toBe(1);
  expect(err[0]).toMatch(/nope\.eml: no such file/);
});

test('a real reply prints its analysis with trim_uncertain', async () => {
  const { code, out } = await parseReply(path.join(FIXTURES, 'corpus', 'attribution_then_unquoted_reply.eml'));
  expect(code).toBe(0);
  const json = JSON.parse(out.join('\n'));
  expect(json.kind).toBe('reply');
  expect(json.reply_text).toBe('Thanks Richard, the mock viva is booked for 30 April.\n\nTom');
  expect(json.trim_uncertain).toBe(true);
});

test('a reply read with certainty says trim_uncertain: false', async () => {
  const { code, out } = await parseReply(path.join(FIXTURES, 'corpus', 'gmail_web_mentor_feedback_toppost.eml'));
  expect(code).toBe(0);
  expect(JSON.parse(out.join('\n')).trim_uncertain).toBe(false);
});
