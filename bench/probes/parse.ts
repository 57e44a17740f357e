/**
 * Times reading every reply fixture, `passes` times after one warm-up pass, either with
 * mentormail's whole reading pipeline or with mailparser alone. Prints the times (ms) as JSON.
 * node parse.js <mentormail|mailparser> <fixtures dir> <passes>
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { loadQuestionnaire } from '../../src/questionnaire/definition';
import { analyseReply } from '../../src/reading';

async function main(): Promise<void> {
  const [mode, dir, passes] = process.argv.slice(2);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f)));
  const questionnaire = loadQuestionnaire();
  const read = mode === 'mentormail' ? (raw: Buffer) => analyseReply(raw, questionnaire) : (raw: Buffer) => simpleParser(raw);
  for (const raw of files) await read(raw);
  const times: number[] = [];
  for (let pass = 0; pass < Number(passes); pass++) {
    for (const raw of files) {
      const started = process.hrtime.bigint();
      await read(raw);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  process.stdout.write(JSON.stringify({ files: files.length, times }));
}

void main().catch((err) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
