/**
 * The OAuth2 checks as `mentormail doctor` steps. The doctor (issue 9, built alongside) takes
 * a list of named steps, each `run(ctx)` giving ok / fail (problem and what to do) / skip;
 * these four have that shape, so the doctor adds them with one line:
 * `...oauthDoctorSteps()` in its list. All four come from one run of `oauthChecks`.
 */
import type { Config } from '../config';
import { oauthChecks, STEP_NAMES, type CheckStep, type OAuthCheckOptions } from './checks';

export type OAuthStepResult =
  { status: 'ok'; detail: string } | { status: 'fail'; problem: string; fix: string } | { status: 'skip'; detail: string };

export interface OAuthDoctorStep {
  name: string;
  skipUnless(ctx: { config: Config | null }): string | null;
  run(ctx: { config: Config | null }): Promise<OAuthStepResult>;
}

const README = 'see "Signing in with OAuth2" in the README';
const FIXES: Record<string, string> = {
  [STEP_NAMES.reached]: `check the settings and file named above, and that this machine can reach the token endpoint (${README})`,
  [STEP_NAMES.granted]: `ask the mail administrators to check the app registration, its secret or certificate, and its permissions (${README})`,
  [STEP_NAMES.imap]: `ask the mail administrators for the mailbox permission named above (${README})`,
  [STEP_NAMES.smtp]: `ask the mail administrators for the mailbox permission named above (${README})`,
};

function toResult(step: CheckStep): OAuthStepResult {
  return step.status === 'fail'
    ? { status: 'fail', problem: step.detail, fix: FIXES[step.name] }
    : { status: step.status, detail: step.detail };
}

export function oauthDoctorSteps(opts: OAuthCheckOptions = {}): OAuthDoctorStep[] {
  // One run per configuration: the first step runs all four checks, the others read theirs.
  const runs = new WeakMap<Config, Promise<CheckStep[]>>();
  const checksFor = (config: Config) => {
    let run = runs.get(config);
    if (!run) runs.set(config, (run = oauthChecks(config, opts)));
    return run;
  };
  return Object.values(STEP_NAMES).map((name) => ({
    name,
    skipUnless: ({ config }) => {
      if (!config) return 'needs a valid configuration';
      const t = config.transport;
      return t.kind === 'server' && t.auth.kind === 'oauth2' ? null : 'MAIL_AUTH is not oauth2';
    },
    async run({ config }) {
      if (!config) return { status: 'skip', detail: 'needs a valid configuration' };
      const step = (await checksFor(config)).find((s) => s.name === name);
      return step ? toResult(step) : { status: 'skip', detail: 'MAIL_AUTH is not oauth2' };
    },
  }));
}
