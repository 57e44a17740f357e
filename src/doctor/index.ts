import type { Out } from '../commands/context';
import { configurationStep } from './steps/configuration';
import { databaseStep } from './steps/database';
import { imapStep } from './steps/imap';
import { encryptionKeyStep } from './steps/key';
import { localFoldersStep } from './steps/localFolders';
import { plusAddressingStep } from './steps/plusAddressing';
import { smtpStep } from './steps/smtp';
import { oauthDoctorSteps } from '../oauth/doctorSteps';
import { skip, type DoctorContext, type DoctorStep, type StepResult } from './types';

/** Every check, in order. A feature adds its own with one line here (e.g. OAuth tokens). */
export const DOCTOR_STEPS: readonly DoctorStep[] = [
  configurationStep,
  databaseStep,
  encryptionKeyStep,
  localFoldersStep,
  smtpStep,
  imapStep,
  ...oauthDoctorSteps(),
  plusAddressingStep,
];

const LABEL = { ok: 'ok  ', fail: 'FAIL', skip: 'skip' } as const;

async function runStep(step: DoctorStep, ctx: DoctorContext, passed: Set<string>): Promise<StepResult> {
  const notHere = ctx.config ? step.skipUnless?.(ctx) : null;
  if (notHere) return skip(notHere);
  const needs = typeof step.needs === 'function' ? step.needs(ctx) : (step.needs ?? []);
  const missing = needs.filter((n) => !passed.has(n));
  if (missing.length > 0) return skip(`needs ${missing.join(' and ')} to pass first`);
  try {
    return await step.run(ctx);
  } catch (err) {
    // A check that throws is a failed check, not a crashed doctor; the code only, never content.
    return {
      status: 'fail',
      problem: `the check itself failed (${(err as { code?: string }).code ?? (err as Error).name})`,
      fix: 'run again with MENTORMAIL_LOG_LEVEL=debug',
    };
  }
}

/** Runs the steps, one line each (and what to do under a failure); returns how many failed. */
export async function runDoctor(ctx: DoctorContext, out: Out, steps: readonly DoctorStep[] = DOCTOR_STEPS): Promise<number> {
  const passed = new Set<string>();
  let failed = 0;
  let ran = 0;
  try {
    for (const step of steps) {
      const result = await runStep(step, ctx, passed);
      if (result.status === 'ok') passed.add(step.name);
      if (result.status !== 'skip') ran++;
      if (result.status === 'fail') failed++;
      out(`${LABEL[result.status]}  ${step.name}: ${result.status === 'fail' ? result.problem : result.detail}`);
      if (result.status === 'fail') {
        for (const d of result.details ?? []) out(`        ${d}`);
        if (result.fix) out(`        what to do: ${result.fix}`);
      }
    }
  } finally {
    ctx.db?.close();
  }
  out(failed === 0 ? `All ${ran} checks passed.` : `${failed} of ${ran} checks failed.`);
  return failed;
}
