import { findOutboxByKey } from '../db/outbox';
import { readHealthData } from '../health';
import { queueReportEmail } from '../mail/emails';
import { buildReport, renderReport } from '../report';
import { localDateOf } from '../schedule/calendar';
import { isInsideSendingWindow } from '../schedule/window';
import type { Job } from './deps';

/**
 * REPORT_EMAIL=monthly: on the first tick of each month inside the sending window, the
 * coordinator gets report.txt as the email and report.html attached. Once a month: the month
 * is the email's dedupe key.
 */
export const mailMonthlyReport: Job = {
  id: 'mail-monthly-report',
  async run(deps, now) {
    const { config, db } = deps;
    if (config.reportEmail !== 'monthly') return;
    if (!isInsideSendingWindow(now, config.window, config.timeZone)) return;
    const month = localDateOf(now, config.timeZone).slice(0, 7);
    const dedupeKey = `report:${month}`;
    if (findOutboxByKey(db, dedupeKey)) return;
    const files = renderReport(buildReport(readHealthData(db), config, now));
    queueReportEmail(deps, { dedupeKey, month, text: files['report.txt'], html: files['report.html'] }, now);
    deps.logger.log('info', 'report.mailed', { month });
  },
};
