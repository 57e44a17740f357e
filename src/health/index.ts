import type { Config } from '../config';
import { loadPulse } from '../pulse/definition';
import { assessAll, type PairHealth, type PulseOverall } from './assess';
import type { HealthData } from './source';

export { readHealthData, type HealthData } from './source';
export { countGroups, mentorSilence, PULSE_REASONS, REASON_TEXT, type PairHealth, type Reason } from './assess';

/** The pulse items whose fall is watched (HEALTH_PULSE_DROP), from templates/pulse.yml. */
export function overallItems(config: Pick<Config, 'pulsePath'>): PulseOverall {
  const def = loadPulse(config.pulsePath);
  return { trainee: def.trainee.overall, mentor: def.mentor.overall };
}

/** Every pair's health at `asOf`, by the thresholds in the configuration. */
export function healthAt(data: HealthData, config: Pick<Config, 'pulsePath' | 'health'>, asOf: Date): PairHealth[] {
  // The pulse definition is read only when there are ratings to look at.
  const overall = data.pulse.length > 0 ? overallItems(config) : { trainee: '', mentor: '' };
  return assessAll(data, config.health, overall, asOf);
}
