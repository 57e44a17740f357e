import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { buildProgram } from '../../src/cli';
import { moveWithoutOverwriting, writeNewFile } from '../../src/files';
import { memoryLogger } from '../../src/log';
import { outboxFileName } from '../../src/mail/transport';
import { PROJECT_ROOT } from '../../src/paths';
import { compose, FULL_ANSWERS } from '../support/world';

/** The local mail folder: Maildir-style drop (tmp/ → new/), nothing ever overwritten. */
describe('the local drop folder', () => {
  let dir: string;
  const mail = (...p: string[]) => path.join(dir, 'data', 'mail', ...p);
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const { program, exitCode } = buildProgram((l) => lines.push(l), { PATH: process.env.PATH }, dir, { logger: memoryLogger() });
    await program.parseAsync(['node', 'mentormail', ...args]);
    return { code: exitCode(), out: lines.join('\n') };
  };
  const outbox = async () =>
    Promise.all(
      fs
        .readdirSync(mail('outbox'))
        .sort()
        .map(async (f) => ({ file: f, parsed: await simpleParser(fs.readFileSync(mail('outbox', f))) })),
    );
  const questionnaireTo = async (address: string) =>
    (await outbox()).find(
      (m) => m.parsed.subject?.startsWith('E-mentoring questionnaire') && JSON.stringify(m.parsed.to).includes(address),
    )!.parsed;
  const answersFrom = async (address: string, text = FULL_ANSWERS) => {
    const q = await questionnaireTo(address);
    return compose({ from: address, to: q.replyTo!.value[0].address, subject: `Re: ${q.subject}`, inReplyTo: q.messageId, text });
  };
  /** How a writer hands over a file in Maildir: complete in tmp/, then one rename into new/. */
  const deliver = (name: string, content: Buffer) => {
    fs.writeFileSync(mail('inbox', 'tmp', name), content);
    fs.renameSync(mail('inbox', 'tmp', name), mail('inbox', 'new', name));
  };
  const forwards = async () => (await outbox()).filter((m) => /^(?:Addendum: q|Q)uestionnaire from /.test(m.parsed.subject ?? ''));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-drop-'));
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(PROJECT_ROOT, 'data', 'sample-roster.csv'), path.join(dir, 'data', 'roster.csv'));
    await cli('init');
    await cli('import', 'data/roster.csv');
    await cli('tick', '--now', '2026-11-23T10:00:00Z');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('init makes the Maildir-style drop folders', () => {
    expect(fs.statSync(mail('inbox', 'tmp')).isDirectory()).toBe(true);
    expect(fs.statSync(mail('inbox', 'new')).isDirectory()).toBe(true);
  });

  test('a reply still being written (in tmp/, or cut off in inbox/) is not read; handed over in new/, it is', async () => {
    const whole = await answersFrom('priya.patel@trainee.example');
    const half = whole.subarray(0, whole.indexOf('Missed teaching'));
    fs.writeFileSync(mail('inbox', 'tmp', 'reply.eml'), half); // a writer half-way through
    fs.writeFileSync(mail('inbox', 'cut-off.eml'), half); // a copy that stopped half-way, straight into inbox/
    const tick = await cli('tick', '--now', '2026-11-23T10:10:00Z');
    expect(tick.out).toMatch(/0 received/);
    expect(tick.out).toContain(`1 file in ${mail('inbox')} was not read (cut-off.eml): put replies in ${mail('inbox', 'new')}`);
    expect(await forwards()).toHaveLength(0);
    expect(fs.readFileSync(mail('inbox', 'cut-off.eml'))).toEqual(half); // left alone, not lost

    fs.writeFileSync(mail('inbox', 'tmp', 'reply.eml'), whole); // the writer finishes...
    fs.renameSync(mail('inbox', 'tmp', 'reply.eml'), mail('inbox', 'new', 'reply.eml')); // ...and hands it over
    expect((await cli('tick', '--now', '2026-11-23T10:20:00Z')).out).toMatch(/1 received/);
    const [forward] = await forwards();
    expect(forward.parsed.text).toContain('- Missed teaching because of rota gaps');
    expect(fs.readdirSync(mail('inbox', 'new'))).toEqual([]);
  });

  test('a second reply.eml does not overwrite the first in processed/', async () => {
    const first = await answersFrom('priya.patel@trainee.example');
    const second = await answersFrom('tom.okafor@trainee.example', FULL_ANSWERS.replace('Priya', 'Tom'));
    deliver('reply.eml', first);
    await cli('tick', '--now', '2026-11-23T10:10:00Z');
    deliver('reply.eml', second);
    await cli('tick', '--now', '2026-11-23T10:20:00Z');
    expect(fs.readdirSync(mail('processed')).sort()).toEqual(['reply-2.eml', 'reply.eml']);
    expect(fs.readFileSync(mail('processed', 'reply.eml'))).toEqual(first);
    expect(fs.readFileSync(mail('processed', 'reply-2.eml'))).toEqual(second);
    expect(await forwards()).toHaveLength(2);
  });

  test('outbox files are named by their whole Message-ID, domain included', async () => {
    const files = await outbox();
    expect(files.length).toBeGreaterThan(0);
    for (const { file, parsed } of files) {
      expect(file).toMatch(/@localhost\.eml$/);
      expect(file).toContain(parsed.messageId!.replace(/^<|>$/g, ''));
    }
  });
});

describe('files are never overwritten', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-files-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('moving into a folder that has the name already picks the next free one', () => {
    fs.writeFileSync(path.join(dir, 'reply.eml'), 'first');
    fs.writeFileSync(path.join(dir, 'reply-2.eml'), 'second');
    fs.writeFileSync(path.join(dir, 'incoming'), 'third');
    expect(path.basename(moveWithoutOverwriting(path.join(dir, 'incoming'), dir, 'reply.eml'))).toBe('reply-3.eml');
    expect(fs.readFileSync(path.join(dir, 'reply.eml'), 'utf8')).toBe('first');
    expect(fs.readFileSync(path.join(dir, 'reply-2.eml'), 'utf8')).toBe('second');
    expect(fs.readFileSync(path.join(dir, 'reply-3.eml'), 'utf8')).toBe('third');
    expect(fs.existsSync(path.join(dir, 'incoming'))).toBe(false);
  });

  test('writing a file that exists leaves the one there, and no temporary file behind', () => {
    expect(writeNewFile(dir, 'a.eml', Buffer.from('one'))).toBe(true);
    expect(writeNewFile(dir, 'a.eml', Buffer.from('two'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['a.eml']);
    expect(fs.readFileSync(path.join(dir, 'a.eml'), 'utf8')).toBe('one');
  });

  test('a Message-ID too long for a file name is shortened with a hash, and stays unique', () => {
    const date = new Date('2027-01-04T10:00:00Z');
    const long = (tail: string) => `<${'a'.repeat(300)}${tail}@example.org>`;
    const a = outboxFileName(date, long('1'));
    const b = outboxFileName(date, long('2'));
    expect(Buffer.byteLength(a)).toBeLessThan(255);
    expect(a).not.toBe(b);
    expect(outboxFileName(date, '<x/../y:z@host>')).toBe('2027-01-04T10-00-00-000Z_x_.._y_z@host.eml');
  });
});
