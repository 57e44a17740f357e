/**
 * Parse: how long reading one reply takes (MIME, kind, new text, command, answers), over every
 * reply fixture, against mailparser alone on the same files. p50, p99 and the slowest.
 */
import path from 'node:path';
import { below, interleaved, median, percentile, type BenchCase, type Row } from '../support/case';
import { runNode } from '../support/processes';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'replies');

export const parse: BenchCase = {
  name: 'parse',
  title: 'Parse: one reply read',
  async run(ctx) {
    const passes = ctx.quick ? 3 : 10;
    let files = 0;
    const probe = async (mode: string) => {
      const r = await runNode(path.join(__dirname, '..', 'probes', 'parse.js'), [mode, FIXTURES, String(passes)]);
      if (r.code !== 0) throw new Error(`parse probe (${mode}) failed: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as { files: number; times: number[] };
      files = out.files;
      return out.times;
    };
    const runs = await interleaved(
      ctx.repeats,
      () => probe('mentormail'),
      () => probe('mailparser'),
    );
    const stat = (name: string, f: (t: number[]) => number, target?: (v: number) => Row['target']): Row => {
      const mm = runs.mentormail.map(f);
      const base = runs.baseline.map(f);
      return {
        case: 'parse',
        metric: `${name} over ${files} reply fixtures × ${passes}`,
        unit: 'ms',
        mentormail: median(mm),
        baseline: median(base),
        baselineName: 'mailparser alone',
        ratio: median(mm) / median(base),
        ratioMeans: 'mentormail ÷ mailparser time',
        target: target?.(median(mm)),
        runs: { mentormail: mm, baseline: base },
      };
    };
    return [
      stat('p50', (t) => percentile(t, 50)),
      stat(
        'p99',
        (t) => percentile(t, 99),
        (v) => below(v, 20, ' ms'),
      ),
      stat('slowest', (t) => Math.max(...t)),
    ];
  },
};
