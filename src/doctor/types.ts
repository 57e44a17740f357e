import type { Config } from '../config';
import type { Db } from '../db/open';

/**
 * `mentormail doctor` is a list of named steps, run in order. A step says ok (and what it
 * saw), or what is wrong and what to do about it. Another feature adds a check by writing a
 * DoctorStep and adding it to DOCTOR_STEPS in ./index.ts: one line.
 */
export type StepResult =
  | { status: 'ok'; detail: string }
  | { status: 'fail'; problem: string; fix: string; details?: string[] }
  | { status: 'skip'; detail: string };

export interface DoctorContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Set by the configuration step; later steps may rely on it (see `needs`). */
  config: Config | null;
  /** Set by the database step when the database opens; closed by the doctor at the end. */
  db: Db | null;
  /** How long the plus-addressing check waits for its message to arrive. */
  waitMs: number;
}

export interface DoctorStep {
  /** Shown at the start of its line, e.g. "SMTP". */
  name: string;
  /** Steps that must have passed first (which may depend on the configuration); otherwise this one is skipped, saying which. */
  needs?: string[] | ((ctx: DoctorContext) => string[]);
  /** Why this step does not apply here (e.g. local mode has no SMTP), or null when it does. */
  skipUnless?: (ctx: DoctorContext) => string | null;
  run(ctx: DoctorContext): Promise<StepResult>;
}

export const ok = (detail: string): StepResult => ({ status: 'ok', detail });
export const fail = (problem: string, fix: string, details?: string[]): StepResult => ({
  status: 'fail',
  problem,
  fix,
  ...(details ? { details } : {}),
});
export const skip = (detail: string): StepResult => ({ status: 'skip', detail });
