/**
 * The Sheets (v4) and Drive (v3) advanced services, for the calls the add-on makes on files it
 * created: create a spreadsheet, write values RAW, format, list and change permissions. With
 * only the drive.file scope, a file the script did not create is out of reach, as with Google.
 */
import { createHash } from 'node:crypto';
import { SCOPE, type ApiErrorDetails, type ApiStatus, type Env } from './env.js';
import { quoteSheetName, parseA1 } from './a1.js';
import { Workbook, type SheetData } from './workbook.js';
import { CELL_CHARACTER_LIMIT } from './range.js';
import type { Drive as DriveState } from './spreadsheet-app.js';
import { totals, updated, type Written } from './values-response.js';
import { isEmuBlob, newBlob, storeBlobFile, type DriveBlobFile } from './blob.js';

/**
 * The error bodies the two APIs answer with, by HTTP status, as Google documents them (Drive:
 * developers.google.com/workspace/drive/api/guides/handle-errors) and users report them (Sheets).
 * Apps Script throws them as a GoogleJsonResponseException whose `details` is the body.
 */
function driveError(status: ApiStatus, fileId: string): ApiErrorDetails {
  const bodies: Record<ApiStatus, [string, string, string]> = {
    403: [
      'insufficientFilePermissions',
      'global',
      `The user does not have sufficient permissions for file ${fileId}.`,
    ],
    404: ['notFound', 'global', `File not found: ${fileId}.`],
    429: ['rateLimitExceeded', 'usageLimits', 'Rate Limit Exceeded'],
    500: ['backendError', 'global', 'Backend Error'],
  };
  const [reason, domain, message] = bodies[status];
  return { code: status, message, errors: [{ domain, reason, message }] };
}

