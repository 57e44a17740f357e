import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { buildProgram } from '../../src/cli';
import { memoryLogger } from '../../src/log';
import { PROJECT_ROOT } from '../../src/paths';
import { terminalProgress } from '../../src/progress';
import { importRoster } from '../../src/roster/apply';
import { statusReport } from '../../src/status';
import { CLI_ENTRY } from '../support/childProcess';
import { makeWorld } from '../support/world';

const exec = promisify(execFile);
jest.setTimeout(120_000);

/** The CLI in-process, in a folder of its own, in local-folder mode. */
function localCli(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-cli-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'data', 'sample-roster.csv'), path.join(dir, 'data', 'roster.csv'));
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const { program, exitCode } = buildProgram((l) => lines.push(l), { PATH: process.env.PATH, ...env }, dir, { logger: memoryLogger() });
    try {
      await program.parseAsync(['node', 'mentormail', ...args]);
      return { code: exitCode(), out: lines.join('\n') };
    } catch (err) {
      return { code: 1, out: [...lines, (err as Error).message, ...((err as { details?: string[] }).details ?? [])].join('\n') };
    }
  };
  return { dir, run, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a shell command line (bash, for PIPESTATUS) and returns its output. */
async function shell(script: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  return exec('bash', ['--norc', '--noprofile', '-c', script], { cwd, env: { PATH: process.env.PATH, ...env } });
}
const cliCommand = `${JSON.stringify(process.execPath)} -r ${JSON.stringify(path.join(PROJECT_ROOT, 'test', 'support', 'registerTs.js'))} ${JSON.stringify(CLI_ENTRY)}`;

describe('tick says when the sending window next opens in MENTORMAIL_TZ', () => {
  test.each([
    ['Europe/London', 'Mon, 23 Nov 2026, 09:00 Europe/London'],
    ['America/New_York', 'Mon, 23 Nov 2026, 09:00 America/New_York'],
  ])('%s', async (tz, expected) => {
    const cli = localCli({ MENTORMAIL_TZ: tz });
    try {
      await cli.run('init');
      await cli.run('import', 'data/roster.csv');
      const { out } = await cli.run('tick', '--now', '2026-11-21T22:00:00Z'); // a Saturday night
      expect(out).toContain(`3 questionnaires waiting for the sending window (it next opens ${expected})`);
      expect(out).not.toMatch(/opens \d{4}-\d\d-\d\dT/);
    } finally {
      cli.close();
    }
  });
});

describe('status', () => {
  test('a round replaced by a newer one before it was sent is counted as superseded, not paused', async () => {
    const w = makeWorld({ CYCLE_MONTHS: '1' });
    try {
      importRoster(
        w.deps.db,
        'trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr A,a@t.example,Dr M,m@m.example,2027-01-04\n',
        'r.csv',
        new Date('2027-01-01T00:00:00Z'),
        false,
      );
      await w.tick('2027-01-04T22:00:00Z'); // outside the window: round 1 waits
      await w.tick('2027-02-04T22:00:00Z'); // round 2 is due and replaces it, still outside the window
      const { counts } = statusReport(w.deps.db, w.deps.config, new Date('2027-02-05T00:00:00Z'));
      expect(counts).toMatchObject({ paused: 0, withdrawn: 0, superseded: 1 });
    } finally {
      await w.close();
    }
  });
});

describe('withdraw from the CLI', () => {
  test('tells the trainee and their e-mentor, not the coordinator who did it', async () => {
    const cli = localCli();
    try {
      await cli.run('init');
      await cli.run('import', 'data/roster.csv');
      await cli.run('tick', '--now', '2026-11-23T10:00:00Z');
      const withdrawn = await cli.run('withdraw', 'priya.patel@trainee.example', '--now', '2026-11-23T10:05:00Z');
      expect(withdrawn.out).toBe('Dr Priya Patel has been withdrawn; they and their e-mentor have been told.');
      const outbox = path.join(cli.dir, 'data', 'mail', 'outbox');
      const recipients = fs.readdirSync(outbox).map((f) => /^To: (.*)$/m.exec(fs.readFileSync(path.join(outbox, f), 'utf8'))?.[1] ?? '');
      expect(recipients.filter((r) => r.includes('coordinator@localhost'))).toEqual([]);
      expect(recipients.filter((r) => r.includes('priya.patel@trainee.example'))).toHaveLength(2); // questionnaire, confirmation
      expect(recipients.filter((r) => r.includes('jane.smith@mentor.example'))).toHaveLength(1);
    } finally {
      cli.close();
    }
  });
});

describe('config', () => {
  test('shows each value in effect and where it came from, passwords masked', async () => {
    const cli = localCli({ MENTORMAIL_TZ: 'Europe/Paris', SMTP_PASS: 'hunter2', CYCLE_MONTHS: '' });
    try {
      fs.writeFileSync(
        path.join(cli.dir, '.env'),
        'CYCLE_MONTHS=3\nMAX_REMINDERS=4\nSMTP_URL=smtps://bot%40x.example:sekrit@smtp.x.example:465\nIMAP_URL=imaps://bot:sekrit@imap.x.example\nMENTORMAIL_ADDRESS=bot@x.example\nMENTORMAIL_COORDINATOR=c@x.example\nSMTP_USER=bot@x.example\n',
      );
      const { code, out } = await cli.run('config');
      expect(code).toBe(0);
      const line = (name: string) => out.split('\n').find((l) => l.startsWith(`${name} `));
      expect(line('MENTORMAIL_TZ')).toMatch(/ Europe\/Paris {2}\[environment\]$/);
      expect(line('MAX_REMINDERS')).toMatch(/ 4 {2}\[\.env\]$/);
      expect(line('CYCLE_MONTHS')).toMatch(/ 2 {2}\[default\]$/); // empty in the environment, which wins over .env
      expect(line('SMTP_URL')).toMatch(/ smtps:\/\/bot%40x\.example:\*{8}@smtp\.x\.example:465 {2}\[\.env\]$/);
      expect(line('SMTP_PASS')).toMatch(/ \*{8} {2}\[environment\]$/);
      expect(line('IMAP_PASS')).toMatch(/ \(not set\)$/);
      expect(out).not.toMatch(/hunter2|sekrit/);
    } finally {
      cli.close();
    }
  });

  test('a bad value is still listed, then named as the problem', async () => {
    const cli = localCli({ CYCLE_MONTHS: 'often' });
    try {
      const { code, out } = await cli.run('config');
      expect(code).toBe(1);
      expect(out).toMatch(/^CYCLE_MONTHS +often {2}\[environment\]$/m);
      expect(out).toContain('CYCLE_MONTHS: must be a whole number from 1 to 12 (got "often")');
    } finally {
      cli.close();
    }
  });

  test('--version prints the version from package.json', async () => {
    const cli = localCli();
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
      const { stdout } = await shell(`${cliCommand} --version`, cli.dir);
      expect(stdout).toBe(`${pkg.version}\n`);
    } finally {
      cli.close();
    }
  });

  test('`config | head -2` and a reader that has gone: no EPIPE crash, exit 0', async () => {
    const cli = localCli();
    try {
      const head = await shell(`${cliCommand} config | head -2; echo "status=\${PIPESTATUS[0]}" >&2`, cli.dir);
      expect(head.stdout.split('\n').filter(Boolean)).toHaveLength(2);
      expect(head.stderr).toBe('status=0\n');
      // `true` reads nothing and exits at once: every write the CLI makes meets a closed pipe.
      const gone = await shell(`${cliCommand} config | true; echo "status=\${PIPESTATUS[0]}" >&2`, cli.dir);
      expect(gone.stderr).toBe('status=0\n');
    } finally {
      cli.close();
    }
  });
});

