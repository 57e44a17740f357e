import type { Report } from './model';

/** The headline numbers as an email body (report.txt). */
export function renderText(report: Report): string {
  const lines = [`${report.title}: figures as of ${report.asOf}`, ''];
  for (const s of report.sections) for (const h of s.headline) lines.push(h);
  lines.push(
    '',
    'Counts under 5 are shown as "<5"; groups of fewer than 5 people are left out.',
    'The charts and tables are in report.html, every number in aggregates.csv (mentormail report --out <folder>).',
    'Nothing in this report comes from what anyone wrote.',
  );
  return lines.join('\n') + '\n';
}
