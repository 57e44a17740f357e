import { attachmentsOf, bodyOf, dueOutbox, markAttemptFailed, markSent, type OutboxRow } from '../db/outbox';
import { errorCode, stopsTheTick } from '../errors';
import { ServerUnreachableError } from '../mail/serverProblem';
import { noProgress } from '../progress';
import type { OutgoingMail } from '../mail/transport';
import type { Deps, Job } from './deps';

const BATCH = 50;
// Minutes to wait after the nth failed attempt; after the last the row is 'failed'.
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720, 1440];

export function retryAt(attempts: number, now: Date): Date | null {
  const minutes = BACKOFF_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}

function toOutgoing(deps: Deps, row: OutboxRow): OutgoingMail {
  const body = bodyOf(deps.db, row);
  return {
    envelopeFrom: deps.config.address,
    from: { name: row.from_name, address: deps.config.address },
    to: { name: row.to_name, address: row.to_address },
    replyTo: row.reply_to,
    subject: row.subject,
    text: body.text,
    html: body.html,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: row.references_ids ? row.references_ids.split(' ') : [],
    headers: JSON.parse(row.headers_json) as Record<string, string>,
    attachments: attachmentsOf(deps.db, row.id).map((a) => ({ filename: a.filename, contentType: a.content_type, content: a.content })),
    date: new Date(row.created_at),
  };
}

/** Short and content-free: the error's code and the SMTP reply code, never the message. */
function describeSendError(err: unknown): string {
  const e = err as { responseCode?: number; command?: string };
  return [errorCode(err), e.responseCode ? `smtp ${e.responseCode}` : null, e.command ? `at ${e.command}` : null].filter(Boolean).join(' ');
}

/** Sends one row; a failure of this message is recorded on it for a later retry. */
async function sendOne(deps: Deps, row: OutboxRow, now: Date): Promise<void> {
  try {
    await deps.transport.send(toOutgoing(deps, row));
    markSent(deps.db, row.id, now);
    deps.logger.log('info', 'mail.sent', { outbox_id: row.id, kind: row.kind, round_id: row.round_id });
  } catch (err) {
    // The server is down or refuses us: no message is at fault, so none uses up an attempt;
    // the tick reports the server and the rest wait for the next tick.
    if (err instanceof ServerUnreachableError || stopsTheTick(err)) throw err;
    const next = retryAt(row.attempts + 1, now);
    markAttemptFailed(deps.db, row.id, describeSendError(err), next);
    deps.logger.log(next ? 'warn' : 'error', next ? 'mail.send_retry' : 'mail.send_failed', {
      outbox_id: row.id,
      kind: row.kind,
      error: errorCode(err),
      attempts: row.attempts + 1,
    });
  }
}

export const flushOutbox: Job = {
  id: 'flush-outbox',
  async run(deps, now) {
    const due = dueOutbox(deps.db, now, BATCH);
    const bar = (deps.progress ?? noProgress).start('Sending mail', due.length);
    try {
      for (const row of due) {
        await sendOne(deps, row, now);
        bar.increment();
      }
    } finally {
      bar.stop();
    }
  },
};
