import { clearAddressFailing } from '../db/people';
import { failInbound, finishInbound, inboundToProcess, type InboundRow } from '../db/inbound';
import { errorCode } from '../errors';
import type { Deps } from '../jobs/deps';
import { handleAnswers } from './handlers/answers';
import { handleAutoReply } from './handlers/autoReply';
import { handleBounce } from './handlers/bounce';
import { askAboutPossibleCommand, handleCommand } from './handlers/commands';
import { handleConversation } from './handlers/conversation';
import type { HandlerContext, Outcome } from './handlers/types';
import { relayBudget } from './attachments';
import { matchInbound } from './match';
import { PURPOSE_HANDLERS } from './handlers/byPurpose';
import { noProgress } from '../progress';
import { routeMatching } from './handlers/matching';

/** A message that failed this many times stays 'failed' for a person to look at. */
export const MAX_ATTEMPTS = 5;

function route(ctx: HandlerContext): Outcome {
  const { deps, mail } = ctx;
  if (mail.kind === 'bounce') return handleBounce(ctx);
  const result = matchInbound(deps.db, deps.config.address, {
    from: mail.from,
    recipients: mail.recipients,
    inReplyTo: mail.in_reply_to,
    references: mail.references,
  });
  // Matching: the coordinator's APPROVE, and people not yet paired writing without a token.
  const matching = routeMatching(ctx, result);
  if (matching) return matching;
  if ('held' in result) return { state: mail.kind === 'auto_reply' ? 'ignored' : 'held', outcome: `held_${result.held}` };
  const { match } = result;
  if (mail.kind === 'auto_reply') return handleAutoReply(ctx, match);
  // They wrote to us, so their address works again.
  if (match.person.address_failing_since) clearAddressFailing(deps.db, match.person.id);
  // A reply to a token minted for a purpose of its own (a match request, an evaluation...) has its own handler.
  const special = PURPOSE_HANDLERS[match.purpose];
  if (special) return special(ctx, match);
  // STOP, PAUSE, RESUME from either side are acted on and never relayed.
  if (match.purpose === 'unsubscribe' || mail.command) return handleCommand(ctx, match);
  // Words that may mean a command: asked about once; the message is still handled as usual.
  askAboutPossibleCommand(ctx, match.person, match.roundId);
  if (match.person.role === 'trainee') {
    if (match.person.status === 'withdrawn') return { state: 'held', outcome: 'trainee_withdrawn', person_id: match.person.id };
    if (match.purpose === 'answers' && match.roundId !== null) return handleAnswers(ctx, match);
  }
  return handleConversation(ctx, match);
}

/**
 * Acts on one stored message. Everything it decides (answers, record, queued mail, state) is
 * committed in one transaction, so a failure leaves the message to be retried, error kept.
 */
export async function processInbound(deps: Deps, row: InboundRow, now: Date): Promise<Outcome> {
  try {
    // The reading pipeline (mailparser, and handlebars for our wording) loads with the first message: an idle tick has none.
    const [{ analyseReply }, { loadOurWording }, { loadPulse, pulseShape }] = await Promise.all([
      import('../reading'),
      import('../mail/ourWording'),
      import('../pulse/definition'),
    ]);
    const mail = await analyseReply(row.raw, deps.questionnaire, {
      ourWording: loadOurWording(),
      receivedAt: new Date(row.received_at),
      // Attachments past what can be relayed are counted, not held: a 30 MB scan costs no 30 MB.
      keepAttachmentBytes: relayBudget(deps.config),
      pulse: pulseShape(loadPulse(deps.config.pulsePath)),
    });
    return deps.db.transaction((): Outcome => {
      const outcome = route({ deps, inboundId: row.id, mail, now });
      finishInbound(deps.db, row.id, { kind: mail.kind, ...outcome }, now);
      return outcome;
    })();
  } catch (err) {
    failInbound(deps.db, row.id, errorCode(err), now);
    deps.logger.log('error', 'inbound.failed', { inbound_id: row.id, error: errorCode(err), attempts: row.attempts + 1 });
    return { state: 'failed', outcome: 'error' };
  }
}

export async function processPendingInbound(deps: Deps, now: Date): Promise<void> {
  const waiting = inboundToProcess(deps.db, MAX_ATTEMPTS);
  const bar = (deps.progress ?? noProgress).start('Reading replies', waiting.count);
  try {
    for (const row of waiting.rows()) {
      const outcome = await processInbound(deps, row, now);
      deps.logger.log('info', `inbound.${outcome.outcome}`, {
        inbound_id: row.id,
        state: outcome.state,
        person_id: outcome.person_id,
        round_id: outcome.round_id,
      });
      bar.increment();
    }
  } finally {
    bar.stop();
  }
}
