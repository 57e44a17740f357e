/**
 * src/reading/ is the pure "what does this email say" pipeline: checked here by reading the
 * import lines of every file in it. It never imports from inbox/, mail/, db/ or jobs/ (those
 * act on what it reads), never does I/O itself (the caller reads files and passes them in),
 * and its numbered stages read in order: a stage imports only earlier stages and text/.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');
const READING = path.join(SRC, 'reading');
const FORBIDDEN_FOLDERS = ['inbox', 'mail', 'db', 'jobs'];
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'dgram', 'tls', 'readline'];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, dynamic or require). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** The numbered stage a file under src/reading belongs to (1 … 5), 0 for text/ and the index. */
function stageOf(file: string): number {
  const first = path.relative(READING, file).split(path.sep)[0];
  const m = /^(\d+)-/.exec(first);
  return m ? Number(m[1]) : 0;
}

const files = filesUnder(READING);

test('src/reading has its stages as numbered folders', () => {
  const folders = fs
    .readdirSync(READING, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(folders).toEqual(['1-message', '2-kind', '3-new-text', '4-command', '5-answers', 'text']);
  expect(files.length).toBeGreaterThan(10);
});

describe.each(files.map((f) => [path.relative(SRC, f), f]))('%s', (_name, file) => {
  const imports = specifiers(fs.readFileSync(file, 'utf8'));

  test('imports nothing from inbox/, mail/, db/ or jobs/', () => {
    const resolved = imports.filter((s) => s.startsWith('.')).map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
    const forbidden = resolved.filter((r) => FORBIDDEN_FOLDERS.includes(r.split(path.sep)[0]));
    expect(forbidden).toEqual([]);
  });

  test('does no I/O of its own', () => {
    expect(imports.filter((s) => IO_MODULES.includes(s.replace(/^node:/, '')))).toEqual([]);
  });

  test('imports no later stage', () => {
    const own = stageOf(file);
    if (own === 0) return;
    const later = imports
      .filter((s) => s.startsWith('.'))
      .map((s) => path.resolve(path.dirname(file), s))
      .filter((target) => target.startsWith(READING) && stageOf(target) > own);
    expect(later.map((t) => path.relative(READING, t))).toEqual([]);
  });
});

test('the import reader finds imports (a check that could not pass on an empty list)', () => {
  const all = files.flatMap((f) => specifiers(fs.readFileSync(f, 'utf8')));
  expect(all).toContain('mailparser');
  expect(all.some((s) => s.includes('questionnaire/definition'))).toBe(true);
  expect(specifiers("import { a } from '../../mail/x';\nconst b = require('node:fs');")).toEqual(['../../mail/x', 'node:fs']);
});
