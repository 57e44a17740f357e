import type { Config } from '../config';
import type { Db } from '../db/open';
import type { InboxSource } from '../inbox/source';
import type { Logger } from '../log';
import type { MailTransport } from '../mail/transport';
import type { Progress } from '../progress';
import type { Questionnaire } from '../questionnaire/definition';

/** What every job receives; made in one place (src/app.ts) from the config. */
export interface Deps {
  db: Db;
  config: Config;
  questionnaire: Questionnaire;
  transport: MailTransport;
  source: InboxSource;
  logger: Logger;
  /** Bars for long steps on a terminal; absent (nothing shown) in tests and under cron. */
  progress?: Progress;
}

export interface Job {
  id: string;
  /** Must be safe to run twice with the same `now`: the second run changes nothing. */
  run(deps: Deps, now: Date): Promise<void>;
}
