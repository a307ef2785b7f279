/** Refresh priorities: Priorities and the Overview rewritten from every client tab, under the lock. */
import { withDocumentLock } from '../services/document-lock.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import { refreshRollup, snapshotRegistry, type RefreshResult } from '../sheets/rollup-refresh.js';
import { activeSpreadsheet } from './active-spreadsheet.js';
import { withShares } from './weekly-run.js';

export function refresh(): RefreshResult {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const timeZone = spreadsheetTimeZone(ss);
    const snap = withShares(snapshotRegistry(ss, timeZone, todayIn(timeZone)));
    const at = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
    return refreshRollup(ss, snap, at, { checkRanges: true });
  });
}
