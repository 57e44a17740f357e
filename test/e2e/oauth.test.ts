/**
 * MAIL_AUTH=oauth2 end to end: Dovecot checks every bearer token with its oauth2 passdb against
 * an introspection stub on 127.0.0.1, and Postfix's submission port (AUTH required) asks
 * Dovecot through SASL. The stub grants short-lived tokens to one client; tests make them die
 * early, expire, and finally revoke the client.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { loadConfig } from '../../src/config';
import { oauthChecks } from '../../src/oauth/checks';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { expectNoNewMail, fetchAll, waitForMail } from '../harness/mailbox';
import { startOAuthStub, type OAuthStub } from '../harness/oauthStub';
import { FULL_ANSWERS } from '../support/world';
import { mentormailFor, replyAsClient, writeRoster, type Mentormail } from './support';

jest.setTimeout(180_000);

const USERS = ['bot', 'coordinator', 'priya', 'jane'];
const MENTOR_FEEDBACK = 'Well done on the appendicectomy; let us talk about the perforated bowel case.';

describe('MAIL_AUTH=oauth2 on real Dovecot and Postfix', () => {
  let stub: OAuthStub;
  let servers: MailServers;
  let mm: Mentormail;
  let secretDir: string;
  /** Every line any command printed, for the final grep. */
  const outputs: string[] = [];
  const a = (u: string) => servers.address(u);

  const cli = async (...args: string[]) => {
    const r = await mm.cli(...args);
    outputs.push(r.out);
    return r;
  };
  const tick = async (now: string) => {
    const r = await cli('tick', '--now', now);
    if (r.code !== 0) throw new Error(`tick at ${now} failed: ${r.out}\n${await servers.logs(20)}`);
  };
  const logCount = (event: string) => mm.logs.filter((l) => (JSON.parse(l) as { event: string }).event === event).length;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    stub = await startOAuthStub({ username: 'bot@example.test', lifetimeSeconds: 600 });
    servers = await startMailServers({ users: USERS, oauth: { introspectionUrl: stub.introspectionUrl } });
    secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-secret-'));
    const secretFile = path.join(secretDir, 'client-secret');
    fs.writeFileSync(secretFile, `${stub.clientSecret}\n`, { mode: 0o600 });
    mm = mentormailFor(servers, {
      MAIL_AUTH: 'oauth2',
      OAUTH_PROVIDER: 'generic',
      OAUTH_TOKEN_URL: stub.tokenUrl,
      OAUTH_CLIENT_ID: stub.clientId,
      OAUTH_CLIENT_SECRET_FILE: secretFile,
      // No password anywhere: the submission port and IMAP only let the bot in with a token.
      SMTP_URL: `smtp://${servers.host}:${servers.submissionPort}`,
      IMAP_URL: `imap://${servers.host}:${servers.imapPort}`,
    });
    const roster = writeRoster(
      mm,
      `trainee_name,trainee_email,mentor_name,mentor_email,start_date\nDr Priya Patel,${a('priya')},Dr Jane Smith,${a('jane')},2027-01-04\n`,
    );
    expect((await cli('import', roster)).code).toBe(0);
  });
  afterAll(async () => {
    await servers?.stop();
    await stub?.stop();
    mm?.close();
    if (secretDir) fs.rmSync(secretDir, { recursive: true, force: true });
  });

  test('the questionnaire goes out through the submission port, logged in with one token for IMAP and SMTP', async () => {
    await tick('2027-01-04T10:00:00Z');
    const [q] = await waitForMail(servers, 'priya', 1);
    expect(q.parsed.subject).toBe('E-mentoring questionnaire, round 1');
    expect(stub.granted).toHaveLength(1);
    expect(stub.introspections).toEqual({ active: 2, inactive: 0 }); // IMAP poll, then the one send
    expect(logCount('oauth.token_refused_by_server')).toBe(0);
  });

  test('a token the server stops accepting mid-tick is renewed once; the reply is forwarded, nothing twice', async () => {
    // The cached token has one login left: the poll uses it, so the first send meets a dead token.
    stub.setUsesPerToken(3);
    const [q] = await fetchAll(servers, 'priya');
    await replyAsClient(servers, a('priya'), q.parsed, FULL_ANSWERS);
    await waitForMail(servers, 'bot', 1);
    await tick('2027-01-04T10:10:00Z');
    const forwards = await waitForMail(servers, 'jane', 1);
    expect(forwards[0].parsed.subject).toBe('Questionnaire from Dr Priya Patel, round 1');
    const priya = await waitForMail(servers, 'priya', 2);
    expect(priya[1].parsed.subject).toMatch(/^Thank you/);
    expect(stub.granted).toHaveLength(2);
    expect(logCount('oauth.token_refused_by_server')).toBe(1);
    await tick('2027-01-04T10:20:00Z');
    await expectNoNewMail(servers, 'jane', 1, 1500);
    await expectNoNewMail(servers, 'priya', 2, 500);
    stub.setUsesPerToken(null);
  });

  test('a token refused at IMAP login (revoked early by the server) is renewed, and the mentor’s reply is relayed once', async () => {
    const [forward] = await fetchAll(servers, 'jane');
    await replyAsClient(servers, a('jane'), forward.parsed, MENTOR_FEEDBACK);
    await waitForMail(servers, 'bot', 2);
    const granted = stub.granted.length;
    stub.killIssuedTokens(); // the token cached in the database is now refused by Dovecot
    await tick('2027-01-04T10:30:00Z');
    const priya = await waitForMail(servers, 'priya', 3);
    expect(priya[2].parsed.text).toContain('perforated bowel case');
    expect(logCount('imap.token_refused_retrying')).toBe(1);
    expect(stub.granted).toHaveLength(granted + 1);
    await tick('2027-01-04T10:40:00Z');
    await expectNoNewMail(servers, 'priya', 3, 1500);
    expect(await fetchAll(servers, 'jane')).toHaveLength(1);
  });

  test('a token near its expiry is replaced before use, without the server ever refusing it', async () => {
    stub.setLifetime(4);
    stub.killIssuedTokens();
    await tick('2027-01-04T10:50:00Z'); // refused at IMAP, renewed: this token lives 4 s
    const refusals = logCount('oauth.token_refused_by_server');
    const granted = stub.granted.length;
    const inactive = stub.introspections.inactive;
    // Past the renewal margin (half of 4 s), though the server may still take it. Real time:
    // token lifetimes are wall-clock, whatever --now says.
    await sleep(2_500);
    await tick('2027-01-04T11:00:00Z');
    expect(stub.granted).toHaveLength(granted + 1);
    expect(logCount('oauth.token_refused_by_server')).toBe(refusals);
    expect(stub.introspections.inactive).toBe(inactive);
    stub.setLifetime(600);
  });

  test('nothing was lost or left behind: every message sent once, every reply processed', () => {
    const db = new Database(mm.env.MENTORMAIL_DB, { readonly: true });
    try {
      // One attempt each: the send that met a dead token was renewed and retried within it.
      const outbox = db.prepare('SELECT state, attempts, last_error FROM outbox').all();
      expect(outbox).toEqual(Array(4).fill({ state: 'sent', attempts: 1, last_error: null }));
      const inbound = db.prepare('SELECT state FROM inbound').all() as { state: string }[];
      expect(inbound).toHaveLength(2);
      expect(inbound.every((r) => r.state === 'processed')).toBe(true);
      // The current token is cached for the next tick, sealed: its bytes are not in the row.
      const cached = db.prepare('SELECT sealed FROM oauth_token_cache').all() as { sealed: Buffer }[];
      expect(cached).toHaveLength(1);
      const current = stub.granted[stub.granted.length - 1];
      expect(cached[0].sealed.includes(Buffer.from(current))).toBe(false);
    } finally {
      db.close();
    }
  });

  test("the doctor's OAuth2 steps pass against the real servers", async () => {
    const steps = await oauthChecks(loadConfig(mm.env, mm.dir));
    outputs.push(JSON.stringify(steps));
    expect(steps.map((s) => [s.name, s.status])).toEqual([
      ['OAuth2 token endpoint reached', 'ok'],
      ['OAuth2 token granted', 'ok'],
      ['IMAP login with the OAuth2 token', 'ok'],
      ['SMTP login with the OAuth2 token', 'ok'],
    ]);
    expect(steps[1].detail).toMatch(/^for bot@example\.test, expires \S+ \(in 10 min\)$/);
  });

  test('mentormail doctor with MAIL_AUTH=oauth2: token steps ok, password logins skipped, plus-addressing round trip with the token', async () => {
    const r = await cli('doctor', '--wait', '30');
    outputs.push(r.out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^skip\s+SMTP\b.*OAuth2 steps/m);
    expect(r.out).toMatch(/^ok\s+SMTP login with the OAuth2 token/m);
    expect(r.out).toMatch(/^ok\s+plus-addressing/im);
  });

  test('a revoked client: one clear line and a non-zero exit', async () => {
    stub.revokeClient();
    const r = await cli('tick', '--now', '2027-01-04T11:10:00Z');
    expect(r.code).not.toBe(0);
    expect(r.out.split('\n')).toHaveLength(1);
    expect(r.out).toMatch(
      /refused the token request \(invalid_client\): the client ID, secret or certificate is wrong, has expired or was revoked/,
    );
    expect(stub.refusals).toBe(1);
    const steps = await oauthChecks(loadConfig(mm.env, mm.dir));
    outputs.push(JSON.stringify(steps));
    expect(steps.map((s) => s.status)).toEqual(['ok', 'fail', 'skip', 'skip']);
    expect(steps[1].detail).toMatch(/\(invalid_client\)/);
  });

  test('no secret or token appears in any output, log, mailbox, server log or the database', async () => {
    const haystacks: [string, string][] = [
      ['CLI output', outputs.join('\n')],
      ['mentormail logs', mm.logs.join('\n')],
      ['mail server logs', await servers.logs(100_000)],
      ['database', databaseFiles().toString('latin1')],
    ];
    for (const user of USERS) {
      haystacks.push([`${user}'s mailbox`, (await fetchAll(servers, user)).map((m) => m.raw.toString('latin1')).join('\n')]);
    }
    const needles = [stub.clientSecret, ...stub.granted];
    expect(stub.granted.length).toBeGreaterThanOrEqual(5);
    for (const [where, text] of haystacks) {
      if (!where.endsWith('mailbox')) expect(text.length).toBeGreaterThan(0);
      for (const needle of needles) {
        if (text.includes(needle)) throw new Error(`${where} contains a secret or token`);
      }
    }
  });

  /** The database file and its write-ahead log, where recent writes still are. */
  function databaseFiles(): Buffer {
    const file = mm.env.MENTORMAIL_DB as string;
    return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
  }
});
