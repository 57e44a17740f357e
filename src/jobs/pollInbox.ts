import { syncToDisk } from '../db/durable';
import { storeInbound } from '../inbox/store';
import type { Job } from './deps';

/** Fetches new mail and stores each message raw; processing is the next job's work. */
export const pollInbox: Job = {
  id: 'poll-inbox',
  async run(deps, now) {
    let stored = 0;
    const fetched = await deps.source.poll(
      (message) => {
        const result = storeInbound(deps.db, message, now);
        if (result.id !== null) {
          stored++;
          deps.logger.log(result.state === 'new' ? 'info' : 'warn', `inbound.${result.state === 'new' ? 'stored' : result.state}`, {
            inbound_id: result.id,
          });
        }
      },
      () => syncToDisk(deps.db),
    );
    if (fetched > 0) deps.logger.log('info', 'inbox.polled', { fetched, stored });
  },
};
