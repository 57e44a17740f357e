import type { MailServers } from '../../test/harness/mailServers';

/** What every case gets from the runner. */
export interface BenchContext {
  servers: MailServers;
  /** Small sizes, for a run under two minutes. */
  quick: boolean;
  /** Repeats of each measurement (at least three), interleaved mentormail / baseline. */
  repeats: number;
  /** A scratch folder for this case, removed afterwards. */
  workDir: string;
  /** Progress lines (stderr), never part of the table. */
  progress(line: string): void;
}

/** One line of the table: mentormail against its baseline, with every repeat kept. */
export interface Row {
  case: string;
  metric: string;
  unit: string;
  mentormail: number;
  baseline: number;
  /** The baseline's name, as printed: "pooled nodemailer", "node -e 0"... */
  baselineName: string;
  /** How mentormail compares: its own definition per row (see `ratioMeans`). */
  ratio: number;
  ratioMeans: string;
  /** The target for this row, e.g. "≥ 0.8", and whether this run met it. */
  target?: { text: string; met: boolean };
  runs: { mentormail: number[]; baseline: number[] };
  notes?: string[];
}

export interface BenchCase {
  /** Short name used by `--only`. */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs mentormail and its baseline `repeats` times, alternating which goes first (ABBA), so
 * drift in the machine's load falls on both sides alike.
 */
export async function interleaved<T>(
  repeats: number,
  mentormail: (i: number) => Promise<T>,
  baseline: (i: number) => Promise<T>,
): Promise<{ mentormail: T[]; baseline: T[] }> {
  const out = { mentormail: [] as T[], baseline: [] as T[] };
  for (let i = 0; i < repeats; i++) {
    if (i % 2 === 0) {
      out.mentormail.push(await mentormail(i));
      out.baseline.push(await baseline(i));
    } else {
      out.baseline.push(await baseline(i));
      out.mentormail.push(await mentormail(i));
    }
  }
  return out;
}

export function atLeast(ratio: number, goal: number): { text: string; met: boolean } {
  return { text: `≥ ${goal}`, met: ratio >= goal };
}

export function atMost(value: number, goal: number, unit = ''): { text: string; met: boolean } {
  return { text: `≤ ${goal}${unit}`, met: value <= goal };
}

export function below(value: number, goal: number, unit = ''): { text: string; met: boolean } {
  return { text: `< ${goal}${unit}`, met: value < goal };
}
