/**
 * Real Dovecot (IMAP + LMTP) and Postfix (SMTP) on loopback high ports, for end-to-end tests.
 *
 * Each call to startMailServers() gets its own fs.mkdtemp folder holding both configs, queues,
 * mailboxes and logs, and its own ports, so instances can run side by side (parallel jest workers).
 * Postfix delivers to Dovecot over an LMTP unix socket, as in production. Needs root and the
 * packages from scripts/install-test-deps.sh. See /work/shared/mail-servers.md.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const HOST = '127.0.0.1' as const;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;
// Below Linux's ephemeral range (32768+), so outgoing connections never grab our chosen port.
const PORT_MIN = 20_000;
const PORT_MAX = 32_000;
const REQUIRED_BINARIES = ['/usr/sbin/dovecot', '/usr/lib/dovecot/lmtp', '/usr/sbin/postfix'];
const SBIN_PATH = `/usr/sbin:/usr/bin:/sbin:/bin:${process.env.PATH ?? ''}`;

export interface MailServers {
  domain: string;
  host: typeof HOST;
  /** Postfix smtpd: no auth, accepts mail from 127.0.0.0/8 for @domain only. */
  smtpPort: number;
  /** Dovecot IMAP: plaintext LOGIN with `user` or `user@domain` (and with `oauth`: XOAUTH2/OAUTHBEARER). */
  imapPort: number;
  /** With `oauth` only: Postfix submission, AUTH required (through Dovecot SASL), no open relay for loopback. */
  submissionPort: number | null;
  /** Same password for every user. */
  password: string;
  /** Temp folder holding configs, queue, mailboxes and logs (removed by stop()). */
  workDir: string;
  /** Postfix config directory, for `postqueue -c`. */
  postfixConfigDir: string;
  address(user: string): string;
  /** Tail of the Dovecot and Postfix logs, for failure messages. */
  logs(lines?: number): Promise<string>;
  /** Stops both servers, waits until their ports are free and removes workDir. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  users: string[];
  domain?: string;
  /**
   * Also accept OAuth2 bearer tokens (XOAUTH2 and OAUTHBEARER), checked by Dovecot's oauth2
   * passdb against this RFC 7662 introspection endpoint on 127.0.0.1, for IMAP and, through
   * Dovecot SASL, for a Postfix submission port that requires AUTH. Passwords keep working.
   */
  oauth?: { introspectionUrl: string };
}

interface Layout {
  root: string;
  toolLog: string;
  dovecotConf: string;
  dovecotRun: string;
  dovecotState: string;
  dovecotPid: string;
  dovecotLog: string;
  usersFile: string;
  mailDir: string;
  lmtpSocket: string;
  postfixConf: string;
  postfixQueue: string;
  postfixData: string;
  postfixPid: string;
  postfixLog: string;
  oauth2Conf: string;
  authSocket: string;
}

interface Settings {
  domain: string;
  users: string[];
  password: string;
  smtpPort: number;
  imapPort: number;
  submissionPort: number | null;
  oauth?: StartOptions['oauth'];
}

class PortClashError extends Error {}

export async function startMailServers(opts: StartOptions): Promise<MailServers> {
  assertPrerequisites();
  const domain = opts.domain ?? 'example.test';
  validateNames(domain, opts.users, opts.oauth);
  // Another worker may grab a port between our check and the bind; just pick new ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(domain, [...new Set(opts.users)], opts.oauth);
    } catch (err) {
      if (!(err instanceof PortClashError) || attempt >= START_ATTEMPTS) throw err;
    }
  }
}

function assertPrerequisites(): void {
  if (process.getuid?.() !== 0) {
    throw new Error('startMailServers: must run as root (the Postfix and Dovecot masters need it)');
  }
  const missing = REQUIRED_BINARIES.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`startMailServers: ${missing.join(', ')} missing; run scripts/install-test-deps.sh`);
  }
}

