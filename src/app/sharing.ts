/**
 * Sharing a client's view with its founders: the use cases behind `shareClientView`,
 * `syncSharedViews` (and the weekly run's sync) and `stopSharing`. A Drive or Sheets error at one
 * client is that client's failure, reported by name; every other client still completes.
 */
import { accountKey } from '../domain/google-account.js';
import { InputError } from '../domain/input-error.js';
import { emailsSchema, shareInputSchema } from '../domain/share-input.js';
import { SHARE_ROLES, type ShareRole } from '../domain/founder-view.js';
import { parseInput } from '../domain/validation.js';
import { buildWeeklyPlan, type WeeklyPlan } from '../domain/weekly-plan.js';
import { withDocumentLock } from '../services/document-lock.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import { refreshRollup, snapshotRegistry } from '../sheets/rollup-refresh.js';
import { ADDON_TITLE, activeSpreadsheet } from './active-spreadsheet.js';
import { withShares } from './weekly-run.js';
import {
  ensureSharedFile,
  filesOf,
  grantAccess,
  readShares,
  revokeAccess,
  saveShare,
  writeSharedFile,
  type ShareRecord,
} from '../services/founder-files.js';
import type { RegistrySnapshot } from '../sheets/rollup-refresh.js';
import { sharedGrids } from '../sheets/founder-view-grids.js';
import { str } from '../domain/client-record.js';

export interface ShareResult {
  clientId: string;
  clientName: string;
  url: string;
  emails: string[];
  role: ShareRole;
  granted: string[];
  recreated: boolean;
}

export interface SyncResult {
  synced: string[];
  recreated: string[];
  skipped: string[];
  /** Clients whose view could not be refreshed, with the reason; their records are unchanged. */
  failed: { client: string; error: string }[];
  /** Clients not reached before the run's time ran out. */
  notReached: string[];
}

