/**
 * Logging in with tokens: IMAP (imapflow, client faked) and SMTP (real nodemailer against a
 * minimal SMTP server on 127.0.0.1 that refuses tokens the way Exchange Online does: a plain
 * 535, no error challenge), and what a tick does when the login itself is refused.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { MentormailError, stopsTheTick } from '../../src/errors';
import { imapSource, type ImapClient } from '../../src/inbox/imapSource';
import { memoryLogger } from '../../src/log';
import { queueMail } from '../../src/mail/outbox';
import { smtpTransport, type MailTransport, type OutgoingMail } from '../../src/mail/transport';
import { accessTokens, type AccessTokens } from '../../src/oauth/accessTokens';
import { loginRefused } from '../../src/oauth/mailLogin';
import { makeWorld } from '../support/world';

jest.setTimeout(30_000);

/** Real cache, fake provider granting token-1, token-2, ... (or refusing). */
function tokensFor(user = 'bot@example.org') {
  const provider = { calls: 0, refuse: false };
  const logger = memoryLogger();
  const tokens = accessTokens({
    user,
    logger,
    grantor: {
      identity: 'test',
      endpoint: 'the test endpoint',
      secret: () => Buffer.from('s'),
      fetch: () => {
        provider.calls++;
        if (provider.refuse) {
          return Promise.reject(new MentormailError('OAUTH_TOKEN_REFUSED', 'the test endpoint refused the token request (invalid_client)'));
        }
        return Promise.resolve({ accessToken: `token-${provider.calls}`, expiresAt: new Date(Date.now() + 3600_000) });
      },
    },
  });
  return { tokens, provider, logs: logger.lines };
}

