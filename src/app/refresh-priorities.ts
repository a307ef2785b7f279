/**
 * Refresh priorities: Priorities and the Overview rewritten from every client tab. The tabs are
 * read and ranked without the lock, which is held only to write (ADR 21): an edit made meanwhile
 * is not kept waiting for the whole read. When a client was added in between (its mark on
 * Priorities would be lost), or a registry tab must be made again, everything is done again under
 * the lock.
 */
import { withDocumentLock } from '../services/document-lock.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import { refreshRollup, snapshotRegistry, type RefreshResult } from '../sheets/rollup-refresh.js';
import { activeSpreadsheet } from './active-spreadsheet.js';
import { clientsAdded } from './sidebar-client-index.js';
import { withShares } from './weekly-run.js';

export function refresh(): RefreshResult {
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  const added = clientsAdded();
  const early = snapshotRegistry(ss, timeZone, todayIn(timeZone), { repair: false });
  return withDocumentLock(() => {
    const unchanged = early !== null && clientsAdded() === added;
    const snap = withShares(unchanged ? early : snapshotRegistry(ss, timeZone, todayIn(timeZone)));
    const at = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
    return refreshRollup(ss, snap, at, { checkRanges: true, decisionLog: true });
  });
}
