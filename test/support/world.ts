import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { createApp } from '../../src/app';
import { parseConfig, type Config } from '../../src/config';
import type { FetchedMessage, InboxSource } from '../../src/inbox/source';
import type { Deps } from '../../src/jobs/deps';
import { tick } from '../../src/jobs';
import { memoryLogger } from '../../src/log';
import type { MailTransport, OutgoingMail } from '../../src/mail/transport';

/** A transport that keeps what it is asked to send; `failNext` makes sends throw. */
export function capturingTransport(): MailTransport & { sent: OutgoingMail[]; failNext: number } {
  const t = {
    sent: [] as OutgoingMail[],
    failNext: 0,
    async send(mail: OutgoingMail) {
      if (t.failNext > 0) {
        t.failNext--;
        throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
      }
      t.sent.push(mail);
    },
    close() {},
  };
  return t;
}

/** An inbox that hands out whatever a test puts in it, once. */
export function memorySource(): InboxSource & { deliver(raw: Buffer): void } {
  let queue: FetchedMessage[] = [];
  return {
    deliver(raw) {
      queue.push({ raw, ref: { source: 'memory', uidvalidity: null, uid: null } });
    },
    async poll(store) {
      const batch = queue;
      queue = [];
      batch.forEach(store);
      return batch.length;
    },
    close: async () => undefined,
  };
}

export async function compose(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

export interface World {
  deps: Deps;
  transport: ReturnType<typeof capturingTransport>;
  source: ReturnType<typeof memorySource>;
  logs: string[];
  dir: string;
  tick(at: string | Date): Promise<void>;
  close(): Promise<void>;
}

export function makeWorld(env: Record<string, string> = {}): World {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentormail-test-'));
  const config: Config = parseConfig({
    MENTORMAIL_DB: path.join(dir, 'test.db'),
    MENTORMAIL_MAILDIR: path.join(dir, 'mail'),
    MENTORMAIL_ADDRESS: 'mentoring@scheme.example',
    MENTORMAIL_COORDINATOR: 'coordinator@scheme.example',
    ...env,
  });
  const transport = capturingTransport();
  const source = memorySource();
  const logger = memoryLogger();
  const app = createApp(config, { transport, source, logger });
  return {
    deps: app,
    transport,
    source,
    logs: logger.lines,
    dir,
    tick: async (at) => {
      await tick(app, typeof at === 'string' ? new Date(at) : at);
    },
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Quotes a message the way most mail clients do under "On ... wrote:". */
export function quoted(mail: OutgoingMail): string {
  return `On Mon, 4 Jan 2027 at 10:00, ${mail.from.name} <${mail.replyTo ?? mail.from.address}> wrote:\n${mail.text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n')}`;
}

/** A reply to `mail` as a mail client sends it: to its Reply-To, threaded, original quoted below. */
export function replyTo(mail: OutgoingMail, from: string, text: string, extra: Partial<Mail.Options> = {}): Promise<Buffer> {
  return compose({
    from,
    to: mail.replyTo ?? mail.from.address,
    subject: `Re: ${mail.subject}`,
    inReplyTo: mail.messageId,
    references: [...mail.references, mail.messageId],
    text: `${text}\n\n${quoted(mail)}\n`,
    ...extra,
  });
}

export const FULL_ANSWERS = `Hi,

1. Skills acquisition
Solo laparoscopic appendicectomy; central lines under supervision.

2. Satisfaction with training
Mostly satisfied, rota gaps make teaching patchy.

3. Additions to your CV
Passed MRCS Part A. Audit on VTE prophylaxis presented locally.

4. Work-life balance
Hard during nights, better since I joined a running club.

5. Career goals: short term (next 6 months)
Pass MRCS Part B.

6. Career goals: medium term (1 to 3 years)
Get a core surgical training post in the region.

7. Career goals: long term (beyond 3 years)
Consultant colorectal surgeon.

8. Positive points from the past two months (at least two)
- Solo appendicectomy
- Good feedback from the registrar on a difficult consent

9. Negative points from the past two months (at least two)
- Delayed diagnosis of perforated bowel
- Missed teaching because of rota gaps

10. Anything else for your e-mentor (optional)
How did you prepare for Part B?

Best wishes,
Priya`;
