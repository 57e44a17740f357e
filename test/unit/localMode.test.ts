import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { buildProgram } from '../../src/cli';
import { memoryLogger } from '../../src/log';
import { PROJECT_ROOT } from '../../src/paths';
import { compose, FULL_ANSWERS } from '../support/world';

/** The embedded default the README's first command uses: no server, a local mail folder. */
describe('local-folder mode, through the CLI', () => {
  let dir: string;
  const logger = memoryLogger();
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const { program, exitCode } = buildProgram((l) => lines.push(l), { PATH: process.env.PATH }, dir, { logger });
    await program.parseAsync(['node', 'mentormail', ...args]);
    return { code: exitCode(), out: lines.join('\n') };
  };
  const outbox = () => path.join(dir, 'data', 'mail', 'outbox');
  const emls = async () =>
    Promise.all(
      fs
        .readdirSync(outbox())
        .sort()
        .map((f) => simpleParser(fs.readFileSync(path.join(outbox(), f)))),
    );

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-local-'));
    fs.mkdirSync(path.join(dir, 'data'));
    fs.copyFileSync(path.join(PROJECT_ROOT, 'data', 'sample-roster.csv'), path.join(dir, 'data', 'sample-roster.csv'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('init, import the sample roster, tick: questionnaires appear as .eml files', async () => {
    expect((await cli('init')).out).toContain('data/mentormail.db');
    expect((await cli('import', 'data/sample-roster.csv')).out).toMatch(/8 changes applied/);
    const tick = await cli('tick', '--now', '2026-11-23T10:00:00Z');
    expect(tick.out).toMatch(/3 sent/);
    const sent = await emls();
    expect(sent.map((m) => (m.to && 'value' in m.to ? m.to.value[0].address : ''))).toEqual(
      expect.arrayContaining(['priya.patel@trainee.example', 'tom.okafor@trainee.example', 'ana.lopez@trainee.example']),
    );
  });

  test('a reply dropped in the inbox folder is forwarded and moved to processed', async () => {
    const q = (await emls()).find((m) => m.to && 'value' in m.to && m.to.value[0].address === 'priya.patel@trainee.example')!;
    const reply = await compose({
      from: 'priya.patel@trainee.example',
      to: q.replyTo!.value[0].address,
      subject: `Re: ${q.subject}`,
      inReplyTo: q.messageId,
      text: FULL_ANSWERS,
    });
    // The Maildir way: written into inbox/tmp, then moved (atomically) into inbox/new.
    fs.writeFileSync(path.join(dir, 'data', 'mail', 'inbox', 'tmp', 'reply.eml'), reply);
    fs.renameSync(path.join(dir, 'data', 'mail', 'inbox', 'tmp', 'reply.eml'), path.join(dir, 'data', 'mail', 'inbox', 'new', 'reply.eml'));
    await cli('tick', '--now', '2026-11-23T10:10:00Z');
    expect(fs.readdirSync(path.join(dir, 'data', 'mail', 'inbox', 'new'))).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'data', 'mail', 'processed'))).toEqual(['reply.eml']);
    const forward = (await emls()).find((m) => m.to && 'value' in m.to && m.to.value[0].address === 'jane.smith@mentor.example');
    expect(forward?.text).toContain('Consultant colorectal surgeon.');
    expect(logger.lines.join('\n')).not.toContain('colorectal');
  });

  test('errors are one clear line naming the problem', async () => {
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'trainee_name,trainee_email\nA,b\n');
    await expect(cli('import', 'bad.csv')).rejects.toThrow(/bad.csv: nothing was imported/);
    const { main } = await import('../../src/cli');
    const errs: string[] = [];
    const code = await main(
      ['node', 'mentormail', 'tick', '--now', 'yesterday'],
      () => undefined,
      (l) => errs.push(l),
    );
    expect(code).toBe(2);
    expect(errs).toEqual(['mentormail: --now: "yesterday" is not an ISO date-time (for example 2027-01-04T09:30:00Z)']);
  });
});