/** Writes one client's view and grants access; the record changes only once all of it worked. */
export function shareOne(
  snap: RegistrySnapshot,
  plan: WeeklyPlan,
  timeZone: string,
  clientId: string,
  emails: string[],
  role: ShareRole,
  deadline?: number,
): ShareResult {
  const grids = sharedGrids(snap, clientId, plan, timeZone);
  if (!grids)
    throw new InputError(
      'That client is no longer in the registry. Reload the client list.',
      'clientId',
    );
  const existing = readShares().get(clientId);
  const file = ensureSharedFile(grids.name, existing, deadline);
  const written = writeSharedFile(
    file.fileId,
    file.sheetIds,
    grids.registry,
    grids.week,
    grids.name,
    file.created ? undefined : existing?.written,
    deadline,
  );
  const previously = existing && !file.created ? existing.emails : [];
  const granted = grantAccess(file.fileId, emails, role, previously, deadline);
  const everGranted = new Map(
    [...(existing?.everGranted ?? existing?.emails ?? []), ...emails].map((e) => [
      accountKey(e),
      e,
    ]),
  );
  const record: ShareRecord = {
    clientId,
    clientName: grids.name,
    fileId: file.fileId,
    url: file.url,
    sheetIds: file.sheetIds,
    emails,
    role,
    active: true,
    madeBy: file.created ? Session.getEffectiveUser().getEmail() : existing?.madeBy,
    files: existing ? [...filesOf(existing), file.fileId] : [file.fileId],
    everGranted: [...everGranted.values()],
    written,
  };
  record.files = [...new Set(record.files)];
  saveShare(record);
  return {
    clientId,
    clientName: grids.name,
    url: file.url,
    emails,
    role,
    granted,
    recreated: file.recreated,
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Refreshes every active shared view. A client whose view fails is reported and left as it was;
 * once `deadline` is near, the clients not reached are listed instead of being started.
 */
export function syncAll(
  snap: RegistrySnapshot,
  plan: WeeklyPlan,
  timeZone: string,
  deadline = Infinity,
): SyncResult {
  const result: SyncResult = { synced: [], recreated: [], skipped: [], failed: [], notReached: [] };
  for (const record of readShares().values()) {
    if (!record.active) continue;
    const client = snap.clients.find((c) => c.id === record.clientId);
    if (!client || client.status === 'Ended') {
      result.skipped.push(record.clientName);
      continue;
    }
    if (Date.now() >= deadline) {
      result.notReached.push(record.clientName);
      continue;
    }
    try {
      const shared = shareOne(
        snap,
        plan,
        timeZone,
        record.clientId,
        record.emails,
        record.role,
        deadline,
      );
      result.synced.push(shared.clientName);
      if (shared.recreated) result.recreated.push(shared.clientName);
    } catch (e) {
      result.failed.push({ client: record.clientName, error: messageOf(e) });
    }
  }
  return result;
}

/** What went wrong in a sync, in one sentence; empty when nothing did. */
export function syncTrouble(result: SyncResult): string {
  const parts: string[] = [];
  for (const f of result.failed) {
    const said = `${f.client}'s founder view `;
    const why = f.error.startsWith(said) ? `it ${f.error.slice(said.length)}` : f.error;
    parts.push(`${said}not synced: ${why}`);
  }
  if (result.notReached.length)
    parts.push(
      `out of time before syncing ${result.notReached.join(', ')}: choose Sync shared views`,
    );
  return parts.join('; ');
}

/** Takes away every access the add-on granted for the client, on every file it ever shared. */
export function stopSharingClient(clientId: string): { clientId: string; removed: string[] } {
  const record = readShares().get(clientId);
  if (!record || !record.active) throw new InputError('This client is not shared.', 'clientId');
  const { removed, failed } = revokeAccess(record);
  if (failed.length) {
    throw new InputError(
      `Access to ${record.clientName}'s view was not removed everywhere: ${failed
        .map((f) => f.error)
        .join('; ')}. Nothing was marked as stopped: choose Stop sharing again.`,
    );
  }
  saveShare({ ...record, active: false });
  return { clientId, removed };
}

export interface ShareInput {
  clientId: string;
  emails?: string | string[];
  role?: string;
}

/**
 * Shares a client's own view with its founders: a separate spreadsheet holding that client's
 * registry without anything private and this week's client-safe plan. Running it again updates
 * the same file and grants nothing twice.
 */
export function shareView(input: ShareInput): ShareResult {
  const request = parseInput(shareInputSchema, input, 'Share');
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const timeZone = spreadsheetTimeZone(ss);
    const today = todayIn(timeZone);
    const snap = withShares(snapshotRegistry(ss, timeZone, today));
    const client = snap.clients.find((c) => c.id === request.clientId);
    if (!client)
      throw new InputError(
        'That client is no longer in the registry. Reload the client list.',
        'clientId',
      );
    if (client.status === 'Ended')
      throw new InputError(
        `${client.name} has ended: its view is not shared any more.`,
        'clientId',
      );
    const role = request.role || snap.settings.sharingRole;
    if (!(SHARE_ROLES as readonly string[]).includes(role)) {
      throw new InputError(
        `Role must be viewer or commenter; founders never get edit access to their view (found "${role}").`,
        'role',
      );
    }
    const tab = snap.read.clients.find((c) => c.id === request.clientId);
    const founders = str(tab?.layout.profile.get('Founder emails')?.value);
    const emails = parseInput(emailsSchema, request.emails ?? founders, 'Emails');
    if (emails.length === 0)
      throw new InputError(
        `No one to share with: give emails, or fill ${client.name}'s Founder emails.`,
        'emails',
      );
    const plan = buildWeeklyPlan(snap.clients, snap.rollup, snap.settings, today);
    const result = shareOne(snap, plan, timeZone, request.clientId, emails, role as ShareRole);
    snap.shared.set(request.clientId, result.url);
    refreshRollup(ss, snap, Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm'), {
      checkRanges: false,
    });
    return result;
  });
}

/**
 * Rewrites every shared view from the registry; a deleted shared file is made again and reported,
 * and a client whose view fails is reported without stopping the others.
 */
export function syncViews(): SyncResult {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const timeZone = spreadsheetTimeZone(ss);
    const today = todayIn(timeZone);
    const snap = snapshotRegistry(ss, timeZone, today);
    const plan = buildWeeklyPlan(snap.clients, snap.rollup, snap.settings, today);
    const result = syncAll(snap, plan, timeZone);
    // Run from the menu, nothing else would say what happened out of the ordinary.
    const news = [
      ...result.recreated.map((c) => `${c}'s founder view was made again (its file was deleted)`),
      syncTrouble(result),
    ].filter(Boolean);
    if (news.length) ss.toast(`${news.join('; ')}.`, ADDON_TITLE);
    return result;
  });
}

export function stopSharingView(clientId: string): { clientId: string; removed: string[] } {
  return withDocumentLock(() => stopSharingClient(clientId));
}

export interface SharingEntry {
  clientId: string;
  clientName: string;
  url: string;
  emails: string[];
  role: ShareRole;
  active: boolean;
}

/** Who has access to which client's view, for the sidebar. */
export function sharingList(): SharingEntry[] {
  return [...readShares().values()].map((r) => ({
    clientId: r.clientId,
    clientName: r.clientName,
    url: r.url,
    emails: r.emails,
    role: r.role,
    active: r.active,
  }));
}
