/**
 * Memory: the peak resident size of the tick that reads a trainee's reply carrying a 25 MB
 * attachment (about 34 MB as mail), against the bare pipeline reading the same message.
 * MAX_MESSAGE_MB is set to 50 so that a mentormail which reads only what fits under it
 * still reads this message whole.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { waitForQueueEmpty } from '../../test/harness/mailbox';
import { below, interleaved, median, type BenchCase } from '../support/case';
import { copyDatabase, count, deployment, SINK, tickUntilSent } from '../support/deployment';
import { inboxFromCorpus } from '../support/imap';
import { mentormail, runNode } from '../support/processes';
import { INGEST_NOW, replyCorpus } from '../support/replyCorpus';

const MB = 1024 * 1024;

export const bigAttachment: BenchCase = {
  name: 'big-attachment',
  title: 'Memory: a reply with a 25 MB attachment',
  async run(ctx) {
    const { servers } = ctx;
    const attachment = crypto.randomBytes(25 * MB);
    const corpus = await replyCorpus(servers, ctx.workDir, 'Corpus-big', 1, () => ({
      attachments: [{ filename: 'portfolio-scan.pdf', contentType: 'application/pdf', content: attachment }],
    }));
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
    const outcomes: string[] = [];
    const runs = await interleaved(
      ctx.repeats,
      async (i) => {
        await inboxFromCorpus(servers, 'bot', corpus.corpus);
        const run = deployment(servers, path.join(ctx.workDir, `run-${i}`), { MAX_MESSAGE_MB: '50' });
        copyDatabase(corpus.setup.dbPath, run.dbPath);
        const r = await mentormail(['tick', '--now', INGEST_NOW], run.env, run.dir, true);
        await tickUntilSent(run, INGEST_NOW);
        const processed = count(run.dbPath, "SELECT COUNT(*) AS n FROM inbound WHERE state = 'processed'");
        outcomes.push(processed === 1 ? 'processed' : 'not processed');
        await waitForQueueEmpty(servers, 600_000);
        return (r.probe?.maxRssBytes ?? NaN) / MB;
      },
      async () => {
        await inboxFromCorpus(servers, 'bot', corpus.corpus);
        const r = await runNode(path.join(__dirname, '..', 'baselines', 'bareIngest.js'), [params], { probe: true, cwd: ctx.workDir });
        if (r.code !== 0) throw new Error(`bare ingest failed: ${r.stderr}`);
        await waitForQueueEmpty(servers, 600_000);
        return (r.probe?.maxRssBytes ?? NaN) / MB;
      },
    );
    const mm = median(runs.mentormail);
    const base = median(runs.baseline);
    return [
      {
        case: 'memory',
        metric: `peak RSS, a reply with a 25 MB attachment (${(corpus.bytes / MB).toFixed(0)} MB as mail)`,
        unit: 'MB',
        mentormail: mm,
        baseline: base,
        baselineName: 'imapflow + mailparser + pooled nodemailer',
        ratio: mm / base,
        ratioMeans: 'mentormail ÷ baseline peak memory',
        target: below(mm, 200, ' MB'),
        runs,
        notes: [`the reply was ${[...new Set(outcomes)].join(' / ')}`],
      },
    ];
  },
};
