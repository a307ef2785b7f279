/**
 * A client's shared view: a separate spreadsheet the add-on creates (so the drive.file scope
 * reaches it), written through the Sheets advanced service as text (never a formula), and shared through
 * Drive permissions. The registry itself is never shared. Which file belongs to which client,
 * and whom the add-on granted access, is kept in document properties.
 */
import { accountKey, sameAccount } from '../domain/google-account.js';
import { InputError } from '../domain/input-error.js';
import {
  SHARED_TABS,
  type Fill,
  type SharedGrid,
  type SharedTabKey,
  type ShareRole,
} from '../domain/founder-view.js';
import { fingerprint } from '../domain/fingerprint.js';
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
        properties: { title: fileTitle(clientName) },
        sheets: TAB_KEYS.map((key) => ({ properties: { title: SHARED_TABS[key] } })),
      }),
    deadline,
  );
  const sheetIds: ShareRecord['sheetIds'] = {};
  for (const key of TAB_KEYS)
    sheetIds[key] =
      made.sheets.find((s) => s.properties.title === SHARED_TABS[key])?.properties.sheetId ?? 0;
  return {
    fileId: made.spreadsheetId,
    url: made.spreadsheetUrl,
    sheetIds,
    recreated: !!existing,
    created: true,
  };
}

const TAB_KEYS = Object.keys(SHARED_TABS) as SharedTabKey[];

/** The founder file's name: the client's, never anyone else's. */
function fileTitle(clientName: string): string {
  return `${clientName} — technical registry`;
}

/**
 * A file made before the Summary (a Registry and a This week tab) gets the Summary and the detail
 * tabs, and loses the old ones, in one call; a current file is left as it is.
 */
export function ensureTabs(
  fileId: string,
  sheetIds: ShareRecord['sheetIds'],
  deadline?: number,
): ShareRecord['sheetIds'] {
  const missing = TAB_KEYS.filter((k) => sheetIds[k] === undefined);
  const old = Object.keys(sheetIds).filter((k) => !(TAB_KEYS as string[]).includes(k));
  if (missing.length === 0 && old.length === 0) return sheetIds;
  const reply = callApi(
    () =>
      sheetsApi().Spreadsheets.batchUpdate(
        {
          requests: [
            ...missing.map((key) => ({
              addSheet: { properties: { title: SHARED_TABS[key], index: TAB_KEYS.indexOf(key) } },
            })),
            ...old.map((key) => ({ deleteSheet: { sheetId: sheetIds[key] } })),
          ],
        },
        fileId,
      ),
    deadline,
  ) as { replies?: { addSheet?: { properties?: { sheetId?: number; title?: string } } }[] };
  const out: ShareRecord['sheetIds'] = {};
  for (const key of TAB_KEYS) {
    const added = reply.replies?.find((r) => r.addSheet?.properties?.title === SHARED_TABS[key]);
    out[key] = sheetIds[key] ?? added?.addSheet?.properties?.sheetId ?? 0;
  }
  return out;
}

/** A tab's grid: its rows, each as wide as the widest, and one row below a frozen header at least. */
function gridOf(tab: SharedGrid): (string | number)[][] {
  const height = Math.max(tab.rows.length, tab.frozenRows + 1, 1);
  const width = Math.max(1, tab.widths.length, ...tab.rows.map((r) => r.length));
  return Array.from({ length: height }, (_, i) => {
    const r = tab.rows[i] ?? [];
    return [...r, ...new Array<string>(width - r.length).fill('')];
  });
}

/** A cell as the Sheets API takes it: text is always a stringValue, so it never becomes a formula. */
function cellOf(v: string | number): object {
  if (typeof v === 'number') return { userEnteredValue: { numberValue: v } };
  return v === '' ? {} : { userEnteredValue: { stringValue: v } };
}

const FILLS: Record<Fill, { red: number; green: number; blue: number }> = {
  'At risk': { red: 0.96, green: 0.8, blue: 0.8 },
  'Needs attention': { red: 1, green: 0.9, blue: 0.7 },
  'On track': { red: 0.82, green: 0.93, blue: 0.82 },
  'Needs you': { red: 1, green: 0.9, blue: 0.7 },
};
const HEADER_BAND = { red: 0.86, green: 0.9, blue: 0.95 };
const WHITE = { red: 1, green: 1, blue: 1 };

