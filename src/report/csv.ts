import type { Report } from './model';

/** RFC 4180 quoting, as spreadsheets expect. */
function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Every table cell of the report, one per line: section, table, row, column, value. */
export function renderCsv(report: Report): string {
  const lines = [['section', 'table', 'row', 'column', 'value'].join(',')];
  for (const s of report.sections)
    for (const t of s.tables)
      for (const r of t.rows) r.cells.forEach((cell, i) => lines.push([s.id, t.id, r.label, t.columns[i + 1], cell].map(field).join(',')));
  return lines.join('\r\n') + '\r\n';
}
