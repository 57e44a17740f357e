import { openQuestion, recordQuestion, settleQuestions } from '../../db/commandQuestions';
import type { Person } from '../../db/people';
import { queueCommandQuestion, queuePauseDatePast } from '../../mail/emails';
import { isFuturePauseEnd, pause, resume, today, withdraw } from '../../participation';
import type { Command } from '../../reading';
import { readConfirmation } from '../../reading/4-command/confirmation';
import { replyThread } from '../threads';
import { handleAnswers } from './answers';
import type { HandlerContext, MatchedHandler, Outcome } from './types';

/**
 * Acts on a command from a trainee or an e-mentor. A pause that would end today or earlier
 * changes nothing and is answered with how to write the date. `how` names the outcome: a
 * command written out, or a YES to the question asked about one.
 */
function act(
  ctx: HandlerContext,
  person: Person,
  command: Command,
  until: string | null,
  roundId: number | null,
  how: 'command' | 'confirmed',
): Outcome {
  const { deps, inboundId, mail, now } = ctx;
  settleQuestions(deps.db, person.id, how === 'command' ? 'command' : 'yes', now);
  const base = { state: 'processed' as const, person_id: person.id, round_id: roundId };
  if (command === 'PAUSE') {
    const result = pause(deps, person, until, now);
    if (result === 'date_not_in_future') {
      queuePauseDatePast(
        deps,
        { inboundId, person, until: until as string, today: today(deps, now), thread: replyThread(mail.message_id, mail.references) },
        now,
      );
      return { ...base, outcome: `${how}_pause_date_not_in_future` };
    }
    return { ...base, outcome: `${how}_pause_${result}` };
  }
  const change = command === 'STOP' ? withdraw(deps, person, now) : resume(deps, person, now);
  return { ...base, outcome: `${how}_${command.toLowerCase()}_${change}` };
}

/** STOP, PAUSE [until], RESUME from a trainee or an e-mentor; List-Unsubscribe mail counts as STOP. Never relayed. */
export const handleCommand: MatchedHandler = (ctx, match) => {
  const command: Command = match.purpose === 'unsubscribe' ? 'STOP' : (ctx.mail.command as Command);
  return act(ctx, match.person, command, command === 'PAUSE' ? ctx.mail.pause_until : null, match.roundId, 'command');
};

/** Whether asking about this command could lead anywhere for this person now. */
function worthAsking(person: Person, command: Command): boolean {
  if (person.status === 'withdrawn') return false;
  if (command === 'RESUME') return person.status === 'paused';
  if (command === 'PAUSE') return person.status === 'active';
  return true;
}

/**
 * A message that may mean a command but does not say it for certain: ask, once per person,
 * command and round, and change nothing. The message itself is then handled as any other.
 */
export function askAboutPossibleCommand(ctx: HandlerContext, person: Person, roundId: number | null): void {
  const { deps, inboundId, mail, now } = ctx;
  const possible = mail.possible_command;
  if (!possible || !worthAsking(person, possible.command)) return;
  const until = possible.pause_until && isFuturePauseEnd(deps, possible.pause_until, now) ? possible.pause_until : null;
  const queued = queueCommandQuestion(
    deps,
    {
      person,
      command: possible.command,
      pauseUntil: until,
      roundId,
      today: today(deps, now),
      thread: replyThread(mail.message_id, mail.references),
    },
    now,
  );
  if (!queued.created) return;
  recordQuestion(
    deps.db,
    { person_id: person.id, command: possible.command, pause_until: until, inbound_id: inboundId, outbox_id: queued.id },
    now,
  );
  deps.logger.log('info', 'inbound.command_question_asked', {
    inbound_id: inboundId,
    person_id: person.id,
    command: possible.command,
    doubt: possible.doubt,
  });
}

/**
 * A reply to "Did you mean to stop?": a command written out is acted on; YES confirms the
 * command asked about; NO settles it. Answers under the headings are still answers. Anything
 * else changes nothing and goes nowhere: the question said replies to it are read by the
 * system only.
 */
export const handleCommandQuestionReply: MatchedHandler = (ctx, match) => {
  const { deps, mail, now } = ctx;
  const person = match.person;
  if (mail.command) return handleCommand(ctx, match);
  const question = openQuestion(deps.db, person.id);
  const answer = readConfirmation(mail.reply_text);
  if (question && answer === 'yes') return act(ctx, person, question.command, question.pause_until, match.roundId, 'confirmed');
  if (question && answer === 'no') {
    settleQuestions(deps.db, person.id, 'no', now);
    return { state: 'processed', outcome: 'command_question_declined', person_id: person.id, round_id: match.roundId };
  }
  if (person.role === 'trainee' && person.status !== 'withdrawn' && match.roundId !== null && Object.keys(mail.answers).length > 0)
    return handleAnswers(ctx, { ...match, purpose: 'answers' });
  return { state: 'processed', outcome: 'command_question_unclear', person_id: person.id, round_id: match.roundId };
};