describe('progress bars', () => {
  /** A stream that says it is a terminal, as process.stdout does on one. */
  function fakeTerminal() {
    const stream = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 100,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let written = '';
    stream.on('data', (d: Buffer) => (written += d.toString()));
    return { stream, written: () => written };
  }

  test('on a terminal, a long step draws a bar with counts; a short one draws nothing', () => {
    const t = fakeTerminal();
    const progress = terminalProgress(t.stream, 20);
    const short = progress.start('Sending mail', 5);
    for (let i = 0; i < 5; i++) short.increment();
    short.stop();
    expect(t.written()).toBe('');
    const bar = progress.start('Sending mail', 40);
    for (let i = 0; i < 40; i++) bar.increment();
    bar.stop();
    expect(t.written()).toMatch(/Sending mail +\[[=-]+\] 0\/40/);
    expect(t.written()).toMatch(/Sending mail +\[=+\] 40\/40/);
  });

  test('not on a terminal (cron, a file, a pipe): nothing at all', () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (d: Buffer) => (written += d.toString()));
    const bar = terminalProgress(stream, 1).start('Sending mail', 40);
    for (let i = 0; i < 40; i++) bar.increment();
    bar.stop();
    expect(written).toBe('');
  });

  describe('in a real process', () => {
    let dir: string;
    const roster = (n: number) =>
      'trainee_name,trainee_email,mentor_name,mentor_email,start_date\n' +
      Array.from({ length: n }, (_, i) => `Dr T${i},t${i}@trainee.example,Dr M,m@mentor.example,2027-01-04`).join('\n') +
      '\n';
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-bar-'));
      fs.writeFileSync(path.join(dir, 'roster.csv'), roster(25));
      await shell(`${cliCommand} init && ${cliCommand} import roster.csv`, dir);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('on a terminal (a pseudo-terminal from script(1)) tick shows a bar with counts', async () => {
      const { stdout } = await shell(`script -qec ${JSON.stringify(`${cliCommand} tick --now 2027-01-04T10:00:00Z`)} /dev/null`, dir);
      expect(stdout).toMatch(/Sending mail +\[[=-]+\] \d+\/25/);
      expect(stdout).toMatch(/Sending mail +\[=+\] 25\/25/);
      expect(stdout).toContain('25 sent');
    });

    test('under cron (output to a pipe) tick prints its one summary line and nothing else', async () => {
      const { stdout } = await shell(`${cliCommand} tick --now 2027-01-04T10:00:00Z 2>/dev/null | cat`, dir);
      expect(stdout).toBe('Tick at 2027-01-04T10:00:00.000Z: 0 received, 25 sent.\n');
    });
  });
});
