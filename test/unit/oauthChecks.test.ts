/** The doctor's OAuth2 steps, against a token endpoint on 127.0.0.1 and faked mail servers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../src/config';
import { oauthChecks, STEP_NAMES, type OAuthCheckOptions } from '../../src/oauth/checks';
import { oauthDoctorSteps } from '../../src/oauth/doctorSteps';
import { startOAuthStub, type OAuthStub } from '../harness/oauthStub';

describe('oauthChecks', () => {
  let stub: OAuthStub;
  let dir: string;
  let config: Config;
  const imapLogins: string[] = [];
  const smtpLogins: string[] = [];

  const fakes = (imap: 'ok' | 'refuse' | 'down' = 'ok', smtp: 'ok' | 'refuse' | 'down' = 'ok'): OAuthCheckOptions => ({
    connectImap: (_endpoint, token) => ({
      on: () => undefined,
      connect: () => {
        imapLogins.push(token);
        if (imap === 'refuse')
          return Promise.reject(Object.assign(new Error('no'), { authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED' }));
        if (imap === 'down') return Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
        return Promise.resolve();
      },
      logout: () => Promise.resolve(),
      close: () => undefined,
    }),
    verifySmtp: (_endpoint, user, token) => {
      smtpLogins.push(`${user} ${token}`);
      if (smtp === 'refuse') return Promise.reject(Object.assign(new Error('535'), { code: 'EAUTH', responseCode: 535 }));
      if (smtp === 'down') return Promise.reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
      return Promise.resolve();
    },
  });

  beforeEach(async () => {
    imapLogins.length = 0;
    smtpLogins.length = 0;
    stub = await startOAuthStub({ username: 'bot@example.test', lifetimeSeconds: 3600 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-checks-'));
    const secret = path.join(dir, 'secret');
    fs.writeFileSync(secret, stub.clientSecret, { mode: 0o600 });
    config = parseConfig({
      MENTORMAIL_ADDRESS: 'bot@example.test',
      MENTORMAIL_COORDINATOR: 'coordinator@example.test',
      SMTP_URL: 'smtp://127.0.0.1:2587',
      IMAP_URL: 'imap://127.0.0.1:2143',
      MAIL_AUTH: 'oauth2',
      OAUTH_PROVIDER: 'generic',
      OAUTH_TOKEN_URL: stub.tokenUrl,
      OAUTH_CLIENT_ID: stub.clientId,
      OAUTH_CLIENT_SECRET_FILE: secret,
    });
  });
  afterEach(async () => {
    await stub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const noTokenIn = (steps: { detail: string }[]) => {
    const text = JSON.stringify(steps);
    for (const secret of [stub.clientSecret, ...stub.granted]) expect(text).not.toContain(secret);
  };

  it('has no steps with MAIL_AUTH=password', async () => {
    expect(await oauthChecks(parseConfig({}))).toEqual([]);
    expect(
      await oauthChecks(
        parseConfig({
          ...{ MENTORMAIL_ADDRESS: 'a@b.org', MENTORMAIL_COORDINATOR: 'c@b.org' },
          SMTP_URL: 'smtps://m.b.org',
          IMAP_URL: 'imaps://m.b.org',
        }),
      ),
    ).toEqual([]);
  });

  it('reports the four steps, the expiry shown, the token never', async () => {
    const steps = await oauthChecks(config, fakes());
    const expires = new Date(Date.now() + 3600_000);
    expect(steps).toEqual([
      { name: STEP_NAMES.reached, status: 'ok', detail: `the token endpoint ${stub.tokenUrl} answered` },
      {
        name: STEP_NAMES.granted,
        status: 'ok',
        detail: expect.stringMatching(/^for bot@example\.test, expires \d{4}-\d\d-\d\dT[\d:.]+Z \(in (59|60) min\)$/),
      },
      { name: STEP_NAMES.imap, status: 'ok', detail: 'bot@example.test logged in to 127.0.0.1:2143' },
      { name: STEP_NAMES.smtp, status: 'ok', detail: 'bot@example.test logged in to 127.0.0.1:2587' },
    ]);
    const shown = new Date(/expires (\S+)/.exec(steps[1].detail)![1]);
    expect(Math.abs(shown.getTime() - expires.getTime())).toBeLessThan(60_000);
    expect(imapLogins).toEqual([stub.granted[0]]);
    expect(smtpLogins).toEqual([`bot@example.test ${stub.granted[0]}`]);
    noTokenIn(steps);
  });

  it('a refused client: reached, not granted, logins skipped', async () => {
    stub.revokeClient();
    const steps = await oauthChecks(config, fakes());
    expect(steps.map((s) => [s.name, s.status])).toEqual([
      [STEP_NAMES.reached, 'ok'],
      [STEP_NAMES.granted, 'fail'],
      [STEP_NAMES.imap, 'skip'],
      [STEP_NAMES.smtp, 'skip'],
    ]);
    expect(steps[1].detail).toMatch(/refused the token request \(invalid_client\)/);
    expect(imapLogins).toEqual([]);
    noTokenIn(steps);
  });

  it('an endpoint that does not answer: not reached, the rest skipped', async () => {
    await stub.stop();
    const steps = await oauthChecks(config, fakes());
    expect(steps.map((s) => s.status)).toEqual(['fail', 'skip', 'skip', 'skip']);
    expect(steps[0].detail).toMatch(/could not be reached: ECONNREFUSED/);
  });

  it('a bad secret file is named by its variable', async () => {
    const t = config.transport;
    if (t.kind !== 'server' || t.auth.kind !== 'oauth2' || t.auth.provider.kind !== 'generic') throw new Error('generic expected');
    fs.chmodSync(t.auth.provider.secretFile, 0o644);
    const steps = await oauthChecks(config, fakes());
    expect(steps[0]).toMatchObject({ status: 'fail', detail: expect.stringMatching(/OAUTH_CLIENT_SECRET_FILE: .* has mode 0644/) });
  });

  it('logins refused or servers unreachable are told apart, each step on its own', async () => {
    let steps = await oauthChecks(config, fakes('refuse', 'down'));
    expect(steps.slice(2)).toEqual([
      {
        name: STEP_NAMES.imap,
        status: 'fail',
        detail: expect.stringMatching(/^the IMAP server refused .*\(AUTHENTICATIONFAILED\): .*IMAP\.AccessAsApp/),
      },
      { name: STEP_NAMES.smtp, status: 'fail', detail: '127.0.0.1:2587 could not be reached or did not offer XOAUTH2 (ETIMEDOUT)' },
    ]);
    steps = await oauthChecks(config, fakes('down', 'refuse'));
    expect(steps.slice(2)).toEqual([
      { name: STEP_NAMES.imap, status: 'fail', detail: '127.0.0.1:2143 could not be reached (ECONNREFUSED)' },
      {
        name: STEP_NAMES.smtp,
        status: 'fail',
        detail: expect.stringMatching(/^the SMTP server refused .*\(SMTP 535\): .*SMTP\.SendAsApp/),
      },
    ]);
  });
});

describe('oauthDoctorSteps', () => {
  it('gives the four checks as doctor steps, from one run, failures with what to do', async () => {
    const stub = await startOAuthStub({ username: 'bot@example.test' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-doctor-'));
    try {
      const secret = path.join(dir, 'secret');
      fs.writeFileSync(secret, stub.clientSecret, { mode: 0o600 });
      const config = parseConfig({
        MENTORMAIL_ADDRESS: 'bot@example.test',
        MENTORMAIL_COORDINATOR: 'coordinator@example.test',
        SMTP_URL: 'smtp://127.0.0.1:2587',
        IMAP_URL: 'imap://127.0.0.1:2143',
        MAIL_AUTH: 'oauth2',
        OAUTH_PROVIDER: 'generic',
        OAUTH_TOKEN_URL: stub.tokenUrl,
        OAUTH_CLIENT_ID: stub.clientId,
        OAUTH_CLIENT_SECRET_FILE: secret,
      });
      const steps = oauthDoctorSteps({
        connectImap: () => ({
          on: () => undefined,
          connect: () => Promise.reject(Object.assign(new Error('no'), { authenticationFailed: true })),
          logout: () => Promise.resolve(),
          close: () => undefined,
        }),
        verifySmtp: () => Promise.resolve(),
      });
      expect(steps.map((s) => s.name)).toEqual(Object.values(STEP_NAMES));
      expect(steps.map((s) => s.skipUnless({ config }))).toEqual([null, null, null, null]);
      expect(steps[0].skipUnless({ config: parseConfig({}) })).toBe('MAIL_AUTH is not oauth2');
      const results = [];
      for (const step of steps) results.push(await step.run({ config }));
      expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'fail', 'ok']);
      expect(results[2]).toMatchObject({
        problem: expect.stringMatching(/^the IMAP server refused/),
        fix: expect.stringMatching(/mailbox permission/),
      });
      expect(stub.granted).toHaveLength(1); // one run for the four steps
    } finally {
      await stub.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