function sheetsError(status: ApiStatus, write: boolean): ApiErrorDetails {
  const kind = write ? 'Write' : 'Read';
  const bodies: Record<ApiStatus, [string, string]> = {
    403: ['PERMISSION_DENIED', 'The caller does not have permission'],
    404: ['NOT_FOUND', 'Requested entity was not found.'],
    429: [
      'RESOURCE_EXHAUSTED',
      `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
    ],
    500: ['INTERNAL', 'Internal error encountered.'],
  };
  const [canonical, message] = bodies[status];
  return { code: status, message, status: canonical };
}

/** One advanced-service method: how the script calls it, the API method it reaches, and its errors. */
interface Api {
  method: string;
  api: string;
  error(status: ApiStatus): Error;
}

function driveApi(env: Env, method: string, api: string, fileId: string): Api {
  return { method, api, error: (status) => env.apiError(api, driveError(status, fileId)) };
}

function sheetsApi(env: Env, method: string, api: string, write: boolean): Api {
  return { method, api, error: (status) => env.apiError(api, sheetsError(status, write)) };
}

/** Counts the call, checks authorisation and scope, and throws a failure armed with `failApi`. */
function enter(env: Env, a: Api, scopes: readonly string[], cells = 0): void {
  env.record(a.method, cells);
  env.requireAuth(a.api);
  env.requireScope(a.api, scopes);
  env.apiFault(a.method, a.error);
}

/**
 * The file as the API call sees it. A file that does not exist, that the user cannot read, or
 * that the app may not open for this user under drive.file alone answers 404, as Drive does for
 * a file the app cannot see; a change to a file the user may only read answers 403.
 */
function reachable(env: Env, drive: DriveState, id: string, a: Api, write = false): Workbook {
  const wb = drive.files.get(id);
  const user = env.user;
  const onlyFileScope = !env.granted(SCOPE.sheets) && !env.granted(SCOPE.drive);
  if (!wb || !wb.canRead(user) || (onlyFileScope && !wb.appAccess.has(user))) throw a.error(404);
  if (write && !wb.canEdit(user)) throw a.error(403);
  return wb;
}

function invalid(env: Env, a: Api, message: string, code = 400): Error {
  return env.apiError(a.api, { code, message, status: 'INVALID_ARGUMENT' });
}

function sheetFor(wb: Workbook, id: number, env: Env, a: Api): SheetData {
  const sheet = wb.sheetById(id);
  if (!sheet) throw invalid(env, a, `Invalid requests: No grid with id: ${id}`);
  return sheet;
}

/**
 * The Spreadsheet resource: each sheet's properties with its grid's size, and frozen rows and
 * columns when there are some (the API leaves out a field that is zero), as
 * developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#GridProperties.
 */
function describe(wb: Workbook) {
  return {
    spreadsheetId: wb.id,
    spreadsheetUrl: wb.url,
    properties: { title: wb.name, timeZone: wb.timeZone },
    sheets: wb.sheets.map((s, index) => ({
      properties: {
        sheetId: s.id,
        title: s.name,
        index,
        sheetType: 'GRID',
        gridProperties: {
          rowCount: s.maxRows,
          columnCount: s.maxColumns,
          ...(s.frozenRows ? { frozenRowCount: s.frozenRows } : {}),
          ...(s.frozenColumns ? { frozenColumnCount: s.frozenColumns } : {}),
        },
      },
    })),
  };
}

const SHEETS_SCOPES = [SCOPE.sheets, SCOPE.driveFile, SCOPE.drive];

/**
 * GridProperties rowCount and columnCount set the size of the grid: rows and columns past the new
 * size are deleted with what they hold, new ones are added empty
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#GridProperties).
 */
function resizeGrid(wb: Workbook, sheet: SheetData, rows: unknown, columns: unknown): void {
  if (typeof rows === 'number') {
    if (rows > sheet.maxRows) wb.insertRows(sheet, sheet.maxRows + 1, rows - sheet.maxRows, null);
    else if (rows < sheet.maxRows) wb.deleteRows(sheet, rows + 1, sheet.maxRows - rows);
  }
  if (typeof columns === 'number') {
    if (columns > sheet.maxColumns)
      wb.insertColumns(sheet, sheet.maxColumns + 1, columns - sheet.maxColumns);
    else if (columns < sheet.maxColumns)
      wb.deleteColumns(sheet, columns + 1, sheet.maxColumns - columns);
  }
}

interface UpdateCellsBody {
  rows?: { values?: { userEnteredValue?: Record<string, unknown> }[] }[];
  fields?: string;
  start?: { sheetId?: number; rowIndex?: number; columnIndex?: number };
  range?: {
    sheetId?: number;
    startRowIndex?: number;
    endRowIndex?: number;
    startColumnIndex?: number;
    endColumnIndex?: number;
  };
}

function cellsSheetId(body: UpdateCellsBody): number {
  return body.start?.sheetId ?? body.range?.sheetId ?? 0;
}

/**
 * UpdateCellsRequest
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateCellsRequest),
 * for the field the add-on writes, `userEnteredValue`: `rows` from `start`, or over `range`,
 * where the cells the rows do not cover are cleared. A `stringValue` is text as it is, never a
 * formula (a formula is `formulaValue`). Writing past the grid is refused, as Sheets refuses it
 * ("exceeds grid limits", users' reports such as nithinmurali/pygsheets#124): the grid is sized first.
 */
function updateCells(
  wb: Workbook,
  sheet: SheetData,
  body: UpdateCellsBody,
  refuse: (message: string) => Error,
): void {
  const fields = (body.fields ?? '').split(',').map((f) => f.trim());
  if (!fields.includes('userEnteredValue') && !fields.includes('*'))
    throw refuse('At least one field must be specified; the emulator writes userEnteredValue.');
  const top = body.start?.rowIndex ?? body.range?.startRowIndex ?? 0;
  const left = body.start?.columnIndex ?? body.range?.startColumnIndex ?? 0;
  const rows = body.rows ?? [];
  const height = body.range ? (body.range.endRowIndex ?? sheet.maxRows) - top : rows.length;
  const width = body.range
    ? (body.range.endColumnIndex ?? sheet.maxColumns) - left
    : rows.reduce((n, r) => Math.max(n, r.values?.length ?? 0), 0);
  if (top + height > sheet.maxRows || left + width > sheet.maxColumns)
    throw refuse(
      `Range (${quoteSheetName(sheet.name)}!R${top + 1}C${left + 1}:R${top + height}C${left + width}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`,
    );
  if (height <= 0 || width <= 0) return;
  for (const r of rows)
    for (const c of r.values ?? [])
      if (String(c.userEnteredValue?.stringValue ?? '').length > CELL_CHARACTER_LIMIT)
        throw refuse(
          `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
        );
  wb.writeBlock(
    sheet,
    top + 1,
    left + 1,
    Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => {
        const v = rows[i]?.values?.[j]?.userEnteredValue;
        if (!v) return { kind: 'empty' as const };
        if (typeof v.formulaValue === 'string') return wb.interpret(v.formulaValue, undefined);
        if (typeof v.stringValue === 'string')
          return v.stringValue === ''
            ? { kind: 'empty' as const }
            : { kind: 'value' as const, value: v.stringValue };
        if (typeof v.numberValue === 'number')
          return { kind: 'value' as const, value: v.numberValue };
        if (typeof v.boolValue === 'boolean') return { kind: 'value' as const, value: v.boolValue };
        return { kind: 'empty' as const };
      }),
    ),
  );
}