function validateNames(domain: string, users: string[], oauth?: StartOptions['oauth']): void {
  if (oauth && !/^http:\/\/127\.0\.0\.1:\d+\//.test(oauth.introspectionUrl)) {
    throw new Error(`startMailServers: the introspection URL must be on http://127.0.0.1 ("${oauth.introspectionUrl}")`);
  }
  if (!/^[a-z0-9.-]+$/.test(domain)) throw new Error(`startMailServers: bad domain "${domain}"`);
  if (users.length === 0) throw new Error('startMailServers: need at least one user');
  for (const user of users) {
    // No '+': it is the recipient delimiter. Lower case: Dovecot lower-cases logins (%Ln).
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(user)) throw new Error(`startMailServers: bad user "${user}"`);
  }
}

async function startOnce(domain: string, users: string[], oauth: StartOptions['oauth']): Promise<MailServers> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'mentormail-mail-'));
  const l = layout(root);
  try {
    await fs.chmod(root, 0o755); // daemons drop to postfix/dovecot users and must reach their dirs
    const [smtpPort, imapPort, submissionPort = null] = await pickFreePorts(oauth ? 3 : 2);
    const password = `pw-${randomBytes(6).toString('hex')}`;
    const s: Settings = { domain, users, password, smtpPort, imapPort, submissionPort, oauth };
    await startDovecot(l, s);
    await startPostfix(l, s);
    await waitForPorts(ports(s), START_TIMEOUT_MS);
    return makeHandle(l, s);
  } catch (err) {
    const logs = await readLogs(l, 40);
    await stopProcesses(l).catch(() => undefined);
    await fs.rm(root, { recursive: true, force: true, maxRetries: 5 });
    const message = `startMailServers failed: ${errorText(err)}\n${logs}`;
    throw /Address already in use/i.test(message) ? new PortClashError(message) : new Error(message);
  }
}

function layout(root: string): Layout {
  const dovecot = path.join(root, 'dovecot');
  const postfix = path.join(root, 'postfix');
  return {
    root,
    toolLog: path.join(root, 'start-commands.log'),
    dovecotConf: path.join(dovecot, 'dovecot.conf'),
    dovecotRun: path.join(dovecot, 'run'),
    dovecotState: path.join(dovecot, 'state'),
    dovecotPid: path.join(dovecot, 'run', 'master.pid'),
    dovecotLog: path.join(dovecot, 'dovecot.log'),
    usersFile: path.join(dovecot, 'users'),
    mailDir: path.join(dovecot, 'mail'),
    lmtpSocket: path.join(dovecot, 'run', 'lmtp'),
    postfixConf: path.join(postfix, 'etc'),
    postfixQueue: path.join(postfix, 'queue'),
    postfixData: path.join(postfix, 'data'),
    postfixPid: path.join(postfix, 'queue', 'pid', 'master.pid'),
    postfixLog: path.join(postfix, 'postfix.log'),
    oauth2Conf: path.join(dovecot, 'dovecot-oauth2.conf.ext'),
    authSocket: path.join(dovecot, 'run', 'auth-postfix'),
  };
}

function makeHandle(l: Layout, s: Settings): MailServers {
  const killOnExit = (): void => killSync(l);
  process.once('exit', killOnExit); // safety net if a test forgets stop()
  let stopping: Promise<void> | undefined;
  return {
    domain: s.domain,
    host: HOST,
    smtpPort: s.smtpPort,
    imapPort: s.imapPort,
    submissionPort: s.submissionPort,
    password: s.password,
    workDir: l.root,
    postfixConfigDir: l.postfixConf,
    address: (user) => `${user}@${s.domain}`,
    logs: (lines = 40) => readLogs(l, lines),
    stop: () => {
      stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        await stopProcesses(l);
        await waitForPortsFree(ports(s), STOP_TIMEOUT_MS);
        await fs.rm(l.root, { recursive: true, force: true, maxRetries: 5 });
      })();
      return stopping;
    },
  };
}

// ---------- Dovecot ----------

