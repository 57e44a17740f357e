/**
 * Growth: database bytes kept per 1,000 processed replies. Replies arrive in batches, a tick
 * after each (as they would through a day), so the figure is what stays, not one batch's
 * passing peak. The baseline is the size of the replies themselves, as delivered.
 */
import path from 'node:path';
import { waitForQueueEmpty } from '../../test/harness/mailbox';
import { atMost, interleaved, median, type BenchCase } from '../support/case';
import { copyDatabase, deployment, tickUntilSent } from '../support/deployment';
import { compact, databaseSize } from '../support/dbSize';
import { clearMailbox, inboxFromCorpus } from '../support/imap';
import { INGEST_NOW, replyCorpus } from '../support/replyCorpus';

const MB = 1024 * 1024;

export const growth: BenchCase = {
  name: 'growth',
  title: 'Growth: database bytes per 1,000 processed replies',
  async run(ctx) {
    const n = ctx.quick ? 200 : 1000;
    const batch = ctx.quick ? 50 : 100;
    const { servers } = ctx;
    const corpus = await replyCorpus(servers, ctx.workDir, 'Corpus-growth', n);
    const used: number[] = [];
    const runs = await interleaved(
      ctx.repeats,
      async (i) => {
        const run = deployment(servers, path.join(ctx.workDir, `run-${i}`));
        copyDatabase(corpus.setup.dbPath, run.dbPath);
        // No free pages left from setting up: the replies must not look smaller by reusing them.
        compact(run.dbPath);
        const before = databaseSize(run.dbPath);
        await clearMailbox(servers, 'bot', 'INBOX');
        for (let from = 1; from <= n; from += batch) {
          await inboxFromCorpus(servers, 'bot', corpus.corpus, `${from}:${Math.min(n, from + batch - 1)}`, false);
          await tickUntilSent(run, INGEST_NOW);
        }
        const after = databaseSize(run.dbPath);
        used.push(((after.usedBytes - before.usedBytes) / n) * 1000);
        await waitForQueueEmpty(servers, 600_000);
        ctx.progress(`growth: ${((after.fileBytes - before.fileBytes) / MB).toFixed(1)} MB for ${n} replies`);
        return (((after.fileBytes - before.fileBytes) / n) * 1000) / MB;
      },
      async () => (corpus.bytes / n / MB) * 1000,
    );
    const mm = median(runs.mentormail);
    const base = median(runs.baseline);
    return [
      {
        case: 'growth',
        metric: `database growth per 1,000 replies (${n} in batches of ${batch})`,
        unit: 'MB',
        mentormail: mm,
        baseline: base,
        baselineName: 'the replies as delivered',
        ratio: mm / base,
        ratioMeans: 'database growth ÷ size of the mail received',
        target: atMost(mm, 5, ' MB'),
        runs,
        notes: [`pages in use grew by ${(median(used) / MB).toFixed(2)} MB per 1,000 (the rest is free pages the next tick reuses)`],
      },
    ];
  },
};
