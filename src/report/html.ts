import type { Report, Table } from './model';
import { escapeXml, renderChart } from './svg';

// Nothing may load: no script, no network, no font; only the inline styles below.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; color: #222; max-width: 720px; margin: 24px auto; padding: 0 12px; line-height: 1.4; }
h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 12px 0; } caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; } th:first-child, td:first-child { text-align: left; }
figure { margin: 16px 0; } figcaption { font-weight: bold; }
.note { color: #555; font-size: 13px; } .headline { font-size: 16px; } svg.chart { display: block; margin: 12px 0; max-width: 100%; height: auto; }
`;

function table(t: Table, section: string): string {
  const head = `<tr>${t.columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join('')}</tr>`;
  const rows = t.rows.map(
    (r) => `<tr><th scope="row">${escapeXml(r.label)}</th>${r.cells.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`,
  );
  return [`<table id="${section}.${t.id}">`, `<caption>${escapeXml(t.caption)}</caption>`, head, ...rows, '</table>'].join('\n');
}

/** One self-contained HTML file: the same every time for the same report. */
export function renderHtml(report: Report): string {
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(report.title)}, ${escapeXml(report.asOf)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeXml(report.title)}</h1>`,
    `<p class="note">Figures as of ${escapeXml(report.asOf)}. Counts under 5 are shown as "&lt;5"; groups of fewer than 5 people are left out. ` +
      'Nothing here comes from what anyone wrote: only when, how much, and numbered answers.</p>',
  ];
  for (const s of report.sections) {
    parts.push(`<section id="${s.id}">`, `<h2>${escapeXml(s.title)}</h2>`);
    for (const line of s.headline) parts.push(`<p class="headline">${escapeXml(line)}</p>`);
    for (const note of s.notes) parts.push(`<p class="note">${escapeXml(note)}</p>`);
    for (const c of s.charts)
      parts.push(`<figure id="figure_${c.id}">`, `<figcaption>${escapeXml(c.title)}</figcaption>`, renderChart(c), '</figure>');
    for (const t of s.tables) parts.push(table(t, s.id));
    parts.push('</section>');
  }
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}
