import type { Deps } from '../../jobs/deps';
import type { InboundState } from '../../db/inbound';
import type { ReplyAnalysis } from '../../reading';
import type { Match } from '../match';

/** What handling one inbound message decided; stored on its row (no content). */
export interface Outcome {
  state: InboundState;
  outcome: string;
  person_id?: number | null;
  round_id?: number | null;
}

export interface HandlerContext {
  deps: Deps;
  inboundId: number;
  mail: ReplyAnalysis;
  now: Date;
}

export type MatchedHandler = (ctx: HandlerContext, match: Match) => Outcome;
