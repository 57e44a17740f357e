/**
 * Commands load only the packages they use: IMAP, MIME, HTML, templates and schemas are loaded
 * when a command reads or writes mail, not by --help or a tick with nothing to do. Each case runs
 * the CLI in a fresh Node process and lists the packages in its module cache at the end.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/paths';
import { compose, FULL_ANSWERS } from '../support/world';

const run = promisify(execFile);
jest.setTimeout(120_000);

const MAIL_PACKAGES = [
  'imapflow',
  'mailparser',
  'nodemailer',
  'html-to-text',
  'handlebars',
  'zod',
  'yaml',
  'node-cron',
  '@azure/msal-node',
  'munkres',
  'mailauth',
];

const SCRIPT = `
const { main } = require(${JSON.stringify(path.join(PROJECT_ROOT, 'src', 'cli.ts'))});
main(['node', 'mentormail', ...JSON.parse(process.argv[1])], () => undefined, (l) => process.stderr.write(l + '\\n')).then((code) => {
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file);
    if (m && m[1] !== 'typescript') packages.add(m[1]);
  }
  process.stdout.write(JSON.stringify({ code, packages: [...packages].sort() }));
});`;

async function packagesLoadedBy(dir: string, ...args: string[]): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ['-r', path.join(PROJECT_ROOT, 'test', 'support', 'transpileTs.js'), '-e', SCRIPT, JSON.stringify(args)],
    {
      cwd: dir,
      env: { PATH: process.env.PATH },
    },
  );
  const result = JSON.parse(stdout) as { code: number; packages: string[] };
  expect(result.code).toBe(0);
  return result.packages;
}

describe('start-up loads only what the command needs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-startup-'));
    await packagesLoadedBy(dir, 'init');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--help loads none of the mail, template or schema packages', async () => {
    const loaded = await packagesLoadedBy(dir, '--help');
    expect(loaded.filter((p) => MAIL_PACKAGES.includes(p))).toEqual([]);
  });

  test('a tick with no mail and nothing due loads none of them either', async () => {
    const loaded = await packagesLoadedBy(dir, 'tick', '--now', '2027-01-04T10:00:00Z');
    expect(loaded).toContain('better-sqlite3-multiple-ciphers');
    expect(loaded.filter((p) => MAIL_PACKAGES.includes(p))).toEqual([]);
  });

  test('a tick that reads a reply and sends mail loads what that takes', async () => {
    fs.writeFileSync(
      path.join(dir, 'roster.csv'),
      'trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Priya Patel,priya@trainee.example,Dr Jane Smith,jane@mentor.example,2027-01-04\n',
    );
    await packagesLoadedBy(dir, 'import', 'roster.csv', '--now', '2027-01-01T09:00:00Z');
    // The local drop folder's protocol: written into inbox/tmp, then moved into inbox/new.
    fs.mkdirSync(path.join(dir, 'data', 'mail', 'inbox', 'tmp'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'data', 'mail', 'inbox', 'new'), { recursive: true });
    const reply = await compose({
      from: 'priya@trainee.example',
      to: 'e-mentoring@localhost',
      subject: 'Re: questionnaire',
      html: `<p>${FULL_ANSWERS}</p>`,
    });
    fs.writeFileSync(path.join(dir, 'data', 'mail', 'inbox', 'tmp', 'reply.eml'), reply);
    fs.renameSync(path.join(dir, 'data', 'mail', 'inbox', 'tmp', 'reply.eml'), path.join(dir, 'data', 'mail', 'inbox', 'new', 'reply.eml'));
    const loaded = await packagesLoadedBy(dir, 'tick', '--now', '2027-01-04T10:00:00Z');
    expect(loaded).toEqual(expect.arrayContaining(['mailparser', 'html-to-text', 'nodemailer', 'handlebars', 'zod', 'yaml']));
    expect(loaded).not.toContain('imapflow'); // local-folder mode has no IMAP
  });
});
