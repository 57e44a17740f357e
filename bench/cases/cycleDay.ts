/**
 * Cycle day: N trainees due at once. mentormail ticks (one process per tick, as cron runs it)
 * until every questionnaire has been handed to Postfix; the baseline is bare pooled nodemailer
 * sending N messages of the same size to the same Postfix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { waitForQueueEmpty } from '../../test/harness/mailbox';
import { interleaved, atLeast, median, type BenchCase, type Row } from '../support/case';
import { copyDatabase, count, deployment, installWithRoster, rosterCsv, SINK, tickUntilSent, withOfflineApp } from '../support/deployment';
import { runNode } from '../support/processes';
import { tick } from '../../src/jobs';

const DAY = '2027-01-04'; // a Monday
const NOW = `${DAY}T10:00:00Z`;

export const cycleDay: BenchCase = {
  name: 'cycle-day',
  title: 'Cycle day: questionnaires handed to Postfix',
  async run(ctx) {
    const n = ctx.quick ? 300 : 5000;
    const { servers } = ctx;
    const setup = deployment(servers, path.join(ctx.workDir, 'setup'));
    await installWithRoster(setup, rosterCsv(servers, n, DAY), '2027-01-01T09:00:00Z');

    // One questionnaire, rendered by mentormail itself, gives the baseline its message size.
    const sample = deployment(servers, path.join(ctx.workDir, 'sample'));
    copyDatabase(setup.dbPath, sample.dbPath);
    const mail = await withOfflineApp(sample, async (deps, transport) => {
      await tick(deps, new Date(NOW));
      return transport.sent[0];
    });
    const params = path.join(ctx.workDir, 'pooled-send.json');
    fs.writeFileSync(
      params,
      JSON.stringify({
        host: servers.host,
        port: servers.smtpPort,
        from: servers.address('bot'),
        to: Array.from({ length: n }, (_, i) => `${SINK}+b${i + 1}@${servers.domain}`),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      }),
    );
    const bytes = Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html ?? '');

    const ticks: number[] = [];
    const runs = await interleaved(
      ctx.repeats,
      async (i) => {
        const run = deployment(servers, path.join(ctx.workDir, `run-${i}`));
        copyDatabase(setup.dbPath, run.dbPath);
        const result = await tickUntilSent(run, NOW);
        const sent = count(run.dbPath, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'questionnaire' AND state = 'sent'");
        if (sent !== n) throw new Error(`cycle day: ${sent} of ${n} questionnaires sent`);
        ticks.push(result.ticks);
        await waitForQueueEmpty(servers, 600_000);
        ctx.progress(`cycle day: mentormail ${n} in ${(result.wallMs / 1000).toFixed(1)} s, ${result.ticks} ticks`);
        return n / (result.wallMs / 1000);
      },
      async () => {
        const r = await runNode(path.join(__dirname, '..', 'baselines', 'pooledSend.js'), [params]);
        if (r.code !== 0) throw new Error(`pooled send failed: ${r.stderr}`);
        await waitForQueueEmpty(servers, 600_000);
        ctx.progress(`cycle day: baseline ${n} in ${(r.wallMs / 1000).toFixed(1)} s`);
        return n / (r.wallMs / 1000);
      },
    );
    const mm = median(runs.mentormail);
    const base = median(runs.baseline);
    const row: Row = {
      case: 'cycle day',
      metric: `${n} questionnaires handed to Postfix`,
      unit: 'msg/s',
      mentormail: mm,
      baseline: base,
      baselineName: 'bare pooled nodemailer',
      ratio: mm / base,
      ratioMeans: 'mentormail ÷ baseline throughput',
      target: atLeast(mm / base, 0.8),
      runs,
      notes: [`${Math.round(bytes / 1024)} KB per message (text + HTML)`, `ticks needed: ${ticks.join(', ')}`],
    };
    return [row];
  },
};
