/**
 * The reading corpus (test/fixtures/corpus, built by test/corpus/build.mjs): every <case>.eml is
 * read and compared with the `expect` of <case>.json — the exact reply_text for conversation,
 * the kind for auto-replies, lists and bounces, the answers for questionnaire replies. A case
 * the reader still gets wrong carries `known_failure` (why) and runs as test.failing, so it is
 * seen the day it passes. A second test prints the share read exactly right, by category, and
 * holds it at 95% or more; a third checks that reply_text never loses the sender's words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadOurWording } from '../../src/mail/ourWording';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { analyseReply, toJson, type ReplyJson } from '../../src/reading';
import { bodyText } from '../../src/reading/1-message/htmlToText';
import { readMessage } from '../../src/reading/1-message/readMessage';
import { replyHeaderAt } from '../../src/reading/3-new-text/replyHeaders';
import { splitQuote, toLines } from '../../src/reading/text/lines';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const REPLIES = path.join(__dirname, '..', 'fixtures', 'replies');
const MIN_SHARE = 0.95;
/** The aggregate tests read every message (about 370); a generous per-test timeout, not a speed check. */
const WHOLE_CORPUS_TIMEOUT_MS = 300_000;

interface Golden {
  category: string;
  client: string;
  lang?: string;
  expect: Record<string, unknown>;
  known_failure?: string;
}

const questionnaire = loadQuestionnaire();
const ourWording = loadOurWording();

const cases = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.eml'))
  .map((f) => f.slice(0, -'.eml'.length))
  .sort();

function golden(name: string): Golden {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, `${name}.json`), 'utf8')) as Golden;
}

async function read(raw: Buffer): Promise<ReplyJson> {
  return toJson(await analyseReply(raw, questionnaire, { ourWording }));
}

/** Each file read once, whichever test asks first. */
const analyses = new Map<string, Promise<ReplyJson>>();
function readFile(file: string): Promise<ReplyJson> {
  let analysis = analyses.get(file);
  if (!analysis) {
    analysis = read(fs.readFileSync(file));
    analyses.set(file, analysis);
  }
  return analysis;
}

function differences(expected: Record<string, unknown>, actual: ReplyJson): string[] {
  const all = actual as unknown as Record<string, unknown>;
  return Object.keys(expected).filter((key) => JSON.stringify(all[key] ?? null) !== JSON.stringify(expected[key]));
}

test('the corpus has at least 200 cases, each with its expected result', () => {
  expect(cases.length).toBeGreaterThanOrEqual(200);
  for (const name of cases) expect(fs.existsSync(path.join(CORPUS, `${name}.json`))).toBe(true);
});

describe('reading corpus', () => {
  for (const name of cases) {
    const g = golden(name);
    const run = g.known_failure ? test.failing : test;
    run(name, async () => {
      const actual = await readFile(path.join(CORPUS, `${name}.eml`));
      const expected = g.expect;
      const all = actual as unknown as Record<string, unknown>;
      expect(Object.fromEntries(Object.keys(expected).map((k) => [k, all[k] ?? null]))).toEqual(expected);
    });
  }
});

test(
  `at least ${MIN_SHARE * 100}% of the corpus is read exactly right`,
  async () => {
    const byCategory = new Map<string, { right: number; total: number }>();
    let right = 0;
    for (const name of cases) {
      const g = golden(name);
      const ok = differences(g.expect, await readFile(path.join(CORPUS, `${name}.eml`))).length === 0;
      const tally = byCategory.get(g.category) ?? { right: 0, total: 0 };
      tally.total++;
      if (ok) {
        tally.right++;
        right++;
      }
      byCategory.set(g.category, tally);
    }
    const share = right / cases.length;
    const lines = [...byCategory].map(([category, t]) => `  ${category}: ${t.right}/${t.total}`);
    process.stdout.write(`reading corpus: ${right}/${cases.length} exactly right (${(share * 100).toFixed(1)}%)\n${lines.join('\n')}\n`);
    expect(share).toBeGreaterThanOrEqual(MIN_SHARE);
  },
  WHOLE_CORPUS_TIMEOUT_MS,
);

describe("reply_text never loses the sender's own words", () => {
  test(
    'a case whose expected text is not empty never reads as empty',
    async () => {
      for (const name of cases) {
        const expected = golden(name).expect.reply_text;
        if (typeof expected !== 'string' || expected === '') continue;
        const actual = await readFile(path.join(CORPUS, `${name}.eml`));
        expect({ name, empty: actual.reply_text === '' }).toEqual({ name, empty: false });
      }
    },
    WHOLE_CORPUS_TIMEOUT_MS,
  );

  /** A text/plain reply of the given body, as a plain mail client would send it. */
  const plainMail = (body: string): Buffer =>
    Buffer.from(
      [
        'From: Priya Patel <priya.patel@nhs.example.net>',
        'To: mentoring+abc@deanery.example.org',
        'Subject: Re: Round 3: a message from Jane Smith',
        'Date: Wed, 3 Mar 2027 19:42:07 +0000',
        'Message-ID: <words@example.net>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
      ].join('\r\n'),
    );

  // A sentence no rule could take for a header, a signature or a quote.
  const WORDS = 'The quartz zebra finished 42 crossings before lunch.';

  test.each(['gmail_web_mentor_feedback_toppost', 'apple_mail_trainee_reply', 'thunderbird_bottom_posted_reply', 'mutt_inline_answers'])(
    'a sentence typed above or below the quote of %s is kept',
    async (name) => {
      const original = (await analyseReply(fs.readFileSync(path.join(CORPUS, `${name}.eml`)), questionnaire, { ourWording })).reply_text;
      const quoted = `On Tue, 2 Mar 2027 at 09:14, Jane Smith <jane@example.org> wrote:\n${original
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}`;
      expect((await read(plainMail(`${WORDS}\n\n${quoted}\n`))).reply_text).toBe(WORDS);
      expect((await read(plainMail(`${quoted}\n\n${WORDS}\n`))).reply_text).toBe(WORDS);
    },
  );

  test(
    'every reply fixture with unquoted words keeps some in reply_text',
    async () => {
      let checked = 0;
      for (const dir of [CORPUS, REPLIES]) {
        for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
          const raw = fs.readFileSync(path.join(dir, file));
          const actual = await readFile(path.join(dir, file));
          const body = bodyText(await readMessage(raw));
          // Words outside quotes and outside the "On … wrote:" line above them.
          const lines = toLines(body);
          let unquoted = false;
          for (let i = 0; i < lines.length && !unquoted; i++) {
            const header = splitQuote(lines[i]).depth === 0 ? replyHeaderAt(lines, i) : null;
            if (header) {
              unquoted = /[\p{L}\p{N}]/u.test(header.before);
              i += header.span - 1;
            } else unquoted = splitQuote(lines[i]).depth === 0 && /[\p{L}\p{N}]/u.test(lines[i]);
          }
          if (actual.kind !== 'reply' || !unquoted) continue;
          checked++;
          expect({ file, empty: actual.reply_text.trim() === '' }).toEqual({ file, empty: false });
        }
      }
      expect(checked).toBeGreaterThan(300);
    },
    WHOLE_CORPUS_TIMEOUT_MS,
  );
});
