/**
 * npm run bench [-- --quick] [-- --only ingest,parse] [-- --repeats 5]
 *
 * Starts the same loopback Dovecot and Postfix as the end-to-end tests, runs every case with
 * mentormail and a bare baseline side by side, interleaved, and prints a table; the medians,
 * ratios and every repeat go to bench/results.json (results-quick.json with --quick).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMailServers } from '../test/harness/mailServers';
import { CASES } from './cases';
import type { Row } from './support/case';
import { table } from './support/table';

interface Options {
  quick: boolean;
  only: string[] | null;
  repeats: number;
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('--only')?.split(',') ?? null;
  const unknown = only?.filter((name) => !CASES.some((c) => c.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: no case named ${unknown.join(', ')} (cases: ${CASES.map((c) => c.name).join(', ')})`);
  const repeats = Number(value('--repeats') ?? 3);
  if (!Number.isInteger(repeats) || repeats < 3) throw new Error('--repeats: at least 3');
  return { quick: argv.includes('--quick'), only, repeats };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const progress = (line: string) => process.stderr.write(`  ${line}\n`);
  const started = Date.now();
  const servers = await startMailServers({ users: ['bot', 'sink'] });
  const rows: Row[] = [];
  const seconds: Record<string, number> = {};
  try {
    for (const c of CASES.filter((c) => !opts.only || opts.only.includes(c.name))) {
      process.stderr.write(`${c.title}\n`);
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `mentormail-bench-${c.name}-`));
      const caseStarted = Date.now();
      try {
        rows.push(...(await c.run({ servers, quick: opts.quick, repeats: opts.repeats, workDir, progress })));
      } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
      }
      seconds[c.name] = (Date.now() - caseStarted) / 1000;
    }
  } finally {
    await servers.stop();
  }
  const total = (Date.now() - started) / 1000;
  process.stdout.write(`\n${table(rows)}\n\n`);
  for (const r of rows) for (const note of r.notes ?? []) process.stdout.write(`${r.case}, ${r.metric}: ${note}\n`);
  process.stdout.write(`\n${rows.length} rows in ${total.toFixed(0)} s (${opts.quick ? 'quick' : 'full'}, ${opts.repeats} repeats)\n`);
  const file = path.resolve(
    __dirname,
    '..',
    '..',
    'bench',
    opts.only ? 'results-partial.json' : opts.quick ? 'results-quick.json' : 'results.json',
  );
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    quick: opts.quick,
    repeats: opts.repeats,
    seconds: { total, ...seconds },
    rows,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`written: ${path.relative(process.cwd(), file)}\n`);
}

void main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
