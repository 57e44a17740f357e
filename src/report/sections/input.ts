import type { PairHealth } from '../../health/assess';
import type { HealthData } from '../../health/source';
import type { HealthThresholds } from '../../health/thresholds';
import type { EvaluationDefinition } from '../../evaluation/definition';
import type { PulseDefinition } from '../../pulse/definition';
import type { Section } from '../model';

/** Everything a section may use: rows from the content-free views, and what was worked out from them. */
export interface ReportInput {
  data: HealthData;
  asOf: Date;
  timeZone: string;
  thresholds: HealthThresholds;
  /** Every pair's health at `asOf`. */
  health: PairHealth[];
  /** Health at the end of each month before `asOf` (at most twelve), then at `asOf`. */
  history: { label: string; health: PairHealth[] }[];
  /** The evaluation year shown: --year, else the latest with surveys; null when there is none. */
  year: number | null;
  evaluation: EvaluationDefinition;
  pulse: PulseDefinition;
}

/** A section of the report, or null when there is nothing to show (so it is left out). */
export type SectionBuilder = (input: ReportInput) => Section | null;
