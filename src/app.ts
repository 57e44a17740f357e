import type { Config } from './config';
import { openDatabase } from './db/open';
import { imapSource } from './inbox/imapSource';
import { localFolderSource } from './inbox/localSource';
import { MAX_READ_BYTES, type InboxSource } from './inbox/source';
import { cursorOf } from './inbox/store';
import type { Deps } from './jobs/deps';
import { jsonLogger, type Logger } from './log';
import { localFolderTransport, smtpTransport, type MailTransport } from './mail/transport';
import { mailboxTokens } from './oauth';
import type { Progress } from './progress';
import { loadQuestionnaire } from './questionnaire/definition';

export interface AppOverrides {
  transport?: MailTransport;
  source?: InboxSource;
  logger?: Logger;
  progress?: Progress;
}

/** The one place real objects are made from the config (the CLI and tests call it). */
export function createApp(config: Config, overrides: AppOverrides = {}): Deps & { close(): Promise<void> } {
  const logger = overrides.logger ?? jsonLogger(config.logLevel);
  const db = openDatabase(config.dbPath);
  const t = config.transport;
  // MAIL_AUTH=oauth2: one token source for both servers, cached in the database between ticks.
  const tokens =
    t.kind === 'server' && t.auth.kind === 'oauth2'
      ? mailboxTokens(t.auth.provider, t.imap.user ?? config.address, { db, logger })
      : undefined;
  const transport = overrides.transport ?? (t.kind === 'server' ? smtpTransport(t.smtp, tokens) : localFolderTransport(t.outboxDir));
  const source =
    overrides.source ??
    (t.kind === 'server'
      ? imapSource({
          endpoint: t.imap,
          mailbox: t.imap.mailbox,
          processedMailbox: t.imap.processedMailbox,
          maxMessageBytes: MAX_READ_BYTES,
          cursor: () => cursorOf(db, `imap:${t.imap.mailbox}`),
          logger,
          tokens,
        })
      : localFolderSource(t.inboxDir, t.processedDir, MAX_READ_BYTES));
  return {
    db,
    config,
    // Read when first needed: an idle tick composes and reads no mail (see lazy.ts).
    get questionnaire() {
      return loadQuestionnaire(config.questionnairePath);
    },
    transport,
    source,
    logger,
    ...(overrides.progress ? { progress: overrides.progress } : {}),
    async close() {
      transport.close();
      await source.close();
      db.close();
    },
  };
}
