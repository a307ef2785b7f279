/**
 * Sharing a client's view with its founders: the use cases behind `shareClientView`,
 * `syncSharedViews` (and the weekly run's sync) and `stopSharing`. A Drive or Sheets error at one
 * client is that client's failure, reported by name; every other client still completes.
 */
import { clientRefSchema } from '../domain/add-item.js';
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
  ensureTabs,
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
  /** What the view leaves out because it cannot be read with confidence, and why. */
  withheld: string[];
}

export interface SyncResult {
  synced: string[];
  recreated: string[];
  skipped: string[];
  /** Clients whose view could not be refreshed, with the reason; their records are unchanged. */
  failed: { client: string; error: string }[];
  /** Clients not reached before the run's time ran out. */
  notReached: string[];
  /** Synced clients whose view leaves something out, with what and why (also under Problems). */
  withheld: { client: string; withheld: string[] }[];
}

/** The record with no stop under way. */
function settled(record: ShareRecord): ShareRecord {
  const out = { ...record };
  delete out.stopping;
  return out;
}

/** The addresses in `a` and then `b`, each account once. */
function accounts(a: readonly string[], b: readonly string[]): string[] {
  return [...new Map([...a, ...b].map((e) => [accountKey(e), e])).values()];
}

/**
 * Writes one client's view, unless it is what the file was last given (`rewrite` writes it
 * anyway), and grants access. Whatever Google has done is on record before the
 * next call: a file made is recorded at once, and each grant as it is made, so a failure part-way
 * leaves a record `Stop sharing` can act on, and the next share picks up where this one stopped.
 */