async function startDovecot(l: Layout, s: Settings): Promise<void> {
  const uid = await idOf('-u', 'dovecot');
  const gid = await idOf('-g', 'dovecot');
  await fs.mkdir(l.mailDir, { recursive: true, mode: 0o755 });
  await fs.mkdir(l.dovecotState, { mode: 0o755 });
  await fs.chown(l.mailDir, uid, gid);
  const lines: string[] = [];
  for (const user of s.users) {
    const home = path.join(l.mailDir, user);
    await fs.mkdir(home, { mode: 0o700 });
    await fs.chown(home, uid, gid);
    lines.push(`${user}:{PLAIN}${s.password}:${uid}:${gid}::${home}::`);
  }
  // The auth process runs as the dovecot user, so the file must be readable by it.
  await fs.writeFile(l.usersFile, lines.join('\n') + '\n', { mode: 0o644 });
  await fs.writeFile(l.dovecotConf, dovecotConfig(l, s), { mode: 0o644 });
  if (s.oauth) await fs.writeFile(l.oauth2Conf, dovecotOAuth2Config(s.oauth.introspectionUrl), { mode: 0o644 });
  await runTool(l, 'dovecot', ['-c', l.dovecotConf]);
}

function dovecotConfig(l: Layout, s: Settings): string {
  return `# Generated by test/harness/mailServers.ts
base_dir = ${l.dovecotRun}
state_dir = ${l.dovecotState}
instance_name = mentormail-${path.basename(l.root)}
log_path = ${l.dovecotLog}
hostname = mx.${s.domain}
protocols = imap lmtp
listen = ${HOST}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${s.oauth ? ' xoauth2 oauthbearer' : ''}
# Logins and LMTP recipients may carry the domain; users are keyed by local part only.
auth_username_format = %Ln
# The Debian dovecot user has a system uid below the default limit of 500.
first_valid_uid = 1
mail_location = maildir:~/Maildir
mail_fsync = never
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no
${s.oauth ? dovecotOAuth2Passdb(l) : ''}passdb {
  driver = passwd-file
  args = scheme=PLAIN ${l.usersFile}
}
userdb {
  driver = passwd-file
  args = ${l.usersFile}
}
service imap-login {
  inet_listener imap {
    address = ${HOST}
    port = ${s.imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  # Postfix's lmtp client runs as the postfix user.
  unix_listener lmtp {
    mode = 0666
  }
}
${s.oauth ? dovecotOAuthServices(l) : ''}`;
}

// Bearer tokens go to the oauth2 passdb only, passwords to the passwd-file only.
function dovecotOAuth2Passdb(l: Layout): string {
  return `passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${l.oauth2Conf}
}
`;
}

function dovecotOAuth2Config(introspectionUrl: string): string {
  // RFC 7662 introspection: POST token=..., answer {"active": true, "username": ...}. Logins are
  // cut to the local part (auth_username_format = %Ln), so the returned username is too.
  return `# Generated by test/harness/mailServers.ts
introspection_mode = post
introspection_url = ${introspectionUrl}
username_attribute = username
username_format = %Ln
active_attribute = active
active_value = true
timeout_msecs = 5000
`;
}

// The auth socket Postfix asks to check AUTH on the submission port (Dovecot SASL).
function dovecotOAuthServices(l: Layout): string {
  // Refused tokens are part of these tests: answer failures at once, and keep anvil from
  // growing a per-IP penalty (2 s doubling to 15 s) against 127.0.0.1.
  return `auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  unix_listener ${path.basename(l.authSocket)} {
    mode = 0666
  }
}
`;
}

// ---------- Postfix ----------

async function startPostfix(l: Layout, s: Settings): Promise<void> {
  await fs.mkdir(l.postfixConf, { recursive: true, mode: 0o755 });
  await fs.mkdir(l.postfixQueue, { mode: 0o755 });
  await fs.mkdir(l.postfixData, { mode: 0o700 });
  const postfixUid = await idOf('-u', 'postfix');
  await fs.chown(l.postfixData, postfixUid, -1); // data_directory must belong to mail_owner
  await fs.writeFile(path.join(l.postfixConf, 'main.cf'), postfixMainCf(l, s), { mode: 0o644 });
  await fs.writeFile(path.join(l.postfixConf, 'master.cf'), postfixMasterCf(l, s), { mode: 0o644 });
  // `postfix` waits (in 300 ms steps) until main.cf is a couple of seconds old; backdate it.
  const past = new Date(Date.now() - 60_000);
  for (const file of ['main.cf', 'master.cf']) await fs.utimes(path.join(l.postfixConf, file), past, past);
  // Run as root, `postfix -c DIR` needs no alternate_config_directories entry in
  // /etc/postfix/main.cf (Postfix only checks that for non-root callers): nothing shared to edit.
  await runTool(l, 'postfix', ['-c', l.postfixConf, 'start']);
}

