/**
 * The Sheets (v4) and Drive (v3) advanced services, for the calls the add-on makes on files it
 * created: create a spreadsheet, write values RAW, format, list and change permissions. With
 * only the drive.file scope, a file the script did not create is out of reach, as with Google.
 */
import { SCOPE, type Env } from './env.js';
import { quoteSheetName, parseA1 } from './a1.js';
import { Workbook, type SheetData } from './workbook.js';
import type { Drive as DriveState } from './spreadsheet-app.js';

function apiError(env: Env, api: string, message: string): Error {
  return env.fail(`API call to ${api} failed with error: ${message}`);
}

function reachable(env: Env, drive: DriveState, id: string, api: string): Workbook {
  const wb = drive.files.get(id);
  if (!wb) throw apiError(env, api, 'Requested entity was not found.');
  const scopes = env.scopes;
  const onlyFileScope = scopes && !scopes.includes(SCOPE.sheets) && !scopes.includes(SCOPE.drive);
  if (onlyFileScope && !wb.createdByApp)
    throw apiError(env, api, 'The caller does not have permission');
  return wb;
}

function sheetFor(wb: Workbook, id: number, env: Env, api: string): SheetData {
  const sheet = wb.sheetById(id);
  if (!sheet) throw apiError(env, api, `Invalid requests: No grid with id: ${id}`);
  return sheet;
}

function describe(wb: Workbook) {
  return {
    spreadsheetId: wb.id,
    spreadsheetUrl: wb.url,
    properties: { title: wb.name, timeZone: wb.timeZone },
    sheets: wb.sheets.map((s, index) => ({ properties: { sheetId: s.id, title: s.name, index } })),
  };
}

