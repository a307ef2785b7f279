/**
 * A client's shared view: a separate spreadsheet the add-on creates (so the drive.file scope
 * reaches it), written through the Sheets advanced service with RAW values, and shared through
 * Drive permissions. The registry itself is never shared. Which file belongs to which client,
 * and whom the add-on granted access, is kept in document properties.
 */
import { accountKey, sameAccount } from '../domain/google-account.js';
import { InputError } from '../domain/input-error.js';
import { SHARED_TABS, type SharedGrid, type ShareRole } from '../domain/founder-view.js';
import { ApiError, callApi } from './api-call.js';
import { parseStored, shareRecordSchema, type ShareRecord } from '../domain/stored-records.js';

interface SheetsApi {
  Spreadsheets: {
    create(resource: object): {
      spreadsheetId: string;
      spreadsheetUrl: string;
      sheets: { properties: { sheetId: number; title: string } }[];
    };
    batchUpdate(resource: object, id: string): unknown;
    Values: {
      batchUpdate(resource: object, id: string): unknown;
      batchClear(resource: object, id: string): unknown;
    };
  };
}

interface DriveApi {
  Files: { get(id: string, options?: object): { id: string; trashed?: boolean } };
  Permissions: {
    create(resource: object, fileId: string, options?: object): { id: string };
    list(
      fileId: string,
      options?: object,
    ): { permissions?: { id: string; role: string; emailAddress?: string }[] };
    remove(fileId: string, permissionId: string): void;
  };
}

const sheetsApi = (): SheetsApi => Sheets as unknown as SheetsApi;
const driveApi = (): DriveApi => Drive as unknown as DriveApi;

export type { ShareRecord };

const PREFIX = 'share.';

export function readShares(): Map<string, ShareRecord> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const out = new Map<string, ShareRecord>();
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(PREFIX)) continue;
    const record = parseStored(shareRecordSchema, v);
    // A record that no longer reads is left alone for a person to see, never shared from.
    if (record) out.set(k.slice(PREFIX.length), record);
  }
  return out;
}

/** Every file ever shared for the client, oldest first, the current one last. */
export function filesOf(record: ShareRecord): string[] {
  return [...new Set([...(record.files ?? []), record.fileId])];
}

export function saveShare(record: ShareRecord): void {
  const text = JSON.stringify(record);
  if (text.length > 8000)
    throw new InputError(
      'Too many people on one shared view: share with at most 10 addresses.',
      'emails',
    );
  PropertiesService.getDocumentProperties().setProperty(PREFIX + record.clientId, text);
}

const ROLE: Record<ShareRole, string> = { viewer: 'reader', commenter: 'commenter' };

/**
 * Whether the file is still there. Only Drive's own answer that it is gone (a 404, or the file in
 * the bin) means gone: a rate limit, a permission error or an outage is thrown, so no record
 * changes and no second file is made on a guess.
 */
export function sharedFileState(
  fileId: string,
  deadline?: number,
): 'present' | 'trashed' | 'not found' {
  try {
    const file = callApi(() => driveApi().Files.get(fileId, { fields: 'id,trashed' }), deadline);
    return file.trashed ? 'trashed' : 'present';
  } catch (e) {
    if (e instanceof ApiError && e.code === 404) return 'not found';
    throw e;
  }
}

/**
 * The client's shared file, made if there is none or if the one recorded was deleted. Under the
 * drive.file scope Google answers 404 for a file the add-on made for another account, so a 404
 * means deleted only for the account that made it; anyone else is told whose file it is.
 */
export function ensureSharedFile(
  clientName: string,
  existing: ShareRecord | undefined,
  deadline?: number,
): {
  fileId: string;
  url: string;
  sheetIds: ShareRecord['sheetIds'];
  recreated: boolean;
  created: boolean;
} {
  if (existing) {
    const state = sharedFileState(existing.fileId, deadline);
    if (state === 'present')
      return {
        fileId: existing.fileId,
        url: existing.url,
        sheetIds: existing.sheetIds,
        recreated: false,
        created: false,
      };
    const maker = existing.madeBy;
    if (
      state === 'not found' &&
      maker &&
      !sameAccount(maker, Session.getEffectiveUser().getEmail())
    )
      throw new InputError(
        `${clientName}'s founder view was made from ${maker}'s account, and Google lets the add-on reach it only from there: ask ${maker} to sync it.`,
      );
  }
  const made = callApi(
    () =>
      sheetsApi().Spreadsheets.create({
        properties: { title: `${clientName} — technical registry` },
        sheets: [
          { properties: { title: SHARED_TABS.registry } },
          { properties: { title: SHARED_TABS.week } },
        ],
      }),
    deadline,
  );
  const id = (title: string) =>
    made.sheets.find((s) => s.properties.title === title)?.properties.sheetId ?? 0;
  return {
    fileId: made.spreadsheetId,
    url: made.spreadsheetUrl,
    sheetIds: { registry: id(SHARED_TABS.registry), week: id(SHARED_TABS.week) },
    recreated: !!existing,
    created: true,
  };
}