export function shareOne(
  snap: RegistrySnapshot,
  plan: WeeklyPlan,
  clientId: string,
  emails: string[],
  role: ShareRole,
  deadline?: number,
  rewrite = false,
): ShareResult {
  const existing = readShares().get(clientId);
  const grids = sharedGrids(snap, clientId, plan, existing?.focus, existing?.trusted);
  if (!grids)
    throw new InputError(
      'That client is no longer in the registry. Reload the client list.',
      'clientId',
    );
  const file = ensureSharedFile(grids.name, existing, deadline);
  let record: ShareRecord = {
    clientId,
    clientName: grids.name,
    fileId: file.fileId,
    url: file.url,
    sheetIds: file.sheetIds,
    focus: grids.focus,
    emails: existing?.emails ?? [],
    role: existing?.role ?? role,
    active: existing?.active ?? false,
    madeBy: file.created ? Session.getEffectiveUser().getEmail() : existing?.madeBy,
    files: [...new Set([...(existing ? filesOf(existing) : []), file.fileId])],
    everGranted: accounts(existing?.everGranted ?? [], existing?.emails ?? []),
    ...(file.created || !existing?.written ? {} : { written: existing.written }),
    ...(grids.trusted ? { trusted: grids.trusted } : {}),
    ...(existing?.stopping ? { stopping: true } : {}),
  };
  if (file.created) saveShare(record);
  const sheetIds = ensureTabs(file.fileId, file.sheetIds, deadline);
  // Tabs made or removed are on record before the next call, as files and grants are.
  if (sheetIds !== file.sheetIds) {
    record = { ...record, sheetIds };
    delete record.written;
    saveShare(record);
  }
  const written = writeSharedFile(
    file.fileId,
    sheetIds,
    grids.tabs,
    grids.name,
    rewrite ? undefined : record.written,
    deadline,
  );
  record = { ...record, written };
  const previously = file.created ? [] : record.emails;
  const granted = grantAccess(file.fileId, emails, role, previously, deadline, (email) => {
    record = {
      ...record,
      active: true,
      emails: accounts(record.emails, [email]),
      everGranted: accounts(record.everGranted ?? [], [email]),
    };
    saveShare(record);
  });
  saveShare({
    ...settled(record),
    emails,
    role,
    active: true,
    everGranted: accounts(record.everGranted ?? [], emails),
  });
  return {
    clientId,
    clientName: grids.name,
    url: file.url,
    emails,
    role,
    granted,
    recreated: file.recreated,
    withheld: grids.withheld,
  };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Refreshes every active shared view. A client whose view fails is reported and left as it was;
 * once `deadline` is near, the clients not reached are listed instead of being started.
 */
export function syncAll(snap: RegistrySnapshot, plan: WeeklyPlan, deadline = Infinity): SyncResult {
  const result: SyncResult = {
    synced: [],
    recreated: [],
    skipped: [],
    failed: [],
    notReached: [],
    withheld: [],
  };
  for (const record of readShares().values()) {
    if (!record.active) continue;
    const client = snap.clients.find((c) => c.id === record.clientId);
    const unread = snap.read.skipped.find((s) => s.id === record.clientId);
    if (unread) {
      result.failed.push({
        client: record.clientName,
        error: `its tab could not be read (${unread.error})`,
      });
      continue;
    }
    if (!client || client.status === 'Ended') {
      result.skipped.push(record.clientName);
      continue;
    }
    if (Date.now() >= deadline) {
      result.notReached.push(record.clientName);
      continue;
    }
    try {
      const shared = shareOne(snap, plan, record.clientId, record.emails, record.role, deadline);
      result.synced.push(shared.clientName);
      if (shared.recreated) result.recreated.push(shared.clientName);
      if (shared.withheld.length)
        result.withheld.push({ client: shared.clientName, withheld: shared.withheld });
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
  for (const w of result.withheld)
    parts.push(
      `${w.client}'s founder view withholds what cannot be read with confidence (${w.withheld.join('; ')})`,
    );
  return parts.join('; ');
}

/**
 * Takes away every access the add-on granted for the client, on every file it ever shared. The
 * record says "stopping" before the first call, so a stop that fails part-way is never synced
 * again and can be run again until it completes.
 */
export function stopSharingClient(clientId: string): { clientId: string; removed: string[] } {
  const record = readShares().get(clientId);
  if (!record || (!record.active && !record.stopping))
    throw new InputError('This client is not shared.', 'clientId');
  const stopping: ShareRecord = { ...record, active: false, stopping: true };
  if (!record.stopping) saveShare(stopping);
  const { removed, failed } = revokeAccess(record);
  if (failed.length && removed.length === 0 && failed.every((f) => f.elsewhere)) {
    // Nothing could be reached from this account (another account made the views): nothing
    // was done, so the record stays as it was, for the account that can stop it.
    saveShare(record);
    throw new InputError(
      `Access to ${record.clientName}'s view was not removed: ${failed.map((f) => f.error).join('; ')}.`,
    );
  }
  if (failed.length) {
    throw new InputError(
      `Access to ${record.clientName}'s view was not removed everywhere: ${failed
        .map((f) => f.error)
        .join(
          '; ',
        )}. Sharing is stopping: the view is no longer synced; choose Stop sharing again to finish.`,
    );
  }
  saveShare(settled(stopping));
  return { clientId, removed };
}

export interface ShareInput {
  clientId: string;
  emails?: string | string[];
  role?: string;
}

/**
 * Shares a client's own view with its founders: a separate spreadsheet opening on a Summary
 * written for them, then detail tabs of that client's registry without anything private. Running it again updates
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
    // The client's own tab could not be read: nothing is shared, and Google's answer is said.
    const unread = snap.read.skipped.find((s) => s.id === request.clientId);
    if (unread) throw new Error(unread.error);
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
    // Shared by hand, the file is written whole even when its view did not change: a hand edit
    // to it (only its owner can make one) is undone here (ADR 23).
    const result = shareOne(
      snap,
      plan,
      request.clientId,
      emails,
      role as ShareRole,
      undefined,
      true,
    );
    snap.shared.set(request.clientId, result.url);
    refreshRollup(ss, snap, Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm'));
    return result;
  });
}

/**
 * Rewrites every shared view from the registry; a deleted shared file is made again and reported,
 * and a client whose view fails is reported without stopping the others.
 */
export function syncViews(): SyncResult {
  // Until the registry is read, a failure may follow a write: the lock flushes then.
  let wroteRegistry = true;
  return withDocumentLock(
    () => {
      const ss = activeSpreadsheet();
      const timeZone = spreadsheetTimeZone(ss);
      const today = todayIn(timeZone);
      const snap = snapshotRegistry(ss, timeZone, today);
      // The registry is only read, unless one of its own tabs had to be made again.
      wroteRegistry = snap.repaired.length > 0;
      const plan = buildWeeklyPlan(snap.clients, snap.rollup, snap.settings, today);
      const result = syncAll(snap, plan);
      // Run from the menu, nothing else would say what happened out of the ordinary.
      const news = [
        ...result.recreated.map((c) => `${c}'s founder view was made again (its file was deleted)`),
        syncTrouble(result),
      ].filter(Boolean);
      if (news.length) ss.toast(`${news.join('; ')}.`, ADDON_TITLE);
      return result;
    },
    () => wroteRegistry,
  );
}

export function stopSharingView(input: { clientId: string }): {
  clientId: string;
  removed: string[];
} {
  const { clientId } = parseInput(clientRefSchema, input, 'Client');
  return withDocumentLock(() => stopSharingClient(clientId));
}

export interface SharingEntry {
  clientId: string;
  clientName: string;
  url: string;
  emails: string[];
  role: ShareRole;
  active: boolean;
  /** A stop that has not finished: nothing is synced, and Stop sharing should be chosen again. */
  stopping: boolean;
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
    stopping: r.stopping === true,
  }));
}
