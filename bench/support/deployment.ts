/**
 * A mentormail installation for one case: a folder, a database and the environment that points
 * it at the loopback servers. Everyone on the roster is a plus-address of one `sink` mailbox,
 * so thousands of trainees need no thousands of Dovecot users, and every message mentormail
 * sends is really delivered.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { FetchedMessage, InboxSource } from '../../src/inbox/source';
import type { Deps } from '../../src/jobs/deps';
import { silentLogger } from '../../src/log';
import type { MailTransport, OutgoingMail } from '../../src/mail/transport';
import type { MailServers } from '../../test/harness/mailServers';
import { mentormail } from './processes';

export const SINK = 'sink';
export const traineeAddress = (servers: MailServers, i: number) => `${SINK}+t${i}@${servers.domain}`;
export const mentorAddress = (servers: MailServers, j: number) => `${SINK}+m${j}@${servers.domain}`;
/** Each e-mentor has this many trainees. */
export const TRAINEES_PER_MENTOR = 5;

export interface Deployment {
  dir: string;
  dbPath: string;
  env: NodeJS.ProcessEnv;
}

export function deployment(servers: MailServers, dir: string, extraEnv: Record<string, string> = {}): Deployment {
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'mentormail.db');
  return {
    dir,
    dbPath,
    env: {
      PATH: process.env.PATH,
      MENTORMAIL_DB: dbPath,
      MENTORMAIL_ADDRESS: servers.address('bot'),
      MENTORMAIL_COORDINATOR: `${SINK}+coordinator@${servers.domain}`,
      SMTP_URL: `smtp://${servers.host}:${servers.smtpPort}`,
      IMAP_URL: `imap://bot:${encodeURIComponent(servers.password)}@${servers.host}:${servers.imapPort}`,
      MENTORMAIL_LOG_LEVEL: 'error',
      ...extraEnv,
    },
  };
}

export function rosterCsv(servers: MailServers, trainees: number, startDate: string): string {
  const lines = ['trainee_name,trainee_email,mentor_name,mentor_email,start_date'];
  for (let i = 1; i <= trainees; i++) {
    const j = Math.ceil(i / TRAINEES_PER_MENTOR);
    lines.push(`Dr Trainee ${i},${traineeAddress(servers, i)},Dr Mentor ${j},${mentorAddress(servers, j)},${startDate}`);
  }
  return lines.join('\n') + '\n';
}

/** `init` and `import` through the real CLI. */
export async function installWithRoster(d: Deployment, csv: string, now: string): Promise<void> {
  await mentormail(['init'], d.env, d.dir);
  const file = path.join(d.dir, 'roster.csv');
  fs.writeFileSync(file, csv);
  await mentormail(['import', file, '--now', now], d.env, d.dir);
}

/** A transport that sends nothing: for setting up history that is not being measured. */
export function discardTransport(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { sent, send: async (m) => void sent.push(m), close: () => undefined };
}

const noMail: InboxSource = { poll: async (_store: (m: FetchedMessage) => void) => 0, close: async () => undefined };

/** Runs `fn` in this process against the deployment's database, with mail going nowhere. */
export async function withOfflineApp<T>(
  d: Deployment,
  fn: (deps: Deps, transport: ReturnType<typeof discardTransport>) => Promise<T>,
): Promise<T> {
  const transport = discardTransport();
  const app = createApp(loadConfig(d.env, d.dir), { transport, source: noMail, logger: silentLogger });
  try {
    return await fn(app, transport);
  } finally {
    await app.close();
  }
}

/** Copies a closed database (and any WAL beside it) so each run starts from the same state. */
export function copyDatabase(from: string, to: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(to + suffix, { force: true });
  fs.copyFileSync(from, to);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
}

export function count(dbPath: string, sql: string, ...params: unknown[]): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Ticks (one process each, as cron does) until nothing is waiting to be sent; the time is the sum of the ticks. */
export async function tickUntilSent(d: Deployment, now: string, maxTicks = 1000): Promise<{ wallMs: number; ticks: number }> {
  let wallMs = 0;
  for (let ticks = 1; ticks <= maxTicks; ticks++) {
    const r = await mentormail(['tick', '--now', now], d.env, d.dir);
    wallMs += r.wallMs;
    const waiting =
      count(d.dbPath, "SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'") +
      count(d.dbPath, "SELECT COUNT(*) AS n FROM rounds WHERE state = 'scheduled'") +
      count(d.dbPath, "SELECT COUNT(*) AS n FROM inbound WHERE state = 'new'");
    if (waiting === 0) return { wallMs, ticks };
  }
  throw new Error(`still waiting after ${maxTicks} ticks`);
}
