import { getRequest, requestsDue } from '../db/matching';
import { expireRequest, remindRequest } from '../matching/flow/requests';
import { isInsideSendingWindow } from '../schedule/window';
import type { Job } from './deps';

/**
 * Requests to e-mentors that have waited long enough: one reminder half way (inside the
 * sending window), and at the deadline the trainee's next choice is asked, in the same tick.
 */
export const settleMatchRequests: Job = {
  id: 'match-requests',
  async run(deps, now) {
    const inWindow = isInsideSendingWindow(now, deps.config.window, deps.config.timeZone);
    const at = now.toISOString();
    for (const due of requestsDue(deps.db, now)) {
      deps.db.transaction(() => {
        const request = getRequest(deps.db, due.id);
        if (request.state !== 'pending') return;
        if (request.expires_at <= at) expireRequest(deps, request, now);
        else if (request.remind_at !== null && request.remind_at <= at && inWindow) remindRequest(deps, request, now);
      })();
    }
  },
};
