import {
  addEvaluationComment,
  answeredItems,
  getEvaluation,
  saveEvaluationAnswers,
  updateEvaluation,
  type Evaluation,
} from '../db/evaluations';
import type { Person } from '../db/people';
import type { Deps } from '../jobs/deps';
import { queueEvaluationFollowup, queueEvaluationThanks, type Thread } from '../mail/emails';
import { evaluationValue, readEvaluation } from '../reading/5-answers/evaluation';
import type { PulseRating } from '../reading/5-answers/pulse';
import { loadEvaluation } from './definition';

export type EvaluationOutcome = 'evaluation_complete' | 'evaluation_partial' | 'evaluation_unread';

/**
 * A reply to the survey: keeps what it answers (numbers only; the free text in the person's own
 * record), asks once for what is missing, and thanks them once it is complete.
 */
export function answerEvaluation(
  deps: Deps,
  args: { evaluation: Evaluation; person: Person; replyText: string; pulse: PulseRating[] | null; inboundId: number; thread: Thread },
  now: Date,
): EvaluationOutcome {
  const { db } = deps;
  const form = loadEvaluation()[args.evaluation.role];
  const read = readEvaluation(args.replyText, form.items);
  // "Q2=4" lines were taken out as pulse ratings before this reply reached here: numbers still count.
  for (const r of args.pulse ?? []) {
    const item = form.items.find((i) => i.number === r.question);
    if (!item || item.key in read.values || r.value === null) continue;
    const value = evaluationValue(item.answer, String(r.value));
    if (value !== undefined) read.values[item.key] = value;
  }
  if (Object.keys(read.values).length === 0 && read.comment === null && read.unusable.length === 0) return 'evaluation_unread';

  saveEvaluationAnswers(db, args.evaluation.id, read.values, args.inboundId, now);
  if (read.comment) addEvaluationComment(db, args.evaluation.id, read.comment);
  const answered = answeredItems(db, args.evaluation.id);
  const missing = form.items.filter((i) => i.answer !== 'free_text' && !answered.has(i.key)).map((i) => i.key);
  const complete = missing.length === 0;
  const at = now.toISOString();
  const before = getEvaluation(db, args.evaluation.id);
  const askAgain = new Set([...missing, ...read.unusable.filter((k) => !answered.has(k))]);
  const followup = askAgain.size > 0 && before.followup_sent_at === null;
  if (followup) queueEvaluationFollowup(deps, { evaluation: before, person: args.person, form, keys: askAgain, thread: args.thread }, now);
  if (complete) queueEvaluationThanks(deps, { evaluation: before, person: args.person, thread: args.thread }, now);
  updateEvaluation(db, before.id, {
    state: complete ? 'complete' : 'answered',
    answered_at: before.answered_at ?? at,
    completed_at: complete ? (before.completed_at ?? at) : before.completed_at,
    followup_sent_at: followup ? at : before.followup_sent_at,
  });
  return complete ? 'evaluation_complete' : 'evaluation_partial';
}