export function sheetsAdvancedService(env: Env, drive: DriveState): unknown {
  const values = {
    batchUpdate(
      resource: { valueInputOption?: string; data?: { range: string; values: unknown[][] }[] },
      id: string,
    ) {
      const a = sheetsApi(
        env,
        'Sheets.Spreadsheets.Values.batchUpdate',
        'sheets.spreadsheets.values.batchUpdate',
        true,
      );
      enter(
        env,
        a,
        SHEETS_SCOPES,
        (resource.data ?? []).reduce((n, d) => n + d.values.length * (d.values[0]?.length ?? 0), 0),
      );
      const wb = reachable(env, drive, id, a, true);
      const raw = resource.valueInputOption !== 'USER_ENTERED';
      // The API refuses the whole write, as setValues does, when one cell is over the limit.
      for (const d of resource.data ?? [])
        for (const r of d.values)
          for (const v of r)
            if (typeof v === 'string' && v.length > CELL_CHARACTER_LIMIT)
              throw invalid(
                env,
                a,
                `Your input contains more than the maximum of ${CELL_CHARACTER_LIMIT} characters in a single cell.`,
              );
      const written: Written[] = [];
      for (const d of resource.data ?? []) {
        const ref = parseA1(d.range);
        const sheet = ref?.sheetName !== undefined ? wb.sheetByName(ref.sheetName) : wb.sheets[0];
        if (!ref || !sheet) throw invalid(env, a, `Unable to parse range: ${d.range}`);
        const row = ref.startRow ?? 1;
        const column = ref.startColumn ?? 1;
        const height = d.values.length;
        const width = d.values.reduce((n, r) => Math.max(n, r.length), 0);
        if (row + height - 1 > sheet.maxRows)
          wb.insertRows(sheet, sheet.maxRows + 1, row + height - 1 - sheet.maxRows, null);
        if (column + width - 1 > sheet.maxColumns)
          wb.insertColumns(sheet, sheet.maxColumns + 1, column + width - 1 - sheet.maxColumns);
        wb.writeBlock(
          sheet,
          row,
          column,
          d.values.map((r) =>
            Array.from({ length: width }, (_, j) => {
              const v = r[j];
              if (v === undefined || v === null || v === '') return { kind: 'empty' as const };
              if (raw && typeof v === 'string') return { kind: 'value' as const, value: v };
              return wb.interpret(v, undefined);
            }),
          ),
        );
        written.push(updated(id, sheet, row, column, d.values));
      }
      return {
        spreadsheetId: id,
        ...totals(written),
        responses: written.map((w) => w.response),
      };
    },
    batchClear(resource: { ranges?: string[] }, id: string) {
      const a = sheetsApi(
        env,
        'Sheets.Spreadsheets.Values.batchClear',
        'sheets.spreadsheets.values.batchClear',
        true,
      );
      enter(env, a, SHEETS_SCOPES);
      const wb = reachable(env, drive, id, a, true);
      for (const r of resource.ranges ?? []) {
        const name = r.includes('!')
          ? (parseA1(r)?.sheetName ?? '')
          : r.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
        const sheet = wb.sheetByName(name);
        if (!sheet) continue;
        const rows = sheet.lastRow();
        const cols = sheet.lastColumn();
        if (rows && cols)
          wb.writeBlock(
            sheet,
            1,
            1,
            Array.from({ length: rows }, () =>
              Array.from({ length: cols }, () => ({ kind: 'empty' as const })),
            ),
          );
      }
      return { spreadsheetId: id };
    },
  };
  return {
    Spreadsheets: {
      Values: values,
      create(resource: {
        properties?: { title?: string };
        sheets?: { properties?: { title?: string } }[];
      }) {
        const a = sheetsApi(env, 'Sheets.Spreadsheets.create', 'sheets.spreadsheets.create', true);
        enter(env, a, SHEETS_SCOPES);
        const titles = (resource.sheets ?? [])
          .map((s) => s.properties?.title ?? '')
          .filter(Boolean);
        const home =
          env.documentId === null ? undefined : (drive.files.get(env.documentId) ?? undefined);
        const wb = new Workbook(
          Workbook.newId(),
          resource.properties?.title ?? 'Untitled spreadsheet',
          (home ?? drive.active).timeZone,
          env.user,
          titles[0] ?? 'Sheet1',
        );
        wb.now = drive.active.now;
        wb.createdByApp = true;
        // drive.file: the app may open what it created, for the user it created it for.
        wb.appAccess.add(env.user);
        for (const t of titles.slice(1)) wb.addSheet(t);
        drive.files.set(wb.id, wb);
        return describe(wb);
      },
      get(id: string) {
        const a = sheetsApi(env, 'Sheets.Spreadsheets.get', 'sheets.spreadsheets.get', false);
        enter(env, a, SHEETS_SCOPES);
        const wb = reachable(env, drive, id, a);
        if (wb.trashed) throw a.error(404);
        return describe(wb);
      },
      batchUpdate(resource: { requests?: Record<string, any>[] }, id: string) {
        const a = sheetsApi(
          env,
          'Sheets.Spreadsheets.batchUpdate',
          'sheets.spreadsheets.batchUpdate',
          true,
        );
        enter(env, a, SHEETS_SCOPES, (resource.requests ?? []).length);
        const wb = reachable(env, drive, id, a, true);
        const replies: Record<string, unknown>[] = [];
        for (const request of resource.requests ?? []) {
          const [kind, body] = Object.entries(request)[0] ?? ['', {}];
          switch (kind) {
            case 'addSheet': {
              const title = String(body.properties?.title ?? `Sheet${wb.sheets.length + 1}`);
              if (wb.sheetByName(title))
                throw invalid(
                  env,
                  a,
                  `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
                );
              const sheet = wb.addSheet(title);
              replies.push({ addSheet: { properties: { sheetId: sheet.id, title } } });
              break;
            }
            case 'deleteSheet':
              wb.removeSheet(sheetFor(wb, Number(body.sheetId), env, a));
              replies.push({});
              break;
            case 'updateSheetProperties': {
              const sheet = sheetFor(wb, Number(body.properties?.sheetId), env, a);
              if (body.properties?.title) wb.renameSheet(sheet, String(body.properties.title));
              const grid = body.properties?.gridProperties ?? {};
              const frozen = grid.frozenRowCount;
              if (typeof frozen === 'number') sheet.frozenRows = frozen;
              resizeGrid(wb, sheet, grid.rowCount, grid.columnCount);
              replies.push({});
              break;
            }
            case 'updateCells':
              updateCells(wb, sheetFor(wb, Number(cellsSheetId(body)), env, a), body, (m) =>
                invalid(env, a, `Invalid requests[${replies.length}].updateCells: ${m}`),
              );
              replies.push({});
              break;
            // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateDimensionPropertiesRequest
            case 'updateDimensionProperties': {
              const r = body.range ?? {};
              const sheet = sheetFor(wb, Number(r.sheetId), env, a);
              const size = body.properties?.pixelSize;
              if (r.dimension === 'COLUMNS' && typeof size === 'number')
                for (let c = (r.startIndex ?? 0) + 1; c <= (r.endIndex ?? sheet.maxColumns); c++)
                  sheet.columnWidths.set(c, size);
              replies.push({});
              break;
            }
            case 'updateSpreadsheetProperties':
              if (body.properties?.title) wb.name = String(body.properties.title);
              replies.push({});
              break;
            case 'repeatCell': {
              const r = body.range ?? {};
              const sheet = sheetFor(wb, Number(r.sheetId), env, a);
              const fmt = body.cell?.userEnteredFormat ?? {};
              const bg = fmt.backgroundColor;
              const hex = (n: number | undefined) =>
                Math.round((n ?? 0) * 255)
                  .toString(16)
                  .padStart(2, '0');
              for (
                let row = (r.startRowIndex ?? 0) + 1;
                row <= (r.endRowIndex ?? sheet.maxRows);
                row++
              ) {
                for (
                  let col = (r.startColumnIndex ?? 0) + 1;
                  col <= (r.endColumnIndex ?? sheet.maxColumns);
                  col++
                ) {
                  const cell = sheet.ensureCell(row, col);
                  const format = { ...cell.format };
                  if (fmt.textFormat && 'bold' in fmt.textFormat)
                    format.bold = !!fmt.textFormat.bold;
                  if (bg) format.background = `#${hex(bg.red)}${hex(bg.green)}${hex(bg.blue)}`;
                  if (fmt.wrapStrategy) format.wrap = fmt.wrapStrategy === 'WRAP';
                  cell.format = format;
                }
              }
              replies.push({});
              break;
            }
            default:
              throw invalid(env, a, `Invalid JSON payload received. Unknown name "${kind}"`);
          }
        }
        return { spreadsheetId: id, replies };
      },
    },
  };
}