const authFailed = () =>
  Object.assign(new Error('Command failed'), { authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED' });

/** An IMAP client for an empty mailbox that accepts only the tokens in `good`. */
function fakeImap(good: Set<string>) {
  const logins: (string | undefined)[] = [];
  const connect = (accessToken?: string): ImapClient => {
    logins.push(accessToken);
    return {
      on: () => undefined,
      connect: () => (accessToken && good.has(accessToken) ? Promise.resolve() : Promise.reject(authFailed())),
      logout: () => Promise.resolve(),
      close: () => undefined,
      mailbox: { uidValidity: 1n },
      getMailboxLock: () => Promise.resolve({ path: 'INBOX', release: () => undefined }),
      search: () => Promise.resolve([]),
    } as unknown as ImapClient;
  };
  return { logins, connect };
}

function sourceWith(tokens: AccessTokens, connect: (t?: string) => ImapClient, logger = memoryLogger()) {
  return imapSource({
    endpoint: { host: '127.0.0.1', port: 1, tls: 'none', user: 'bot@example.org' },
    mailbox: 'INBOX',
    maxMessageBytes: 1000,
    cursor: () => null,
    logger,
    tokens,
    connect,
  });
}

describe('IMAP with a token', () => {
  it('logs in with the cached token', async () => {
    const { tokens, provider } = tokensFor();
    const imap = fakeImap(new Set(['token-1']));
    await sourceWith(tokens, imap.connect).poll(() => undefined);
    await sourceWith(tokens, imap.connect).poll(() => undefined);
    expect(imap.logins).toEqual(['token-1', 'token-1']);
    expect(provider.calls).toBe(1);
  });

  it('renews a refused token once and logs in again', async () => {
    const { tokens, provider } = tokensFor();
    const imap = fakeImap(new Set(['token-2']));
    const logger = memoryLogger();
    await sourceWith(tokens, imap.connect, logger).poll(() => undefined);
    expect(imap.logins).toEqual(['token-1', 'token-2']);
    expect(provider.calls).toBe(2);
    expect(logger.lines.join('\n')).toContain('imap.token_refused_retrying');
  });

  it('refused with a new token too: MAIL_LOGIN_REFUSED, which stops the tick, naming what to check', async () => {
    const { tokens } = tokensFor();
    const imap = fakeImap(new Set());
    const err = (await sourceWith(tokens, imap.connect)
      .poll(() => undefined)
      .catch((e: unknown) => e)) as MentormailError;
    expect(err.code).toBe('MAIL_LOGIN_REFUSED');
    expect(stopsTheTick(err)).toBe(true);
    expect(err.message).toMatch(
      /^the IMAP server refused bot@example.org's login with a newly granted OAuth token \(AUTHENTICATIONFAILED\): .*IMAP.AccessAsApp/,
    );
    expect(imap.logins).toEqual(['token-1', 'token-2']);
  });

  it('a provider refusing the client is passed on at once, without a second try', async () => {
    const { tokens, provider } = tokensFor();
    provider.refuse = true;
    const imap = fakeImap(new Set());
    await expect(sourceWith(tokens, imap.connect).poll(() => undefined)).rejects.toMatchObject({ code: 'OAUTH_TOKEN_REFUSED' });
    expect(provider.calls).toBe(1);
    expect(imap.logins).toEqual([]);
  });
});

/**
 * Just enough SMTP to log in with XOAUTH2 and take a message. `refuse` is how a bad token is
 * answered: 'direct' is Exchange Online's plain 535; 'challenge' is RFC 7628's 334 first.
 */
async function smtpServer(good: Set<string>, refuse: 'direct' | 'challenge') {
  const seen = { tokens: [] as string[], messages: 0 };
  const server = net.createServer((socket) => {
    let data = false;
    let authed = false;
    let buffer = '';
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 test ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            seen.messages++;
            say('250 2.0.0 queued');
          }
          continue;
        }
        const [verb, mech, payload] = line.split(' ');
        if (/^EHLO$/i.test(verb)) say('250-test\r\n250 AUTH XOAUTH2');
        else if (/^AUTH$/i.test(verb) && mech === 'XOAUTH2') {
          // XOAUTH2: user=...^Aauth=Bearer TOKEN^A^A
          const fields = Buffer.from(payload ?? '', 'base64')
            .toString()
            .split('\u0001');
          const token = fields.find((f) => f.startsWith('auth=Bearer '))?.slice('auth=Bearer '.length) ?? '';
          seen.tokens.push(token);
          if (good.has(token)) {
            authed = true;
            say('235 2.7.0 Authentication successful');
          } else if (refuse === 'direct') say('535 5.7.3 Authentication unsuccessful');
          else say(`334 ${Buffer.from('{"status":"401"}').toString('base64')}`);
        } else if (line === '' && refuse === 'challenge') say('535 5.7.8 Error: authentication failed');
        else if (/^MAIL$/i.test(verb)) say(authed ? '250 2.1.0 Ok' : '530 5.7.0 Authentication required');
        else if (/^RCPT$/i.test(verb)) say('250 2.1.5 Ok');
        else if (/^DATA$/i.test(verb)) {
          data = true;
          say('354 go ahead');
        } else if (/^QUIT$/i.test(verb)) {
          say('221 bye');
          socket.end();
        } else say('502 5.5.2 not implemented');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    seen,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const mail = (n: number): OutgoingMail => ({
  envelopeFrom: 'bot@example.org',
  from: { name: 'E-mentoring', address: 'bot@example.org' },
  to: { name: null, address: 'priya@example.org' },
  replyTo: null,
  subject: `message ${n}`,
  text: 'hello',
  html: null,
  messageId: `<m${n}@example.org>`,
  inReplyTo: null,
  references: [],
  headers: {},
  attachments: [],
  date: new Date('2027-01-04T10:00:00Z'),
});

describe.each(['direct', 'challenge'] as const)('SMTP with a token (a refused token answered %s)', (refuse) => {
  let transport: MailTransport | undefined;
  afterEach(() => transport?.close());

  it('logs in with the cached token, for each new connection', async () => {
    const server = await smtpServer(new Set(['token-1']), refuse);
    try {
      const { tokens, provider } = tokensFor();
      transport = smtpTransport({ host: '127.0.0.1', port: server.port, tls: 'none', user: 'bot@example.org' }, tokens);
      await transport.send(mail(1));
      await transport.send(mail(2));
      expect(server.seen).toEqual({ tokens: ['token-1', 'token-1'], messages: 2 });
      expect(provider.calls).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('renews a token refused at AUTH and sends the message once', async () => {
    const server = await smtpServer(new Set(['token-2']), refuse);
    try {
      const { tokens, provider, logs } = tokensFor();
      transport = smtpTransport({ host: '127.0.0.1', port: server.port, tls: 'none', user: 'bot@example.org' }, tokens);
      await transport.send(mail(1));
      expect(server.seen).toEqual({ tokens: ['token-1', 'token-2'], messages: 1 });
      expect(provider.calls).toBe(2);
      expect(logs.filter((l) => l.includes('oauth.token_refused_by_server'))).toHaveLength(1);
      await transport.send(mail(2)); // and keeps the new one
      expect(server.seen.tokens).toEqual(['token-1', 'token-2', 'token-2']);
    } finally {
      await server.close();
    }
  });

  it('refused with a new token too: MAIL_LOGIN_REFUSED naming SMTP.SendAsApp, renewed only once', async () => {
    const server = await smtpServer(new Set(), refuse);
    try {
      const { tokens, provider } = tokensFor();
      transport = smtpTransport({ host: '127.0.0.1', port: server.port, tls: 'none', user: 'bot@example.org' }, tokens);
      const err = (await transport.send(mail(1)).catch((e: unknown) => e)) as MentormailError;
      expect(err.code).toBe('MAIL_LOGIN_REFUSED');
      expect(err.message).toMatch(
        /^the SMTP server refused bot@example.org's login with a newly granted OAuth token \(SMTP 535\): .*SMTP.SendAsApp/,
      );
      expect(provider.calls).toBe(2);
      expect(server.seen.messages).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a provider refusing the client comes out with its own code, not nodemailer’s EAUTH', async () => {
    const server = await smtpServer(new Set(), refuse);
    try {
      const { tokens, provider } = tokensFor();
      provider.refuse = true;
      transport = smtpTransport({ host: '127.0.0.1', port: server.port, tls: 'none', user: 'bot@example.org' }, tokens);
      await expect(transport.send(mail(1))).rejects.toMatchObject({ code: 'OAUTH_TOKEN_REFUSED' });
      expect(server.seen.tokens).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('a refused login during a tick', () => {
  it('stops the tick with that error and charges no message an attempt', async () => {
    const world = makeWorld();
    try {
      const refusing: MailTransport = {
        send: () => Promise.reject(loginRefused('SMTP', 'mentoring@scheme.example', 'SMTP 535')),
        close: () => undefined,
      };
      world.deps.transport = refusing;
      const now = new Date('2027-01-04T10:00:00Z');
      for (const n of [1, 2]) {
        queueMail(
          world.deps.db,
          { address: 'mentoring@scheme.example', fromName: 'E-mentoring' },
          {
            dedupeKey: `test:${n}`,
            kind: 'notice',
            to: { address: `p${n}@example.org`, name: null, personId: null },
            email: { subject: 's', text: 't', html: '<p>t</p>' },
          },
          now,
        );
      }
      await expect(world.tick(now)).rejects.toMatchObject({ code: 'MAIL_LOGIN_REFUSED' });
      const rows = world.deps.db.prepare('SELECT state, attempts, last_error FROM outbox ORDER BY id').all();
      expect(rows).toEqual([
        { state: 'pending', attempts: 0, last_error: null },
        { state: 'pending', attempts: 0, last_error: null },
      ]);
      expect(world.logs.join('\n')).toContain('"event":"tick.stopped"');
    } finally {
      await world.close();
    }
  });

  it('other send failures still only fail their message, as before', async () => {
    const world = makeWorld();
    try {
      world.transport.failNext = 1;
      const now = new Date('2027-01-04T10:00:00Z');
      queueMail(
        world.deps.db,
        { address: 'mentoring@scheme.example', fromName: 'E-mentoring' },
        {
          dedupeKey: 'test:1',
          kind: 'notice',
          to: { address: 'p1@example.org', name: null, personId: null },
          email: { subject: 's', text: 't', html: '' },
        },
        now,
      );
      await world.tick(now);
      expect(world.deps.db.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'pending', attempts: 1 });
    } finally {
      await world.close();
    }
  });
});
