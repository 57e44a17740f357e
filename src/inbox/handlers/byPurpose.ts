import type { TokenPurpose } from '../../db/tokens';
import { handleProfileReply, handleRequestReply, handleShortlistReply } from './matching';
import { handleCommandQuestionReply } from './commands';
import { handleEvaluationReply } from './evaluation';
import { handlePulseReply } from './pulse';
import type { MatchedHandler } from './types';

/**
 * Replies to a token minted for a purpose with its own handler. Answers, conversation and
 * unsubscribe are routed in process.ts; a feature that mints tokens of a new purpose (a match
 * request, an evaluation, a confirmation) adds its handler here.
 */
export const PURPOSE_HANDLERS: Partial<Record<TokenPurpose, MatchedHandler>> = {
  profile: handleProfileReply,
  shortlist: handleShortlistReply,
  match_request: handleRequestReply,
  command_question: handleCommandQuestionReply,
  pulse: handlePulseReply,
  evaluation: handleEvaluationReply,
};
