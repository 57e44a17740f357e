import { pause, resume, withdraw } from '../../participation';
import type { MatchedHandler } from './types';

/** STOP, PAUSE [until], RESUME from a trainee; List-Unsubscribe mail counts as STOP. */
export const handleCommand: MatchedHandler = ({ deps, mail, now }, match) => {
  const trainee = match.person;
  const command = match.purpose === 'unsubscribe' ? 'STOP' : mail.command;
  const change =
    command === 'STOP'
      ? withdraw(deps, trainee, now)
      : command === 'PAUSE'
        ? pause(deps, trainee, mail.pause_until ?? null, now)
        : resume(deps, trainee, now);
  return {
    state: 'processed',
    outcome: `command_${String(command).toLowerCase()}_${change}`,
    person_id: trainee.id,
    round_id: match.roundId,
  };
};
