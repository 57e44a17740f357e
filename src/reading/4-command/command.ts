import { readDateAt } from '../text/writtenDate';
import { isBlank, toLines } from '../text/lines';
import { isGreeting } from '../3-new-text/signature';

export type Command = 'STOP' | 'PAUSE' | 'RESUME';

export interface CommandResult {
  command: Command | null;
  /** For "PAUSE until <date>": the date as YYYY-MM-DD; null for a plain PAUSE or a date not understood. */
  pause_until: string | null;
}

const BARE_COMMAND = /^[*_\s]*(stop|pause|resume)[*_\s]*[.!]*[*_\s]*$/i;
const PAUSE_UNTIL = /^[*_\s]*pause\s+(?:until|till|til|to|up to)\s+(.{1,80})$/i;
const SUBJECT_PREFIX = /^(?:\s*(?:re|aw|sv|antw|fwd?|wg|tr|rv)\s*:\s*)+/i;

function fromLine(line: string, reference: Date | null): CommandResult | null {
  const bare = BARE_COMMAND.exec(line);
  if (bare) return { command: bare[1].toUpperCase() as Command, pause_until: null };
  const until = PAUSE_UNTIL.exec(line);
  if (until) {
    const found = readDateAt(until[1].trim(), reference);
    const trailing = found ? until[1].trim().slice(found.length).trim() : '';
    // "PAUSE until 1 March 2027." is a command; "pause until I know more about ..." is not a date.
    if (found && /^[.!]*$/.test(trailing)) return { command: 'PAUSE', pause_until: found.date };
    if (until[1].trim().length <= 40) return { command: 'PAUSE', pause_until: null };
  }
  return null;
}

/**
 * STOP, PAUSE (until a date) or RESUME: the first non-empty line of the new text (after a
 * greeting) is just the word; a sentence that merely starts with it is not a command. A subject
 * that is only the word counts too (List-Unsubscribe mail is sent with subject "STOP").
 */
export function detectCommand(newText: string, subject: string, reference: Date | null): CommandResult {
  const lines = toLines(newText.slice(0, 5000)).filter((l) => !isBlank(l));
  const first = lines[0] !== undefined && isGreeting(lines[0]) ? lines[1] : lines[0];
  if (first !== undefined) {
    const result = fromLine(first.trim(), reference);
    if (result) return result;
  }
  const plainSubject = subject.slice(0, 200).trim();
  const bareSubject = plainSubject.replace(SUBJECT_PREFIX, '').trim();
  // A subject alone is a command when it has no "Re:" (a fresh message), or when there is no body.
  if (bareSubject === plainSubject || lines.length === 0) {
    const result = fromLine(bareSubject, reference);
    if (result) return result;
  }
  return { command: null, pause_until: null };
}