const ROLES = { reader: 'viewers', commenter: 'commenters', writer: 'editors' } as const;

const DRIVE_SCOPES = [SCOPE.drive, SCOPE.driveFile];

/** The resource Drive v3 gives back: its default fields, or those `fields` names. */
function fileResource(wb: Workbook, user: string, fields: string | undefined) {
  const all: Record<string, unknown> = {
    kind: 'drive#file',
    id: wb.id,
    name: wb.name,
    mimeType: 'application/vnd.google-apps.spreadsheet',
    trashed: wb.trashed,
    webViewLink: wb.url,
    isAppAuthorized: wb.appAccess.has(user),
    owners: [{ emailAddress: wb.owner }],
  };
  const wanted =
    fields === undefined || fields.trim() === ''
      ? ['kind', 'id', 'name', 'mimeType']
      : fields.split(',').map((f) => f.trim());
  if (wanted.includes('*')) return all;
  return Object.fromEntries(wanted.filter((f) => f in all).map((f) => [f, all[f]]));
}

/**
 * The Google account an address names, as Drive lists the permission: addresses are not case
 * sensitive, and a Gmail address is the same account with or without dots in its name
 * (https://support.google.com/mail/answer/7436150) and under googlemail.com (users' reports, e.g.
 * https://kamivaniea.com/?p=305). Drive lists the account, not the alias typed; the emulator
 * names every such account by its address without dots.
 */
