/**
 * Measures the benchmark case "200 trainees × 100 e-mentors proposed" until `npm run bench`
 * takes it over: build once, then time proposeFor (every pair scored, then the assignment).
 * Run: npx tsc -p tsconfig.json --outDir /tmp/mm && node /tmp/mm/test/support/benchMatching.js
 */
import { benchCohort, proposeFor } from './cohorts';

export function measureMatching(runs = 20): { medianMs: number; maxMs: number; placed: number; totalPoints: number } {
  const cohort = benchCohort();
  const times: number[] = [];
  let last = proposeFor(cohort); // warm-up
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = proposeFor(cohort);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)], maxMs: times[runs - 1], placed: last.placements.length, totalPoints: last.totalPoints };
}

if (require.main === module) console.log(JSON.stringify(measureMatching()));
