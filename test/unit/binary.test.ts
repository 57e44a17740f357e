import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildProgram } from '../../src/cli';
import { memoryLogger } from '../../src/log';
import { PROJECT_ROOT } from '../../src/paths';
import { compose } from '../support/world';

const run = promisify(execFile);
jest.setTimeout(120_000);

describe('the mentormail command', () => {
  beforeAll(async () => {
    // `npm ci` builds dist/ through `prepare`; build again so the test sees this source.
    await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT });
  });

  test('--help works on the built binary, for the program and each command', async () => {
    const bin = path.join(PROJECT_ROOT, 'bin', 'mentormail.js');
    const { stdout } = await run('node', [bin, '--help']);
    for (const command of ['init', 'import', 'people', 'tick', 'run', 'status', 'parse-reply', 'pause', 'resume', 'withdraw', 'reassign']) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
      const sub = await run('node', [bin, command, '--help']);
      expect(sub.stdout).toMatch(new RegExp(`^Usage: mentormail ${command}`));
    }
  });

  test('a bad configuration is reported by variable, in a few lines, with a non-zero exit', async () => {
    const bin = path.join(PROJECT_ROOT, 'bin', 'mentormail.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-bin-'));
    try {
      await run('node', [bin, 'status'], {
        cwd: dir,
        env: { PATH: process.env.PATH, CYCLE_MONTHS: 'often', SMTP_URL: 'smtp://user:hunter2@mail.example.org' },
      });
      throw new Error('expected a failure');
    } catch (err) {
      const e = err as { code: number; stderr: string };
      expect(e.code).toBe(1);
      expect(e.stderr).toMatch(/^mentormail: Invalid configuration/);
      expect(e.stderr).toMatch(/CYCLE_MONTHS/);
      expect(e.stderr).toMatch(/IMAP_URL/);
      expect(e.stderr).not.toMatch(/hunter2/);
      expect(e.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('run ticks on its schedule, prints a line only for a tick that did something, and stops cleanly on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-run-'));
    const lines: string[] = [];
    const logger = memoryLogger();
    const env = { PATH: process.env.PATH, MENTORMAIL_CRON: '* * * * * *' };
    const cli = () => buildProgram((l) => lines.push(l), env, dir, { logger });
    const waitFor = async (what: string, ok: () => boolean) => {
      const deadline = Date.now() + 30_000;
      while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (!ok()) throw new Error(`run: gave up waiting for ${what}; output so far:\n${lines.join('\n')}`);
    };
    const ticksDone = () => logger.lines.filter((l) => l.includes('"tick.done"')).length;
    await cli().program.parseAsync(['node', 'mentormail', 'init']);
    lines.length = 0;
    const run = cli();
    const running = run.program.parseAsync(['node', 'mentormail', 'run']);
    try {
      await waitFor('two idle ticks', () => ticksDone() >= 2);
      expect(lines.filter((l) => l.startsWith('Tick at'))).toEqual([]); // nothing happened, nothing printed

      const reply = await compose({ from: 'someone@example.org', to: 'e-mentoring@localhost', subject: 'Hello', text: 'Hello' });
      fs.writeFileSync(path.join(dir, 'data', 'mail', 'inbox', 'tmp', 'hello.eml'), reply);
      fs.renameSync(
        path.join(dir, 'data', 'mail', 'inbox', 'tmp', 'hello.eml'),
        path.join(dir, 'data', 'mail', 'inbox', 'new', 'hello.eml'),
      );
      await waitFor('a tick that received the message', () => lines.some((l) => l.startsWith('Tick at')));
      const afterIt = ticksDone();
      await waitFor('two more idle ticks', () => ticksDone() >= afterIt + 2);
      process.emit('SIGTERM');
      await running;
      expect(lines[0]).toMatch(/^mentormail is running/);
      expect(lines.filter((l) => l.startsWith('Tick at'))).toEqual([expect.stringMatching(/: 1 received, 0 sent\.$/)]);
      expect(lines.at(-1)).toBe('SIGTERM: finishing the current tick, then stopping.');
      expect(run.exitCode()).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