function postfixMainCf(l: Layout, s: Settings): string {
  return `# Generated by test/harness/mailServers.ts
compatibility_level = 3.6
queue_directory = ${l.postfixQueue}
data_directory = ${l.postfixData}
# Postfix only logs to files under maillog_file_prefixes; otherwise it dies silently.
maillog_file = ${l.postfixLog}
maillog_file_prefixes = ${l.root}
myhostname = mx.${s.domain}
mydomain = ${s.domain}
myorigin = $mydomain
biff = no
append_dot_mydomain = no
readme_directory = no
inet_interfaces = ${HOST}
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
# No local delivery: every mailbox lives in Dovecot.
mydestination =
local_recipient_maps =
local_transport = error:5.1.1 local delivery is disabled in tests
alias_maps =
alias_database =
virtual_mailbox_domains = ${s.domain}
virtual_transport = lmtp:unix:${l.lmtpSocket}
recipient_delimiter = +
# Nothing ever leaves loopback: other domains are refused at RCPT and have no route anyway.
relayhost =
default_transport = error:5.7.1 outbound mail is disabled in tests
relay_transport = error:5.7.1 outbound mail is disabled in tests
smtp_dns_support_level = disabled
lmtp_dns_support_level = disabled
smtpd_peername_lookup = no
smtpd_client_restrictions = permit_mynetworks, reject
smtpd_relay_restrictions = reject_unauth_destination
# Accept unknown users at the domain, so Dovecot's LMTP 550 turns into a real DSN bounce.
smtpd_reject_unlisted_recipient = no
smtpd_error_sleep_time = 0
# Real mail can be large (a scanned portfolio): accept up to 200 MB, as a generous provider would.
message_size_limit = 209715200
mailbox_size_limit = 0
virtual_mailbox_limit = 0
in_flow_delay = 0
# Short queue times so deferred mail and bounces resolve within a test's patience.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
maximal_queue_lifetime = 30s
bounce_queue_lifetime = 30s
delay_warning_time = 0
`;
}

function postfixMasterCf(l: Layout, s: Settings): string {
  // Like Debian's master.cf but without chroot (the queue is a temp folder without /etc
  // copies), without the outbound smtp/relay clients, and smtpd on our loopback port.
  return `# Generated by test/harness/mailServers.ts
# service   type  private unpriv chroot wakeup maxproc command
${HOST}:${s.smtpPort} inet n - n - - smtpd
${s.submissionPort !== null ? postfixSubmission(l, s.submissionPort) : ''}pickup      unix  n  -  n  60     1  pickup
cleanup     unix  n  -  n  -      0  cleanup
qmgr        unix  n  -  n  300    1  qmgr
rewrite     unix  -  -  n  -      -  trivial-rewrite
bounce      unix  -  -  n  -      0  bounce
defer       unix  -  -  n  -      0  bounce
trace       unix  -  -  n  -      0  bounce
verify      unix  -  -  n  -      1  verify
flush       unix  n  -  n  1000?  0  flush
proxymap    unix  -  -  n  -      -  proxymap
proxywrite  unix  -  -  n  -      1  proxymap
showq       unix  n  -  n  -      -  showq
error       unix  -  -  n  -      -  error
retry       unix  -  -  n  -      -  error
discard     unix  -  -  n  -      -  discard
lmtp        unix  -  -  n  -      -  lmtp
anvil       unix  -  -  n  -      1  anvil
scache      unix  -  -  n  -      1  scache
postlog     unix-dgram n - n - 1 postlogd
`;
}

// Submission: AUTH through Dovecot SASL is required; loopback gets no free pass here.
function postfixSubmission(l: Layout, port: number): string {
  return `${HOST}:${port} inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_sasl_type=dovecot
  -o smtpd_sasl_path=${l.authSocket}
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
`;
}

