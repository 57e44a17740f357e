/**
 * Structured logs: a stable event name and ids or states. Never message content, names of
 * sections' answers, subjects or bodies: fields are restricted to numbers, booleans and
 * short identifiers by type, and strings are checked at run time.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, number | boolean | null | undefined | string>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Ids, states, codes, ISO times, counts: nothing that could hold a sentence.
const SAFE_STRING = /^[A-Za-z0-9_.:@+<>/-]{0,200}$/;

export function sanitise(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = typeof v === 'string' && !SAFE_STRING.test(v) ? '[redacted]' : v;
  }
  return out;
}

export function jsonLogger(minLevel: LogLevel = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  return {
    log(level, event, fields = {}) {
      if (ORDER[level] < ORDER[minLevel]) return;
      write(JSON.stringify({ level, event, ...sanitise(fields) }));
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };

/** Keeps log lines in memory; for tests that check what was (not) logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const inner = jsonLogger('debug', (l) => lines.push(l));
  return { lines, log: (level, event, fields) => inner.log(level, event, fields) };
}
