/**
 * Refresh priorities: Priorities and the Overview rewritten from every client tab. The tabs are
 * read and ranked without the lock, which is held only to write (ADR 21): an edit made meanwhile
 * is not kept waiting for the whole read. When a client was added in between (its mark on
 * Priorities would be lost), or a registry tab must be made again, everything is done again under
 * the lock.
 */
import { withDocumentLock } from '../services/document-lock.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import {
  refreshRollup,
  snapshotRegistry,
  type RefreshResult,
  type RegistrySnapshot,
} from '../sheets/rollup-refresh.js';
import { seedStageDeliverables } from '../sheets/health-sections.js';
import { activeSpreadsheet } from './active-spreadsheet.js';
import { clientsAdded } from './sidebar-client-index.js';
import { withShares } from './weekly-run.js';

/**
 * Gives each client whose Stage moved it into a new stage group that group's deliverables
 * (ADR 29); true when rows had to be inserted to hold them.
 */
function seedNewStages(snap: RegistrySnapshot): boolean {
  const records = new Map(snap.clients.map((c) => [c.id, c]));
  let inserted = false;
  for (const tab of snap.read.clients) {
    const c = records.get(tab.id);
    if (!c) continue;
    const { insertedRows } = seedStageDeliverables(
      tab.sheet,
      tab.layout,
      c.stage,
      c.health?.deliverables ?? null,
    );
    if (insertedRows) inserted = true;
  }
  return inserted;
}

export function refresh(): RefreshResult {
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  const added = clientsAdded();
  const early = snapshotRegistry(ss, timeZone, todayIn(timeZone), { repair: false });
  return withDocumentLock(() => {
    const unchanged = early !== null && clientsAdded() === added;
    let snap = unchanged ? early : snapshotRegistry(ss, timeZone, todayIn(timeZone));
    // A stage change's deliverables go into the rows the section keeps blank; only when it had to
    // insert rows (moving what is below) is the registry read again.
    if (seedNewStages(snap)) snap = snapshotRegistry(ss, timeZone, todayIn(timeZone));
    snap = withShares(snap);
    const at = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
    return refreshRollup(ss, snap, at, { decisionLog: true });
  });
}
