/**
 * A client's shared view: a separate spreadsheet the add-on creates (so the drive.file scope
 * reaches it), written through the Sheets advanced service with RAW values, and shared through
 * Drive permissions. The registry itself is never shared. Which file belongs to which client,
 * and whom the add-on granted access, is kept in document properties.
 */
import { InputError } from '../domain/input-error.js';
import { SHARED_TABS, type SharedGrid, type ShareRole } from '../domain/shared-view.js';

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

export interface ShareRecord {
  clientId: string;
  clientName: string;
  fileId: string;
  url: string;
  sheetIds: { registry: number; week: number };
  emails: string[];
  role: ShareRole;
  active: boolean;
  /** What was last written, so the next write blanks what it no longer needs and restyles only on change. */
  written?: { registry: [number, number]; week: [number, number]; style: string };
}

const PREFIX = 'share.';

export function readShares(): Map<string, ShareRecord> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const out = new Map<string, ShareRecord>();
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(PREFIX)) out.set(k.slice(PREFIX.length), JSON.parse(v) as ShareRecord);
  }
  return out;
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

function fileIsThere(fileId: string): boolean {
  try {
    return !driveApi().Files.get(fileId, { fields: 'id,trashed' }).trashed;
  } catch {
    return false;
  }
}

/** The client's shared file, made if there is none or if the one recorded was deleted. */
export function ensureSharedFile(
  clientName: string,
  existing: ShareRecord | undefined,
): {
  fileId: string;
  url: string;
  sheetIds: ShareRecord['sheetIds'];
  recreated: boolean;
  created: boolean;
} {
  if (existing && fileIsThere(existing.fileId))
    return {
      fileId: existing.fileId,
      url: existing.url,
      sheetIds: existing.sheetIds,
      recreated: false,
      created: false,
    };
  const made = sheetsApi().Spreadsheets.create({
    properties: { title: `${clientName} — technical registry` },
    sheets: [
      { properties: { title: SHARED_TABS.registry } },
      { properties: { title: SHARED_TABS.week } },
    ],
  });
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
): NonNullable<ShareRecord['written']> {
  const sheets = sheetsApi();
  const r = padded(registry.rows, previous?.registry ?? [0, 0]);
  const w = padded(week.rows, previous?.week ?? [0, 0]);
  sheets.Spreadsheets.Values.batchUpdate(
    {
      valueInputOption: 'RAW',
      data: [
        { range: `${quote(SHARED_TABS.registry)}!A1`, values: r },
        { range: `${quote(SHARED_TABS.week)}!A1`, values: w },
      ],
    },
    fileId,
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
    sheets.Spreadsheets.batchUpdate(
      {
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
      },
      fileId,
    );
  }
  return { registry: [r.length, r[0]?.length ?? 1], week: [w.length, w[0]?.length ?? 1], style };
}

/** Gives each address the role, once; takes access away from addresses the add-on granted before and no longer should. */
export function grantAccess(
  fileId: string,
  emails: readonly string[],
  role: ShareRole,
  previously: readonly string[],
): string[] {
  const drive = driveApi();
  const current =
    drive.Permissions.list(fileId, { fields: 'permissions(id,role,emailAddress)' }).permissions ??
    [];
  const byEmail = new Map(current.map((p) => [String(p.emailAddress ?? '').toLowerCase(), p]));
  const granted: string[] = [];
  for (const email of emails) {
    const has = byEmail.get(email);
    if (has?.role === 'owner') continue;
    if (has && has.role === ROLE[role]) continue;
    if (has) drive.Permissions.remove(fileId, has.id);
    drive.Permissions.create({ role: ROLE[role], type: 'user', emailAddress: email }, fileId, {
      sendNotificationEmail: true,
    });
    granted.push(email);
  }
  for (const email of previously) {
    if (emails.includes(email)) continue;
    const has = byEmail.get(email);
    if (has && has.role !== 'owner') drive.Permissions.remove(fileId, has.id);
  }
  return granted;
}

/** Takes access away from everyone the add-on granted; the file stays for its owner. */
export function revokeAccess(record: ShareRecord): string[] {
  if (!fileIsThere(record.fileId)) return [];
  const drive = driveApi();
  const current =
    drive.Permissions.list(record.fileId, { fields: 'permissions(id,role,emailAddress)' })
      .permissions ?? [];
  const removed: string[] = [];
  for (const p of current) {
    const email = String(p.emailAddress ?? '').toLowerCase();
    if (p.role === 'owner' || !record.emails.includes(email)) continue;
    drive.Permissions.remove(record.fileId, p.id);
    removed.push(email);
  }
  return removed;
}
