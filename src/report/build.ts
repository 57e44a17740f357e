import type { Config } from '../config';
import { loadEvaluation } from '../evaluation/definition';
import { healthAt } from '../health';
import type { HealthData } from '../health/source';
import { loadPulse } from '../pulse/definition';
import { addMonths, localDateOf, localTimeOf, startOfLocalDay } from '../schedule/calendar';
import type { Report } from './model';
import { REPORT_SECTIONS, type ReportInput, type SectionBuilder } from './sections';

const MONTHS_SHOWN = 12;

/** Month ends from the first pair's month up to `asOf` (the last twelve), then `asOf` itself. */
function historyPoints(data: HealthData, asOf: Date, timeZone: string): { label: string; at: Date }[] {
  const first = data.pairs.map((p) => p.created_at).sort()[0];
  if (!first) return [];
  const points: { label: string; at: Date }[] = [];
  let month = `${localDateOf(new Date(first), timeZone).slice(0, 7)}-01`;
  for (;;) {
    const next = addMonths(month, 1);
    const end = startOfLocalDay(next, timeZone);
    if (end.getTime() >= asOf.getTime()) break;
    points.push({ label: month.slice(0, 7), at: end });
    month = next;
  }
  return [...points.slice(-MONTHS_SHOWN), { label: `${localDateOf(asOf, timeZone)} (now)`, at: asOf }];
}

/** The year whose evaluation is shown: the one asked for, else the latest with surveys sent. */
function evaluationYear(data: HealthData, requested: number | null): number | null {
  if (requested !== null) return requested;
  const years = data.evaluationStatus.filter((e) => e.sent_at !== null).map((e) => e.year);
  return years.length > 0 ? Math.max(...years) : null;
}

/**
 * The whole report from the views' rows, as of `asOf`. Pure apart from reading the pulse and
 * evaluation definitions: the same rows and moment always give the same report.
 */
export function buildReport(
  data: HealthData,
  config: Pick<Config, 'health' | 'pulsePath' | 'timeZone'>,
  asOf: Date,
  options: { year?: number | null; sections?: readonly SectionBuilder[] } = {},
): Report {
  const input: ReportInput = {
    data,
    asOf,
    timeZone: config.timeZone,
    thresholds: config.health,
    health: healthAt(data, config, asOf),
    history: historyPoints(data, asOf, config.timeZone).map((p) => ({ label: p.label, health: healthAt(data, config, p.at) })),
    year: evaluationYear(data, options.year ?? null),
    evaluation: loadEvaluation(),
    pulse: loadPulse(config.pulsePath),
  };
  const sections = (options.sections ?? REPORT_SECTIONS).map((build) => build(input)).filter((s) => s !== null);
  const { date, minuteOfDay } = localTimeOf(asOf, config.timeZone);
  const time = `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
  return { title: 'E-mentoring report', asOf: `${date} ${time} (${config.timeZone})`, sections };
}
