/**
 * The report as data: sections of tables, charts and headline lines. report.html, report.txt
 * and aggregates.csv are all written from this one model, so their numbers cannot differ.
 * Every count in it has already been through the small-number rule (suppress.ts).
 */

/** A table cell as shown: a count, "<5", a percentage, or a label. */
export type Cell = string;

export interface Table {
  id: string;
  caption: string;
  /** Heading of the first (label) column, then of each value column. */
  columns: string[];
  rows: { label: string; cells: Cell[] }[];
}

/** One bar; null when the count it stands for is under 5 (drawn as "<5", with no height). */
export interface Bar {
  value: number | null;
  label: string;
}

export type Chart =
  | {
      kind: 'bars';
      id: string;
      title: string;
      description: string;
      /** One group of bars per category (x axis). */
      categories: string[];
      series: { name: string; bars: Bar[] }[];
      /** Top of the value axis, and the unit of its numbers. */
      max: number;
      unit: 'percent' | 'count';
    }
  | {
      kind: 'intervals';
      id: string;
      title: string;
      description: string;
      /** A share (0..1) with its 95% interval, one row each. */
      rows: { label: string; share: number; low: number; high: number; text: string }[];
    };

export interface Section {
  id: string;
  title: string;
  /** Sentences under the title (what the figures mean, where they come from). */
  notes: string[];
  /** The numbers for report.txt, the email body: a few lines. */
  headline: string[];
  tables: Table[];
  charts: Chart[];
}

export interface Report {
  title: string;
  asOf: string;
  sections: Section[];
}