/**
 * The requests that write one tab: the grid sized to its rows (what stood below or right of them
 * goes with the rows and columns dropped), its cells, then the drawing: widths, wrap, frozen
 * header, bold titles, shaded headers and the Summary's colours.
 */
function tabRequests(sheetId: number, tab: SharedGrid): object[] {
  const grid = gridOf(tab);
  const height = grid.length;
  const width = grid[0]?.length ?? 1;
  const range = (fromRow: number, toRow: number, fromColumn = 0, toColumn = width) => ({
    sheetId,
    startRowIndex: fromRow,
    endRowIndex: toRow,
    startColumnIndex: fromColumn,
    endColumnIndex: toColumn,
  });
  const paint = (
    r: object,
    format: { bold?: boolean; background?: object; wrap?: boolean },
    fields: string,
  ) => ({
    repeatCell: {
      range: r,
      cell: {
        userEnteredFormat: {
          ...(format.bold === undefined ? {} : { textFormat: { bold: format.bold } }),
          ...(format.background ? { backgroundColor: format.background } : {}),
          ...(format.wrap === undefined
            ? {}
            : { wrapStrategy: format.wrap ? 'WRAP' : 'OVERFLOW_CELL', verticalAlignment: 'TOP' }),
        },
      },
      fields: `userEnteredFormat(${fields})`,
    },
  });
  // A title's text runs across the row; everything else wraps in its column.
  return [
    {
      updateSheetProperties: {
        properties: {
          sheetId,
          gridProperties: { rowCount: height, columnCount: width, frozenRowCount: tab.frozenRows },
        },
        fields: 'gridProperties(rowCount,columnCount,frozenRowCount)',
      },
    },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: grid.map((r) => ({ values: r.map(cellOf) })),
        fields: 'userEnteredValue',
      },
    },
    paint(
      range(0, height),
      { bold: false, background: WHITE, wrap: true },
      'textFormat,backgroundColor,wrapStrategy,verticalAlignment',
    ),
    ...tab.widths.map((pixelSize, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize },
        fields: 'pixelSize',
      },
    })),
    ...tab.titles.map((row) =>
      paint(
        range(row, row + 1),
        { bold: true, wrap: false },
        'textFormat,wrapStrategy,verticalAlignment',
      ),
    ),
    ...tab.headers.map((row) =>
      paint(
        range(row, row + 1),
        { bold: true, background: HEADER_BAND },
        'textFormat,backgroundColor',
      ),
    ),
    ...tab.fills.map((f) =>
      paint(
        range(f.row, f.row + 1, f.column, f.column + 1),
        { bold: true, background: FILLS[f.fill] },
        'textFormat,backgroundColor',
      ),
    ),
  ];
}

/**
 * The version of how `tabRequests` draws a founder file: raised when the drawing changes, so that
 * every founder file is drawn again at the next sync, its contents unchanged or not.
 */
const FILE_DRAWING = 1;

/**
 * Writes the whole founder file in one `batchUpdate`, which Sheets applies all or nothing: its
 * name, and for every tab its grid sized to its rows, its cells and its drawing. Nothing is sent
 * when all of it is what the last write sent (`previous.view`).
 */
export function writeSharedFile(
  fileId: string,
  sheetIds: ShareRecord['sheetIds'],
  tabs: readonly SharedGrid[],
  name: string,
  previous: ShareRecord['written'],
  deadline?: number,
): NonNullable<ShareRecord['written']> {
  const requests = [
    {
      updateSpreadsheetProperties: { properties: { title: fileTitle(name) }, fields: 'title' },
    },
    ...tabs.flatMap((tab) => tabRequests(sheetIds[tab.key] ?? 0, tab)),
  ];
  // The fingerprint of what the requests are drawn from, not of the requests (several times
  // larger: every cell wrapped in its own objects), with the version of the drawing.
  const view = fingerprint([FILE_DRAWING, name, sheetIds, tabs]);
  if (previous?.view !== view)
    callApi(() => sheetsApi().Spreadsheets.batchUpdate({ requests }, fileId), deadline);
  return { view };
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
