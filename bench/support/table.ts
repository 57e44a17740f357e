import type { Row } from './case';

function fmt(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '-';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

/** A Markdown table: readable in a terminal and pasted as is into the README. */
export function table(rows: Row[]): string {
  const header = ['case', 'what', 'mentormail', 'baseline', 'ratio', 'target'];
  const lines = rows.map((r) => [
    r.case,
    r.metric,
    fmt(r.mentormail, r.unit),
    `${fmt(r.baseline, r.unit)} (${r.baselineName})`,
    `${r.ratio.toFixed(2)}×`,
    r.target ? `${r.target.text} ${r.target.met ? 'met' : 'NOT met'}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n');
}