export function googleAccount(address: string): string {
  const email = address.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  if (at < 0 || (domain !== 'gmail.com' && domain !== 'googlemail.com')) return email;
  return `${email.slice(0, at).replace(/\./g, '')}@gmail.com`;
}

/**
 * The id Drive gives an account's permission: "a unique identifier for the grantee", the same on
 * every file (https://developers.google.com/drive/api/v3/reference/permissions), a string of 20
 * digits as Drive lists them. Derived from the whole address: accounts whose addresses begin alike
 * still have ids of their own.
 */
function permissionIdOf(account: string): string {
  const digest = createHash('sha256').update(account).digest();
  return (digest.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0');
}

export function driveAdvancedService(
  env: Env,
  drive: DriveState,
  blobFiles: Map<string, DriveBlobFile> = new Map(),
): unknown {
  return {
    Files: {
      /**
       * A file uploaded from a blob (files.create with media,
       * https://developers.google.com/drive/api/reference/rest/v3/files/create): drive.file allows
       * it, and the app may open what it made. Its link is the file's webViewLink.
       */
      create(
        resource: { name?: string; mimeType?: string },
        mediaData?: unknown,
        options?: { fields?: string },
      ) {
        const a = driveApi(env, 'Drive.Files.create', 'drive.files.create', '');
        enter(env, a, DRIVE_SCOPES);
        if (mediaData !== undefined && !isEmuBlob(mediaData))
          throw invalid(env, a, 'Media data must be a Blob.');
        const file = isEmuBlob(mediaData)
          ? storeBlobFile(env, blobFiles, mediaData, resource.name, resource.mimeType)
          : storeBlobFile(env, blobFiles, newBlob(env, ''), resource.name, resource.mimeType);
        const all: Record<string, unknown> = {
          kind: 'drive#file',
          id: file.id,
          name: file.name,
          mimeType: file.mimeType,
          webViewLink: file.url,
        };
        const wanted = options?.fields?.trim()
          ? options.fields.split(',').map((f) => f.trim())
          : ['kind', 'id', 'name', 'mimeType'];
        return Object.fromEntries(wanted.filter((f) => f in all).map((f) => [f, all[f]]));
      },
      get(id: string, options?: { fields?: string }) {
        const a = driveApi(env, 'Drive.Files.get', 'drive.files.get', id);
        enter(env, a, DRIVE_SCOPES);
        // A trashed file is still found; it says so when `trashed` is asked for.
        const wb = reachable(env, drive, id, a);
        return fileResource(wb, env.user, options?.fields);
      },
    },
    Permissions: {
      create(resource: { role?: string; type?: string; emailAddress?: string }, fileId: string) {
        const a = driveApi(env, 'Drive.Permissions.create', 'drive.permissions.create', fileId);
        enter(env, a, DRIVE_SCOPES);
        const wb = reachable(env, drive, fileId, a, true);
        const role = resource.role as keyof typeof ROLES;
        const email = googleAccount(String(resource.emailAddress ?? ''));
        if (!(role in ROLES) || resource.type !== 'user')
          throw invalid(env, a, 'The provided role or type is not valid.');
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          throw invalid(env, a, 'Bad Request. User message: "Invalid email address."');
        for (const set of Object.values(ROLES)) wb[set].delete(email);
        wb[ROLES[role]].add(email);
        return { id: permissionIdOf(email), role, type: 'user', emailAddress: email };
      },
      list(fileId: string) {
        const a = driveApi(env, 'Drive.Permissions.list', 'drive.permissions.list', fileId);
        enter(env, a, DRIVE_SCOPES);
        const wb = reachable(env, drive, fileId, a);
        const permissions = [
          { id: permissionIdOf(wb.owner), role: 'owner', type: 'user', emailAddress: wb.owner },
        ];
        for (const [role, set] of Object.entries(ROLES)) {
          for (const email of wb[set])
            permissions.push({
              id: permissionIdOf(email),
              role,
              type: 'user',
              emailAddress: email,
            });
        }
        return { permissions };
      },
      remove(fileId: string, id: string) {
        const a = driveApi(env, 'Drive.Permissions.remove', 'drive.permissions.delete', fileId);
        enter(env, a, DRIVE_SCOPES);
        const wb = reachable(env, drive, fileId, a, true);
        for (const set of Object.values(ROLES)) {
          for (const email of [...wb[set]]) if (permissionIdOf(email) === id) wb[set].delete(email);
        }
      },
    },
  };
}

export { quoteSheetName };