function quote(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

function padded(rows: SharedGrid['rows'], size: [number, number]): (string | number)[][] {
  const height = Math.max(rows.length, size[0], 1);
  const width = Math.max(size[1], 1, ...rows.map((r) => r.length));
  return Array.from({ length: height }, (_, i) => {
    const r = rows[i] ?? [];
    return [...r, ...new Array<string>(width - r.length).fill('')];
  });
}

/**
 * Rewrites both tabs of the shared file in one RAW write, padded to what was written last time
 * so nothing stale remains; the titles are restyled (one more call) only when they moved.
 */
export function writeSharedFile(
  fileId: string,
  sheetIds: ShareRecord['sheetIds'],
  registry: SharedGrid,
  week: SharedGrid,
  name: string,
  previous: ShareRecord['written'],
  deadline?: number,
): NonNullable<ShareRecord['written']> {
  const sheets = sheetsApi();
  const r = padded(registry.rows, previous?.registry ?? [0, 0]);
  const w = padded(week.rows, previous?.week ?? [0, 0]);
  callApi(
    () =>
      sheets.Spreadsheets.Values.batchUpdate(
        {
          valueInputOption: 'RAW',
          data: [
            { range: `${quote(SHARED_TABS.registry)}!A1`, values: r },
            { range: `${quote(SHARED_TABS.week)}!A1`, values: w },
          ],
        },
        fileId,
      ),
    deadline,
  );
  const style = JSON.stringify([name, registry.bold, week.bold, r.length, w.length]);
  if (previous?.style !== style) {
    const format = (sheetId: number, from: number, to: number, bold: boolean) => ({
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: from,
          endRowIndex: to,
          startColumnIndex: 0,
          endColumnIndex: 16,
        },
        cell: {
          userEnteredFormat: {
            textFormat: { bold },
            backgroundColor: bold
              ? { red: 0.86, green: 0.9, blue: 0.95 }
              : { red: 1, green: 1, blue: 1 },
          },
        },
        fields: 'userEnteredFormat(textFormat,backgroundColor)',
      },
    });
    const requests = {
      requests: [
        {
          updateSpreadsheetProperties: {
            properties: { title: `${name} — technical registry` },
            fields: 'title',
          },
        },
        format(sheetIds.registry, 0, r.length, false),
        format(sheetIds.week, 0, w.length, false),
        ...registry.bold.map((row) => format(sheetIds.registry, row, row + 1, true)),
        ...week.bold.map((row) => format(sheetIds.week, row, row + 1, true)),
      ],
    };
    callApi(() => sheets.Spreadsheets.batchUpdate(requests, fileId), deadline);
  }
  return { registry: [r.length, r[0]?.length ?? 1], week: [w.length, w[0]?.length ?? 1], style };
}

type Permission = { id: string; role: string; emailAddress?: string };

function permissionsOf(fileId: string, deadline?: number): Map<string, Permission> {
  const listed =
    callApi(
      () => driveApi().Permissions.list(fileId, { fields: 'permissions(id,role,emailAddress)' }),
      deadline,
    ).permissions ?? [];
  return new Map(listed.map((p) => [accountKey(String(p.emailAddress ?? '')), p]));
}

/**
 * Gives each address the role, once; takes access away from addresses the add-on granted before
 * and no longer should. Addresses are compared as Google compares accounts. `onGranted` hears of
 * each grant as soon as Drive made it, before the next call.
 */
export function grantAccess(
  fileId: string,
  emails: readonly string[],
  role: ShareRole,
  previously: readonly string[],
  deadline?: number,
  onGranted: (email: string) => void = () => undefined,
): string[] {
  const drive = driveApi();
  const byAccount = permissionsOf(fileId, deadline);
  const wanted = new Set(emails.map(accountKey));
  const granted: string[] = [];
  for (const email of emails) {
    const has = byAccount.get(accountKey(email));
    if (has?.role === 'owner') continue;
    if (has && has.role === ROLE[role]) continue;
    if (has) callApi(() => drive.Permissions.remove(fileId, has.id), deadline);
    callApi(
      () =>
        drive.Permissions.create({ role: ROLE[role], type: 'user', emailAddress: email }, fileId, {
          sendNotificationEmail: true,
        }),
      deadline,
    );
    granted.push(email);
    onGranted(email);
  }
  for (const email of previously) {
    if (wanted.has(accountKey(email))) continue;
    const has = byAccount.get(accountKey(email));
    if (has && has.role !== 'owner')
      callApi(() => drive.Permissions.remove(fileId, has.id), deadline);
  }
  return granted;
}

export interface Revoked {
  removed: string[];
  /**
   * Files that could not be reached, with Google's answer; access there may remain. `elsewhere`:
   * the file was made from another account, which alone can reach it.
   */
  failed: { fileId: string; error: string; elsewhere: boolean }[];
}

/**
 * Takes access away from everyone the add-on ever granted, on every file ever shared for the
 * client; a file Drive says is gone is skipped. Each file stays with its owner.
 */
export function revokeAccess(record: ShareRecord): Revoked {
  const drive = driveApi();
  const granted = new Set([...record.emails, ...(record.everGranted ?? [])].map(accountKey));
  const removed = new Set<string>();
  const failed: Revoked['failed'] = [];
  for (const fileId of filesOf(record)) {
    try {
      for (const [account, p] of permissionsOf(fileId)) {
        if (p.role === 'owner' || !granted.has(account)) continue;
        callApi(() => drive.Permissions.remove(fileId, p.id));
        removed.add(String(p.emailAddress ?? account).toLowerCase());
      }
    } catch (e) {
      const maker = record.madeBy;
      const mine = !maker || sameAccount(maker, Session.getEffectiveUser().getEmail());
      if (e instanceof ApiError && e.code === 404 && mine) continue;
      failed.push({
        fileId,
        elsewhere: e instanceof ApiError && e.code === 404,
        error:
          e instanceof ApiError && e.code === 404
            ? `the view was made from ${maker ?? 'another'}'s account, and Google lets the add-on reach it only from there: ask ${maker ?? 'them'} to stop sharing`
            : e instanceof Error
              ? e.message
              : String(e),
      });
    }
  }
  return { removed: [...removed], failed };
}
