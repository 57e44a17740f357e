import { stopsTheTick } from '../errors';
import { processPendingInbound } from '../inbox/process';
import { ServerUnreachableError, type ServerKind } from '../mail/serverProblem';
import type { Deps, Job } from './deps';
import { flushOutbox } from './flushOutbox';
import { settleMatchRequests } from './matchRequests';
import { remindEvaluations, sendEvaluations } from './evaluations';
import { healthChecks } from './health';
import { mailMonthlyReport } from './reportEmail';
import { pollInbox } from './pollInbox';
import { remindMentors, remindTrainees } from './reminders';
import { resumeEndedPauses } from './resumePauses';
import { createDueRounds, sendQuestionnaires } from './rounds';

const processInbound: Job = { id: 'process-inbound', run: (deps, now) => processPendingInbound(deps, now) };

/** One tick, in order: read mail, act on it, decide what is due, send. */
export const JOBS: readonly Job[] = [
  pollInbox,
  processInbound,
  resumeEndedPauses,
  createDueRounds,
  sendQuestionnaires,
  remindTrainees,
  remindMentors,
  settleMatchRequests,
  healthChecks,
  sendEvaluations,
  remindEvaluations,
  mailMonthlyReport,
  flushOutbox,
];

export interface TickReport {
  /** `server`: a mail server that could not be used, with the one line saying which and why. */
  failed: { job: string; error: string; server?: { kind: ServerKind; line: string } }[];
}

/**
 * Runs every job once for `now`. A failing job (say, the IMAP server is down) is logged and
 * the others still run: sending must not stop because reading failed.
 */
export async function tick(deps: Deps, now: Date, jobs: readonly Job[] = JOBS): Promise<TickReport> {
  const failed: TickReport['failed'] = [];
  deps.logger.log('debug', 'tick.start', { now: now.toISOString() });
  for (const job of jobs) {
    try {
      await job.run(deps, now);
    } catch (err) {
      // A refused mail login fails every job that touches mail: stop and say so once.
      if (stopsTheTick(err)) {
        deps.logger.log('error', 'tick.stopped', { job: job.id, error: err.code });
        throw err;
      }
      const code = (err as { code?: string }).code ?? (err as Error).name ?? 'UNKNOWN';
      failed.push({
        job: job.id,
        error: String(code),
        ...(err instanceof ServerUnreachableError ? { server: { kind: err.server, line: err.message } } : {}),
      });
      deps.logger.log('error', 'job.failed', { job: job.id, error: String(code) });
    }
  }
  deps.logger.log('debug', 'tick.done', { failed: failed.length });
  return { failed };
}
