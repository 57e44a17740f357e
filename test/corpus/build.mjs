/**
 * Builds the reading corpus: test/fixtures/corpus/<case>.eml and <case>.json (the expected
 * result). Run `node test/corpus/build.mjs` after editing a case; the output is committed.
 *
 * A case names a client (clients.mjs), the person writing, what they typed (`reply`), their
 * signature block, and the message they reply to (`original`). The expected result is written
 * from the case, never from the parser: by default the exact reply_text is what the person
 * typed (sign-off included, signature block, mobile footer and quoted history excluded).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENTS, seeded } from './clients.mjs';
import conversation from './cases/conversation.mjs';
import languages from './cases/languages.mjs';
import posting from './cases/posting.mjs';
import forwards from './cases/forwards.mjs';
import signatures from './cases/signatures.mjs';
import fragments from './cases/fragments.mjs';
import kinds from './cases/kinds.mjs';
import questionnaire from './cases/questionnaire.mjs';
import blind from './cases/blind.mjs';
import blindQuestionnaire from './cases/blindQuestionnaire.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, '..', 'fixtures', 'corpus');

/** What the reader's joinLines does: trailing spaces and runs of blank lines go. */
export function tidy(text) {
  const out = [];
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else out.push(line.replace(/\s+$/, ''));
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

const CATEGORY_OF = new Map();
const all = [
  ...conversation.map((c) => ({ category: 'conversation', ...c })),
  ...languages.map((c) => ({ category: 'language', ...c })),
  ...posting.map((c) => ({ category: 'posting', ...c })),
  ...forwards.map((c) => ({ category: 'forward', ...c })),
  ...signatures.map((c) => ({ category: 'signature', ...c })),
  ...fragments.map((c) => ({ category: 'fragment', ...c })),
  ...kinds.map((c) => ({ category: 'kind', ...c })),
  ...questionnaire.map((c) => ({ category: 'questionnaire', ...c })),
  ...blind.map((c) => ({ category: 'second batch', ...c })),
  ...blindQuestionnaire.map((c) => ({ category: 'second batch questionnaire', ...c })),
];

fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (/\.(eml|json)$/.test(f)) fs.unlinkSync(path.join(OUT, f));

const seen = new Set();
for (const spec of all) {
  if (seen.has(spec.name)) throw new Error(`duplicate case ${spec.name}`);
  seen.add(spec.name);
  if (!/^[a-z0-9_]+$/.test(spec.name)) throw new Error(`case name ${spec.name}: lower_snake_case only`);
  const render = CLIENTS[spec.client];
  if (!render) throw new Error(`${spec.name}: no client ${spec.client}`);
  const rand = seeded(spec.name);
  const token = rand(26).replace(/[^a-z2-7]/g, (x) => 'abcdefghijklmnop'[parseInt(x, 16)]);
  const c = {
    lang: 'en',
    to: `mentoring+${token}@deanery.example.org`,
    date: { y: 2027, m: 3, d: 3, wd: 3, h: 19, min: 42 },
    zone: '+0000',
    posting: 'top',
    ...spec,
    rand,
  };
  const raw = render(c);
  let expect = spec.expect;
  if (!expect) {
    if (c.posting === 'inline') throw new Error(`${spec.name}: inline cases spell out their expected text`);
    expect = { kind: 'reply', reply_text: tidy(c.reply) };
  } else if (expect.reply_text === undefined && expect.kind === undefined) {
    expect = { kind: 'reply', reply_text: tidy(c.reply), ...expect };
  }
  CATEGORY_OF.set(spec.name, spec.category);
  const golden = { category: spec.category, client: spec.client, ...(spec.lang && spec.lang !== 'en' ? { lang: spec.lang } : {}), expect };
  if (spec.note) golden.note = spec.note;
  fs.writeFileSync(path.join(OUT, `${spec.name}.eml`), raw);
  fs.writeFileSync(path.join(OUT, `${spec.name}.json`), `${JSON.stringify(golden, null, 2)}\n`);
}
console.log(`${all.length} cases written to ${path.relative(process.cwd(), OUT)}`);
