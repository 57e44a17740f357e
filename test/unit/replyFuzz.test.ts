/**
 * Hostile and broken mail never makes the parser throw, and what it returns is a well-formed
 * analysis. How fast it parses is measured by `npm run bench` (the parse case), not here: a test
 * that times itself fails on a loaded machine for no defect. Random inputs come from a seeded
 * PRNG: a failure names its seed and case, and FUZZ_SEED=<seed> reproduces it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { analyseReply, toJson } from '../../src/reading';

const SEED = Number(process.env.FUZZ_SEED ?? 20270302);
// jest's default of 5 s per test is a time limit too: on a loaded machine a loop of 30 parses can pass it.
jest.setTimeout(300_000);
const questionnaire = loadQuestionnaire();
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'replies');

/** mulberry32: small, fast, good enough to make reproducible garbage. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEAD =
  'From: Priya Patel <priya@example.org>\nTo: bot+abc@example.org\nSubject: Re: E-mentoring questionnaire, round 3\nDate: Tue, 2 Mar 2027 10:00:00 +0000\nMessage-ID: <fuzz@example.org>\n';

async function parseChecked(label: string, raw: Buffer): Promise<void> {
  let analysis;
  try {
    analysis = await analyseReply(raw, questionnaire);
  } catch (err) {
    throw new Error(`${label} (seed ${SEED}) threw: ${(err as Error).message}`, { cause: err });
  }
  // The printable form must serialise too (no cycles, no BigInt, no undefined surprises).
  JSON.stringify(toJson(analysis));
  expect(['reply', 'auto_reply', 'bounce']).toContain(analysis.kind);
  expect(typeof analysis.reply_text).toBe('string');
}

function nested(levels: number, inner: string): string {
  let body = inner;
  for (let i = levels - 1; i >= 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}\n--b${i}--\n`;
  return `${HEAD}MIME-Version: 1.0\n${body}`;
}

const ADVERSARIAL: [string, () => string | Buffer][] = [
  ['empty message', () => ''],
  ['headers without body', () => HEAD],
  ['headers and a blank line only', () => `${HEAD}\n`],
  ['body without headers', () => '\n\nSkills: suturing\n'],
  ['one 5 MB line', () => `${HEAD}\n${'a'.repeat(5_000_000)}`],
  ['a 2 MB header', () => `Subject: ${'x'.repeat(2_000_000)}\n\nhello`],
  ['200 000 header lines', () => 'X-A: b\n'.repeat(200_000) + '\nhello'],
  ['5000 levels of > on one line', () => `${HEAD}\n${'>'.repeat(5000)} Skills: suturing\n`],
  [
    '2000 lines, each quoted one level deeper',
    () => `${HEAD}\n${Array.from({ length: 2000 }, (_, i) => `${'> '.repeat(i)}Skills`).join('\n')}`,
  ],
  ['200 levels of multipart', () => nested(200, 'Content-Type: text/plain\n\nSkills: suturing')],
  ['5000 levels of multipart', () => nested(5000, 'Content-Type: text/plain\n\nSkills: suturing')],
  ['200 nested message/rfc822', () => `${HEAD}${'Content-Type: message/rfc822\n\n'.repeat(200)}Content-Type: text/plain\n\nhi\n`],
  [
    '5000 nested blockquotes',
    () => `${HEAD}Content-Type: text/html\n\n${'<blockquote>'.repeat(5000)}Skills: x${'</blockquote>'.repeat(5000)}`,
  ],
  ['50 000 nested divs, unclosed', () => `${HEAD}Content-Type: text/html\n\n${'<div>'.repeat(50_000)}text`],
  ['100 000 <br>', () => `${HEAD}Content-Type: text/html\n\n${'Skills<br>'.repeat(100_000)}`],
  ['4000 reply headers', () => `${HEAD}\n${'On Tue, 2 Mar 2027 at 09:14, Bot <b@x.org> wrote:\n'.repeat(4000)}`],
  ['4000 Outlook From blocks', () => `${HEAD}\n${'From: a\nSent: b\nTo: c\nSubject: d\n'.repeat(4000)}`],
  ['lines of colons and dashes', () => `${HEAD}\n${`${'Skills: - : – '.repeat(300)}\n`.repeat(500)}`],
  ['every line a heading', () => `${HEAD}\n${'1. Skills acquisition: a\n8. Positives\n- x\n'.repeat(3000)}`],
  ['every line a sign-off', () => `${HEAD}\n${'Thanks,\nPriya\n'.repeat(4000)}`],
  ['long digit runs', () => `${HEAD}\n${`${'1 '.repeat(2000)}\n`.repeat(200)}`],
  ['quoted-printable soft breaks only', () => `${HEAD}Content-Transfer-Encoding: quoted-printable\n\n${'=\n'.repeat(200_000)}`],
  ['broken base64', () => `${HEAD}Content-Transfer-Encoding: base64\n\n${'!!!!@@@@'.repeat(100_000)}`],
  ['unknown charset', () => `${HEAD}Content-Type: text/plain; charset=x-no-such-charset\n\nSkills: caf\u00e9`],
  [
    '1000 attachments',
    () => {
      const parts = Array.from(
        { length: 1000 },
        (_, i) => `--z\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename="f${i}.bin"\n\nAAAA\n`,
      ).join('');
      return `${HEAD}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="z"\n\n--z\nContent-Type: text/plain\n\nhi\n${parts}--z--\n`;
    },
  ],
  [
    'DSN with 5000 recipients',
    () =>
      `${HEAD}MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="r"\n\n--r\nContent-Type: message/delivery-status\n\n${'Final-Recipient: rfc822; a@b.c\nStatus: 5.1.1\n\n'.repeat(5000)}--r--\n`,
  ],
  ['out-of-office with 10 000 "back on"', () => `Auto-Submitted: auto-replied\n${HEAD}\n${'back on the back on '.repeat(10_000)}`],
  ['NUL bytes and control characters', () => Buffer.from(`${HEAD}\n\u0000\u0001\u0002Skills\u0000: x\r\r\r\n`, 'latin1')],
];

describe('adversarial messages', () => {
  test.each(ADVERSARIAL)('%s', async (label, make) => {
    const raw = make();
    await parseChecked(label, Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'));
  });
});

describe(`random input (seed ${SEED})`, () => {
  const random = prng(SEED);
  const fixtures = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.eml'))
    .sort();

  test('binary garbage', async () => {
    for (let i = 0; i < 30; i++) {
      const size = Math.floor(random() * 200_000);
      const bytes = Buffer.alloc(size);
      for (let j = 0; j < size; j++) bytes[j] = Math.floor(random() * 256);
      await parseChecked(`garbage #${i} (${size} bytes)`, bytes);
    }
  });

  test('garbage after real headers', async () => {
    for (let i = 0; i < 30; i++) {
      const size = Math.floor(random() * 100_000);
      const bytes = Buffer.alloc(size);
      for (let j = 0; j < size; j++) bytes[j] = Math.floor(random() * 256);
      await parseChecked(`headers + garbage #${i}`, Buffer.concat([Buffer.from(`${HEAD}\n`), bytes]));
    }
  });

  test('every fixture truncated at random points', async () => {
    for (const name of fixtures) {
      const raw = fs.readFileSync(path.join(FIXTURES, name));
      for (let i = 0; i < 4; i++) await parseChecked(`${name} cut at try ${i}`, raw.subarray(0, Math.floor(random() * raw.length)));
    }
  });

  test('every fixture with random bytes flipped', async () => {
    for (const name of fixtures) {
      const raw = Buffer.from(fs.readFileSync(path.join(FIXTURES, name)));
      for (let k = 0; k < 20; k++) raw[Math.floor(random() * raw.length)] = Math.floor(random() * 256);
      await parseChecked(`${name} with flipped bytes`, raw);
    }
  });

  test('fixture lines shuffled and repeated', async () => {
    for (const name of fixtures.slice(0, 20)) {
      const lines = fs.readFileSync(path.join(FIXTURES, name), 'latin1').split('\n');
      const shuffled = Array.from({ length: lines.length * 3 }, () => lines[Math.floor(random() * lines.length)]);
      await parseChecked(`${name} shuffled`, Buffer.from(shuffled.join('\n'), 'latin1'));
    }
  });
});