function ports(s: Settings): number[] {
  return [s.imapPort, s.smtpPort, ...(s.submissionPort !== null ? [s.submissionPort] : [])];
}

// ---------- processes ----------

async function stopProcesses(l: Layout): Promise<void> {
  // Postfix first, so it does not try to deliver into a Dovecot that is going away.
  await stopDaemon(l.postfixPid, 'Postfix');
  await stopDaemon(l.dovecotPid, 'Dovecot');
}

async function stopDaemon(pidFile: string, name: string): Promise<void> {
  const pid = await readPid(pidFile);
  if (pid === undefined || !isAlive(pid)) return;
  // Both masters lead their own process group. Signalling the whole group at once is much
  // faster than letting Dovecot's master shut its children down one by one (~1 s).
  sendSignal(-pid, 'SIGTERM');
  sendSignal(pid, 'SIGTERM');
  if (await waitUntil(() => !isAlive(pid), STOP_TIMEOUT_MS)) return;
  sendSignal(-pid, 'SIGKILL');
  sendSignal(pid, 'SIGKILL');
  if (!(await waitUntil(() => !isAlive(pid), STOP_TIMEOUT_MS))) {
    throw new Error(`${name} master (pid ${pid}) did not exit`);
  }
}

function killSync(l: Layout): void {
  for (const pidFile of [l.postfixPid, l.dovecotPid]) {
    try {
      const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
      if (pid > 1) {
        sendSignal(-pid, 'SIGKILL');
        sendSignal(pid, 'SIGKILL');
      }
    } catch {
      // no pid file: nothing to kill
    }
  }
}

async function readPid(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).trim(), 10);
    return pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A zombie counts as dead: the daemons get reparented and may not be reaped at once. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs a start command with its output in a file: the daemons it forks keep stdout/stderr
 * open, so waiting for pipes to close (as execFile does) would hang until they exit.
 */
async function runTool(l: Layout, command: string, args: string[]): Promise<void> {
  const out = await fs.open(l.toolLog, 'a');
  try {
    const result = await new Promise<string | number>((resolve, reject) => {
      const env = { ...process.env, PATH: SBIN_PATH };
      const child = spawn(command, args, { stdio: ['ignore', out.fd, out.fd], env });
      const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve(code ?? signal ?? 'unknown');
      });
    });
    if (result !== 0) throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result}`);
  } finally {
    await out.close();
  }
}

async function idOf(flag: '-u' | '-g', user: string): Promise<number> {
  const { stdout } = await execFileAsync('id', [flag, user]);
  return Number.parseInt(stdout.trim(), 10);
}

// ---------- ports ----------

async function pickFreePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = randomInt(PORT_MIN, PORT_MAX);
    if (!ports.includes(port) && (await isPortFree(port))) ports.push(port);
  }
  return ports;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(1000);
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function waitForPorts(ports: number[], timeoutMs: number): Promise<void> {
  for (const port of ports) {
    if (!(await waitUntil(() => canConnect(port), timeoutMs))) {
      throw new Error(`port ${HOST}:${port} did not accept connections within ${timeoutMs} ms`);
    }
  }
}

async function waitForPortsFree(ports: number[], timeoutMs: number): Promise<void> {
  for (const port of ports) {
    if (!(await waitUntil(() => isPortFree(port), timeoutMs))) {
      throw new Error(`port ${HOST}:${port} still in use ${timeoutMs} ms after stopping the mail servers`);
    }
  }
}

// ---------- small helpers ----------

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readLogs(l: Layout, lines: number): Promise<string> {
  const parts: string[] = [];
  const files = [
    ['start commands', l.toolLog],
    ['Dovecot', l.dovecotLog],
    ['Postfix', l.postfixLog],
  ] as const;
  for (const [name, file] of files) {
    const text = await fs.readFile(file, 'utf8').catch(() => '(no log)');
    parts.push(
      `--- ${name} log (${file}), last ${lines} lines ---\n${text
        .split('\n')
        .slice(-lines - 1)
        .join('\n')}`,
    );
  }
  return parts.join('\n');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
