/**
 * The Wilson score interval for a proportion (Wilson, JASA 1927): unlike the normal
 * approximation it stays inside 0..1 and behaves at small n, which is the point here (a
 * cohort of 10). z = 1.96 for 95%.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
