import type { Chart } from './model';

/**
 * Charts as inline SVG: no script, no font or image to fetch. Each has a <title> and a <desc>
 * (read out by screen readers, and checked by the browser test). A bar whose count is under 5
 * is not drawn: "<5" stands in its place, so no height gives the number away.
 */
const PALETTE = ['#1f5f99', '#c0392b', '#7f8c8d', '#2e8b57', '#8e44ad'];
const FONT = 'font-family="Arial, Helvetica, sans-serif"';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function frame(chart: Chart, width: number, height: number, body: string[]): string {
  const t = `${chart.id}_title`;
  const d = `${chart.id}_desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${chart.id}" class="chart" role="img" aria-labelledby="${t} ${d}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="${t}">${escapeXml(chart.title)}</title>`,
    `<desc id="${d}">${escapeXml(chart.description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function barsChart(chart: Extract<Chart, { kind: 'bars' }>): string {
  const width = 660;
  const height = 280;
  const left = 46;
  const right = 12;
  const top = chart.series.length > 1 ? 34 : 16;
  const bottom = 46;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = chart.max > 0 ? chart.max : 1;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const body: string[] = [];
  // Value axis: 0, half, top.
  for (const v of [0, max / 2, max]) {
    const label = chart.unit === 'percent' ? `${Math.round(v)}%` : String(Math.round(v));
    body.push(`<line x1="${left}" y1="${f(y(v))}" x2="${width - right}" y2="${f(y(v))}" stroke="#dddddd" stroke-width="1"/>`);
    body.push(`<text x="${left - 6}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11" fill="#333333" ${FONT}>${label}</text>`);
  }
  const groupW = plotW / Math.max(1, chart.categories.length);
  const barW = (groupW * 0.8) / chart.series.length;
  chart.categories.forEach((category, c) => {
    const x0 = left + c * groupW + groupW * 0.1;
    chart.series.forEach((series, s) => {
      const bar = series.bars[c];
      const x = x0 + s * barW;
      if (bar.value === null) {
        body.push(
          `<text x="${f(x + barW / 2)}" y="${f(y(0) - 4)}" text-anchor="middle" font-size="10" fill="#555555" ${FONT}>${escapeXml(bar.label)}</text>`,
        );
        return;
      }
      const h = Math.max(0, y(0) - y(bar.value));
      body.push(
        `<rect x="${f(x + 1)}" y="${f(y(bar.value))}" width="${f(Math.max(1, barW - 2))}" height="${f(h)}" fill="${PALETTE[s % PALETTE.length]}"><title>${escapeXml(`${series.name}, ${category}: ${bar.label}`)}</title></rect>`,
      );
      body.push(
        `<text x="${f(x + barW / 2)}" y="${f(y(bar.value) - 4)}" text-anchor="middle" font-size="10" fill="#222222" ${FONT}>${escapeXml(bar.label)}</text>`,
      );
    });
    body.push(
      `<text x="${f(left + c * groupW + groupW / 2)}" y="${f(top + plotH + 16)}" text-anchor="middle" font-size="11" fill="#333333" ${FONT}>${escapeXml(short(category, Math.max(6, Math.floor(groupW / 6.5))))}</text>`,
    );
  });
  body.push(`<line x1="${left}" y1="${f(y(0))}" x2="${width - right}" y2="${f(y(0))}" stroke="#333333" stroke-width="1"/>`);
  if (chart.series.length > 1)
    chart.series.forEach((series, s) => {
      const x = left + s * 170;
      body.push(`<rect x="${x}" y="8" width="12" height="12" fill="${PALETTE[s % PALETTE.length]}"/>`);
      body.push(`<text x="${x + 16}" y="18" font-size="11" fill="#222222" ${FONT}>${escapeXml(series.name)}</text>`);
    });
  return frame(chart, width, height, body);
}

function intervalsChart(chart: Extract<Chart, { kind: 'intervals' }>): string {
  const width = 660;
  const rowH = 44;
  const top = 16;
  const left = 110;
  const right = 150;
  const height = top + chart.rows.length * rowH + 30;
  const plotW = width - left - right;
  const x = (share: number) => left + share * plotW;
  const body: string[] = [];
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    body.push(`<line x1="${f(x(v))}" y1="${top}" x2="${f(x(v))}" y2="${height - 26}" stroke="#dddddd" stroke-width="1"/>`);
    body.push(
      `<text x="${f(x(v))}" y="${height - 10}" text-anchor="middle" font-size="11" fill="#333333" ${FONT}>${Math.round(v * 100)}%</text>`,
    );
  }
  chart.rows.forEach((row, i) => {
    const cy = top + i * rowH + rowH / 2;
    body.push(
      `<text x="${left - 8}" y="${f(cy + 4)}" text-anchor="end" font-size="12" fill="#222222" ${FONT}>${escapeXml(row.label)}</text>`,
    );
    body.push(`<rect x="${left}" y="${f(cy - 9)}" width="${f(x(row.share) - left)}" height="18" fill="${PALETTE[i % PALETTE.length]}"/>`);
    body.push(`<line x1="${f(x(row.low))}" y1="${f(cy)}" x2="${f(x(row.high))}" y2="${f(cy)}" stroke="#111111" stroke-width="2"/>`);
    for (const end of [row.low, row.high])
      body.push(`<line x1="${f(x(end))}" y1="${f(cy - 7)}" x2="${f(x(end))}" y2="${f(cy + 7)}" stroke="#111111" stroke-width="2"/>`);
    body.push(`<text x="${width - right + 8}" y="${f(cy + 4)}" font-size="12" fill="#222222" ${FONT}>${escapeXml(row.text)}</text>`);
  });
  return frame(chart, width, height, body);
}

export function renderChart(chart: Chart): string {
  return chart.kind === 'bars' ? barsChart(chart) : intervalsChart(chart);
}
