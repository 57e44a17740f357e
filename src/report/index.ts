import fs from 'node:fs';
import path from 'node:path';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import type { Report } from './model';
import { renderText } from './text';

export { buildReport } from './build';
export { REPORT_SECTIONS, type ReportInput, type SectionBuilder } from './sections';
export type { Report } from './model';

export interface ReportFiles {
  'report.html': string;
  'aggregates.csv': string;
  'report.txt': string;
}

export function renderReport(report: Report): ReportFiles {
  return { 'report.html': renderHtml(report), 'aggregates.csv': renderCsv(report), 'report.txt': renderText(report) };
}

/** Writes the three files into `dir` (made if missing); returns their paths. */
export function writeReport(dir: string, files: ReportFiles): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return (Object.keys(files) as (keyof ReportFiles)[]).map((name) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, files[name]);
    return file;
  });
}
