/**
 * Ingest: N replies in the bot's mailbox; mentormail ticks until every one is read, stored,
 * forwarded to the e-mentor and receipted. The baseline is the bare pipeline: imapflow fetch +
 * mailparser parse + one pooled nodemailer send per message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { waitForQueueEmpty } from '../../test/harness/mailbox';
import { atLeast, interleaved, median, type BenchCase } from '../support/case';
import { copyDatabase, count, deployment, SINK, tickUntilSent } from '../support/deployment';
import { inboxFromCorpus } from '../support/imap';
import { runNode } from '../support/processes';
import { INGEST_NOW, replyCorpus } from '../support/replyCorpus';

export const ingest: BenchCase = {
  name: 'ingest',
  title: 'Ingest: replies read, stored, forwarded and receipted',
  async run(ctx) {
    const n = ctx.quick ? 200 : 2000;
    const { servers } = ctx;
    const corpus = await replyCorpus(servers, ctx.workDir, 'Corpus-ingest', n);
    const params = path.join(ctx.workDir, 'bare-ingest.json');
    fs.writeFileSync(
      params,
      JSON.stringify({
        host: servers.host,
        smtpPort: servers.smtpPort,
        imapPort: servers.imapPort,
        user: 'bot',
        pass: servers.password,
        from: servers.address('bot'),
        to: `${SINK}+bare@${servers.domain}`,
      }),
    );
    const ticks: number[] = [];
    const runs = await interleaved(
      ctx.repeats,
      async (i) => {
        await inboxFromCorpus(servers, 'bot', corpus.corpus);
        const run = deployment(servers, path.join(ctx.workDir, `run-${i}`));
        copyDatabase(corpus.setup.dbPath, run.dbPath);
        const result = await tickUntilSent(run, INGEST_NOW);
        const forwarded = count(run.dbPath, "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'forward' AND state = 'sent'");
        const receipted = count(run.dbPath, "SELECT COUNT(*) AS n FROM outbox WHERE kind LIKE 'receipt%' AND state = 'sent'");
        if (forwarded !== n || receipted !== n) throw new Error(`ingest: ${forwarded} forwards and ${receipted} receipts for ${n} replies`);
        ticks.push(result.ticks);
        await waitForQueueEmpty(servers, 600_000);
        ctx.progress(`ingest: mentormail ${n} in ${(result.wallMs / 1000).toFixed(1)} s, ${result.ticks} ticks`);
        return n / (result.wallMs / 1000);
      },
      async () => {
        await inboxFromCorpus(servers, 'bot', corpus.corpus);
        const r = await runNode(path.join(__dirname, '..', 'baselines', 'bareIngest.js'), [params]);
        if (r.code !== 0 || Number(r.stdout.trim()) !== n) throw new Error(`bare ingest failed (${r.stdout.trim()}): ${r.stderr}`);
        await waitForQueueEmpty(servers, 600_000);
        ctx.progress(`ingest: baseline ${n} in ${(r.wallMs / 1000).toFixed(1)} s`);
        return n / (r.wallMs / 1000);
      },
    );
    const mm = median(runs.mentormail);
    const base = median(runs.baseline);
    return [
      {
        case: 'ingest',
        metric: `${n} replies read, stored, forwarded, receipted`,
        unit: 'replies/s',
        mentormail: mm,
        baseline: base,
        baselineName: 'imapflow + mailparser + pooled nodemailer',
        ratio: mm / base,
        ratioMeans: 'mentormail ÷ baseline throughput',
        target: atLeast(mm / base, 0.7),
        runs,
        notes: [`${Math.round(corpus.bytes / n / 1024)} KB per reply`, `ticks needed: ${ticks.join(', ')}`],
      },
    ];
  },
};
