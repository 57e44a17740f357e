import { DOCTOR_STEPS, runDoctor } from '../../src/doctor';
import { configurationStep } from '../../src/doctor/steps/configuration';
import { fail, ok, type DoctorContext, type DoctorStep } from '../../src/doctor/types';

const context = (env: NodeJS.ProcessEnv = {}): DoctorContext => ({ env, cwd: '/nonexistent', config: null, db: null, waitMs: 1000 });

describe('the doctor runs a list of named steps', () => {
  test('a feature adds a check with one step; needs, skips, failures and a throwing check are reported line by line', async () => {
    const token: DoctorStep = {
      name: 'OAuth token',
      needs: ['configuration'],
      run: async () => fail('the token has expired', 'sign in again'),
    };
    const after: DoctorStep = { name: 'mailbox', needs: ['OAuth token'], run: async () => ok('fine') };
    const broken: DoctorStep = {
      name: 'broken',
      run: async () => {
        throw Object.assign(new Error('socket says: secret content'), { code: 'EWEIRD' });
      },
    };
    const lines: string[] = [];
    const failed = await runDoctor(context(), (l) => lines.push(l), [configurationStep, token, after, broken]);
    expect(failed).toBe(2);
    expect(lines).toEqual([
      expect.stringMatching(/^ok {4}configuration: local mail folder /),
      'FAIL  OAuth token: the token has expired',
      '        what to do: sign in again',
      'skip  mailbox: needs OAuth token to pass first',
      'FAIL  broken: the check itself failed (EWEIRD)',
      '        what to do: run again with MENTORMAIL_LOG_LEVEL=debug',
      '2 of 3 checks failed.',
    ]);
  });

  test('the built-in steps, in order', () => {
    expect(DOCTOR_STEPS.map((s) => s.name)).toEqual([
      'configuration',
      'database',
      'encryption key',
      'local mail folder',
      'SMTP',
      'IMAP',
      'OAuth2 token endpoint reached',
      'OAuth2 token granted',
      'IMAP login with the OAuth2 token',
      'SMTP login with the OAuth2 token',
      'plus-addressing',
    ]);
  });
});
