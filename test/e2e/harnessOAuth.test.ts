/** Proves the harness's `oauth` option: only a live token lets the bot in, and submission needs AUTH. */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { startMailServers, type MailServers } from '../harness/mailServers';
import { fetchAll, waitForMail } from '../harness/mailbox';
import { startOAuthStub, type OAuthStub } from '../harness/oauthStub';

jest.setTimeout(120_000);

describe('mail server harness with oauth', () => {
  let stub: OAuthStub;
  let servers: MailServers;

  beforeAll(async () => {
    stub = await startOAuthStub({ username: 'bot@example.test' });
    servers = await startMailServers({ users: ['bot', 'alice'], oauth: { introspectionUrl: stub.introspectionUrl } });
  });
  afterAll(async () => {
    await servers?.stop();
    await stub?.stop();
  });

  async function token(): Promise<string> {
    const basic = Buffer.from(`${stub.clientId}:${stub.clientSecret}`).toString('base64');
    const res = await fetch(stub.tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  const imapLogin = async (accessToken: string) => {
    const client = new ImapFlow({
      host: servers.host,
      port: servers.imapPort,
      secure: false,
      auth: { user: 'bot@example.test', accessToken },
      logger: false,
    });
    client.on('error', () => undefined);
    await client.connect();
    await client.logout();
  };

  const submit = (auth?: { type: 'OAuth2'; user: string; accessToken: string }) => {
    const transport = nodemailer.createTransport({
      host: servers.host,
      port: servers.submissionPort!,
      secure: false,
      ignoreTLS: true,
      auth,
    });
    return transport
      .sendMail({ from: 'bot@example.test', to: 'alice@example.test', subject: 'via submission', text: 'hello' })
      .finally(() => transport.close());
  };

  it('gives a submission port only with the option', () => {
    expect(servers.submissionPort).toEqual(expect.any(Number));
  });

  it('lets the bot into IMAP with a live token (OAUTHBEARER) and refuses a dead one', async () => {
    await imapLogin(await token());
    stub.killIssuedTokens();
    await expect(imapLogin(stub.granted[0])).rejects.toMatchObject({
      authenticationFailed: true,
      serverResponseCode: 'AUTHENTICATIONFAILED',
    });
    expect(stub.introspections).toEqual({ active: 1, inactive: 1 });
  });

  it('refuses submission without AUTH or with a dead token, and delivers with a live one (XOAUTH2 through Dovecot SASL)', async () => {
    await expect(submit()).rejects.toMatchObject({ responseCode: 554 });
    await expect(submit({ type: 'OAuth2', user: 'bot@example.test', accessToken: 'not-a-token' })).rejects.toMatchObject({
      code: 'EAUTH',
      responseCode: 535,
    });
    expect(await fetchAll(servers, 'alice')).toHaveLength(0);
    await submit({ type: 'OAuth2', user: 'bot@example.test', accessToken: await token() });
    const [received] = await waitForMail(servers, 'alice', 1);
    expect(received.parsed.subject).toBe('via submission');
  });

  it('keeps password logins for the people the tests play', async () => {
    expect(await fetchAll(servers, 'alice')).toHaveLength(1); // fetchAll logs in with the password
  });
});