export function sheetsAdvancedService(env: Env, drive: DriveState): unknown {
  const need = (api: string) => {
    env.requireAuth(api);
    env.requireScope(api, [SCOPE.sheets, SCOPE.driveFile, SCOPE.drive]);
  };
  const values = {
    batchUpdate(
      resource: { valueInputOption?: string; data?: { range: string; values: unknown[][] }[] },
      id: string,
    ) {
      env.record(
        'Sheets.Spreadsheets.Values.batchUpdate',
        (resource.data ?? []).reduce((n, d) => n + d.values.length * (d.values[0]?.length ?? 0), 0),
      );
      need('sheets.spreadsheets.values.batchUpdate');
      const wb = reachable(env, drive, id, 'sheets.spreadsheets.values.batchUpdate');
      const raw = resource.valueInputOption !== 'USER_ENTERED';
      for (const d of resource.data ?? []) {
        const ref = parseA1(d.range);
        const sheet = ref?.sheetName !== undefined ? wb.sheetByName(ref.sheetName) : wb.sheets[0];
        if (!ref || !sheet)
          throw apiError(
            env,
            'sheets.spreadsheets.values.batchUpdate',
            `Unable to parse range: ${d.range}`,
          );
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
      }
      return { spreadsheetId: id, totalUpdatedCells: 0 };
    },
    batchClear(resource: { ranges?: string[] }, id: string) {
      env.record('Sheets.Spreadsheets.Values.batchClear');
      need('sheets.spreadsheets.values.batchClear');
      const wb = reachable(env, drive, id, 'sheets.spreadsheets.values.batchClear');
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
        env.record('Sheets.Spreadsheets.create');
        need('sheets.spreadsheets.create');
        const titles = (resource.sheets ?? [])
          .map((s) => s.properties?.title ?? '')
          .filter(Boolean);
        const wb = new Workbook(
          Workbook.newId(),
          resource.properties?.title ?? 'Untitled spreadsheet',
          drive.active.timeZone,
          env.user,
          titles[0] ?? 'Sheet1',
        );
        wb.now = drive.active.now;
        wb.createdByApp = true;
        for (const t of titles.slice(1)) wb.addSheet(t);
        drive.files.set(wb.id, wb);
        return describe(wb);
      },
      get(id: string) {
        env.record('Sheets.Spreadsheets.get');
        need('sheets.spreadsheets.get');
        const wb = reachable(env, drive, id, 'sheets.spreadsheets.get');
        if (wb.trashed)
          throw apiError(env, 'sheets.spreadsheets.get', 'Requested entity was not found.');
        return describe(wb);
      },
      batchUpdate(resource: { requests?: Record<string, any>[] }, id: string) {
        env.record('Sheets.Spreadsheets.batchUpdate', (resource.requests ?? []).length);
        need('sheets.spreadsheets.batchUpdate');
        const wb = reachable(env, drive, id, 'sheets.spreadsheets.batchUpdate');
        const replies: Record<string, unknown>[] = [];
        for (const request of resource.requests ?? []) {
          const [kind, body] = Object.entries(request)[0] ?? ['', {}];
          switch (kind) {
            case 'addSheet': {
              const title = String(body.properties?.title ?? `Sheet${wb.sheets.length + 1}`);
              if (wb.sheetByName(title))
                throw apiError(
                  env,
                  'sheets.spreadsheets.batchUpdate',
                  `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
                );
              const sheet = wb.addSheet(title);
              replies.push({ addSheet: { properties: { sheetId: sheet.id, title } } });
              break;
            }
            case 'deleteSheet':
              wb.removeSheet(
                sheetFor(wb, Number(body.sheetId), env, 'sheets.spreadsheets.batchUpdate'),
              );
              replies.push({});
              break;
            case 'updateSheetProperties': {
              const sheet = sheetFor(
                wb,
                Number(body.properties?.sheetId),
                env,
                'sheets.spreadsheets.batchUpdate',
              );
              if (body.properties?.title) wb.renameSheet(sheet, String(body.properties.title));
              const frozen = body.properties?.gridProperties?.frozenRowCount;
              if (typeof frozen === 'number') sheet.frozenRows = frozen;
              replies.push({});
              break;
            }
            case 'updateSpreadsheetProperties':
              if (body.properties?.title) wb.name = String(body.properties.title);
              replies.push({});
              break;
            case 'repeatCell': {
              const r = body.range ?? {};
              const sheet = sheetFor(wb, Number(r.sheetId), env, 'sheets.spreadsheets.batchUpdate');
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
                  cell.format = format;
                }
              }
              replies.push({});
              break;
            }
            default:
              throw apiError(
                env,
                'sheets.spreadsheets.batchUpdate',
                `Invalid JSON payload received. Unknown name "${kind}"`,
              );
          }
        }
        return { spreadsheetId: id, replies };
      },
    },
  };
}

const ROLES = { reader: 'viewers', commenter: 'commenters', writer: 'editors' } as const;

export function driveAdvancedService(env: Env, drive: DriveState): unknown {
  const need = (api: string) => {
    env.requireAuth(api);
    env.requireScope(api, [SCOPE.drive, SCOPE.driveFile]);
  };
  const permissionId = (email: string) => `perm-${Buffer.from(email).toString('hex').slice(0, 24)}`;
  return {
    Files: {
      get(id: string) {
        env.record('Drive.Files.get');
        need('drive.files.get');
        const wb = reachable(env, drive, id, 'drive.files.get');
        return { id: wb.id, name: wb.name, trashed: wb.trashed, webViewLink: wb.url };
      },
    },
    Permissions: {
      create(resource: { role?: string; type?: string; emailAddress?: string }, fileId: string) {
        env.record('Drive.Permissions.create');
        need('drive.permissions.create');
        const wb = reachable(env, drive, fileId, 'drive.permissions.create');
        const role = resource.role as keyof typeof ROLES;
        const email = String(resource.emailAddress ?? '').toLowerCase();
        if (!(role in ROLES) || resource.type !== 'user')
          throw apiError(
            env,
            'drive.permissions.create',
            'The provided role or type is not valid.',
          );
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
          throw apiError(
            env,
            'drive.permissions.create',
            'Bad Request. User message: "Invalid email address."',
          );
        for (const set of Object.values(ROLES)) wb[set].delete(email);
        wb[ROLES[role]].add(email);
        return { id: permissionId(email), role, type: 'user', emailAddress: email };
      },
      list(fileId: string) {
        env.record('Drive.Permissions.list');
        need('drive.permissions.list');
        const wb = reachable(env, drive, fileId, 'drive.permissions.list');
        const permissions = [{ id: 'owner', role: 'owner', type: 'user', emailAddress: wb.owner }];
        for (const [role, set] of Object.entries(ROLES)) {
          for (const email of wb[set])
            permissions.push({ id: permissionId(email), role, type: 'user', emailAddress: email });
        }
        return { permissions };
      },
      remove(fileId: string, id: string) {
        env.record('Drive.Permissions.remove');
        need('drive.permissions.delete');
        const wb = reachable(env, drive, fileId, 'drive.permissions.delete');
        for (const set of Object.values(ROLES)) {
          for (const email of [...wb[set]]) if (permissionId(email) === id) wb[set].delete(email);
        }
      },
    },
  };
}

export { quoteSheetName };
