/**
 * The Sheets and Drive advanced services answering with HTTP errors as Apps Script throws them,
 * and the drive.file scope, which reaches a file only for the user the app made or opened it for.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, type ApiStatus, type RuntimeOptions } from '../../emulator/index.js';
import { tempDir } from '../support/temp.js';

const A = 'cto@example.com';
const B = 'partner@example.com';

const SOURCE = `
function caught(fn) {
  try { return { ok: fn() }; }
  catch (e) { return { name: e.name, message: e.message, details: e.details || null, text: String(e) }; }
}
function make(title) {
  return Sheets.Spreadsheets.create({ properties: { title: title }, sheets: [{ properties: { title: 'Summary' } }] }).spreadsheetId;
}
function getFile(id, fields) { return caught(function () { return Drive.Files.get(id, fields ? { fields: fields } : {}); }); }
function write(id) {
  return caught(function () {
    Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Summary'!A1", values: [['x']] }] }, id);
    return 'written';
  });
}
function share(id, email) {
  return caught(function () { return Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id).role; });
}
function list(id) { return caught(function () { return Drive.Permissions.list(id).permissions.length; }); }
function grant(id, email, role) {
  return caught(function () { return Drive.Permissions.create({ role: role, type: 'user', emailAddress: email }, id).id; });
}
function people(id) {
  return caught(function () {
    return Drive.Permissions.list(id).permissions.map(function (p) { return p.emailAddress + ' ' + p.role; });
  });
}
function permissionIds(id) {
  return caught(function () { return Drive.Permissions.list(id).permissions.map(function (p) { return p.id; }); });
}
function unshare(id, permissionId) { return caught(function () { Drive.Permissions.remove(id, permissionId); return 'removed'; }); }
function format(id) {
  return caught(function () {
    Sheets.Spreadsheets.batchUpdate({ requests: [{ updateSpreadsheetProperties: { properties: { title: 'Renamed' }, fields: 'title' } }] }, id);
    return 'formatted';
  });
}
function update(id, requests) {
  return caught(function () { return Sheets.Spreadsheets.batchUpdate({ requests: requests }, id).replies.length; });
}
function createCaught(title) { return caught(function () { return make(title); }); }
function writeText(id, text) {
  return caught(function () {
    Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Summary'!A1", values: [['before', text]] }] }, id);
    return 'written';
  });
}
`;

/** A drive.file add-on: the manifest grants no broad Sheets or Drive scope. */
const DRIVE_FILE_MANIFEST = {
  dependencies: {
    enabledAdvancedServices: [
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ],
  },
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/drive.file',
  ],
};

function runtime(options: RuntimeOptions = {}, manifest?: object) {
  const dir = tempDir('gas-api-');
  writeFileSync(join(dir, 'Code.js'), SOURCE);
  if (manifest) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  const rt = createRuntime({ now: '2026-11-18T10:00:00Z', user: A, ...options });
  return { rt, script: rt.load(join(dir, 'Code.js')) };
}

interface Caught {
  ok?: unknown;
  name?: string;
  message?: string;
  text?: string;
  details?: {
    code: number;
    message: string;
    errors?: { reason: string }[];
    status?: string;
  } | null;
}

describe('advanced-service errors with real codes', () => {
  it('failApi makes the next call throw a GoogleJsonResponseException carrying code and message', () => {
    // Apps Script's form: "GoogleJsonResponseException: API call to drive.files.insert failed
    // with error: File not found: ..." (https://github.com/ericyd/gdrive-copy/issues/138); the
    // exception's `details` hold the error body ({ message, errors, code }), as logged in users'
    // scripts. Drive's bodies: https://developers.google.com/workspace/drive/api/guides/handle-errors
    const { rt, script } = runtime();
    const id = script.call('make', 'Shared view') as string;
    rt.failApi('Drive.Files.get', 404);
    expect(script.call('getFile', id, 'id')).toEqual({
      name: 'GoogleJsonResponseException',
      message: `API call to drive.files.get failed with error: File not found: ${id}.`,
      text: `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${id}.`,
      details: {
        code: 404,
        message: `File not found: ${id}.`,
        errors: [{ domain: 'global', reason: 'notFound', message: `File not found: ${id}.` }],
      },
    });
    expect(script.call('getFile', id, 'id')).toEqual({ ok: { id } });
  });

  it.each([
    [
      403,
      'Drive.Permissions.create',
      'drive.permissions.create',
      'The user does not have sufficient permissions for file %id.',
    ],
    [429, 'Drive.Permissions.list', 'drive.permissions.list', 'Rate Limit Exceeded'],
    [500, 'Drive.Permissions.remove', 'drive.permissions.delete', 'Backend Error'],
  ] as const)('Drive %i on %s answers with Drive’s own message', (code, method, api, message) => {
    const { rt, script } = runtime();
    const id = script.call('make', 'Shared view') as string;
    rt.failApi(method, code as ApiStatus);
    const call =
      method === 'Drive.Permissions.create'
        ? script.call('share', id, 'ann@acme.io')
        : method === 'Drive.Permissions.list'
          ? script.call('list', id)
          : script.call('unshare', id, 'perm-x');
    const text = message.replace('%id', id);
    expect(call).toMatchObject({
      message: `API call to ${api} failed with error: ${text}`,
      details: { code, message: text },
    });
  });

  it.each([
    [403, 'The caller does not have permission', 'PERMISSION_DENIED'],
    [404, 'Requested entity was not found.', 'NOT_FOUND'],
    [
      429,
      "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
      'RESOURCE_EXHAUSTED',
    ],
    [500, 'Internal error encountered.', 'INTERNAL'],
  ] as const)(
    'Sheets %i on a write answers with the Sheets API’s message',
    (code, message, status) => {
      // 429 as users report it: https://github.com/AutomaApp/automa/issues/1342 ; 500 as Google's
      // APIs word INTERNAL ("Internal error encountered.").
      const { rt, script } = runtime();
      const id = script.call('make', 'Shared view') as string;
      rt.failApi('Sheets.Spreadsheets.Values.batchUpdate', code);
      expect(script.call('write', id)).toMatchObject({
        name: 'GoogleJsonResponseException',
        message: `API call to sheets.spreadsheets.values.batchUpdate failed with error: ${message}`,
        details: { code, message, status },
      });
      expect(script.call('write', id)).toEqual({ ok: 'written' });
    },
  );

  it('a RAW write with a cell over 50,000 characters is refused whole with the Sheets API’s message', () => {
    // The API's own words, as reported from Sheets API v4 writes:
    // https://qiita.com/koshilife/items/5aff56c1bb9e5d31067f
    const { rt, script } = runtime();
    const id = script.call('make', 'Shared view') as string;
    expect(script.call('writeText', id, 'x'.repeat(50000))).toEqual({ ok: 'written' });
    const message =
      'Your input contains more than the maximum of 50000 characters in a single cell.';
    expect(script.call('writeText', id, 'y'.repeat(50001))).toMatchObject({
      name: 'GoogleJsonResponseException',
      message: `API call to sheets.spreadsheets.values.batchUpdate failed with error: ${message}`,
      details: { code: 400, message },
    });
    const file = rt.drive.files.get(id)!;
    expect(file.read(file.sheets[0]!, 1, 2)).toBe('x'.repeat(50000));
  });

  it('failApi fails the given number of calls, then the service answers again', () => {
    const { rt, script } = runtime();
    rt.failApi('Sheets.Spreadsheets.create', 500, 2);
    expect(script.call('createCaught', 'a')).toMatchObject({
      message:
        'API call to sheets.spreadsheets.create failed with error: Internal error encountered.',
    });
    expect(script.call('createCaught', 'b')).toMatchObject({ details: { code: 500 } });
    expect((script.call('createCaught', 'c') as Caught).ok).toMatch(/^1/);
    rt.failApi('Sheets.Spreadsheets.batchUpdate', 429);
    const id = (script.call('createCaught', 'd') as Caught).ok as string;
    expect(script.call('format', id)).toMatchObject({
      details: {
        code: 429,
        message: expect.stringContaining("'Write requests per minute per user'") as string,
      },
    });
    expect(script.call('format', id)).toEqual({ ok: 'formatted' });
  });

  it('a file that does not exist, or was deleted, answers 404 File not found', () => {
    // notFound: "This error occurs when the user doesn't have read access to a file, or the file
    // doesn't exist": https://developers.google.com/workspace/drive/api/guides/handle-errors#notFound
    const { rt, script } = runtime();
    expect(script.call('getFile', 'nope', 'id')).toMatchObject({
      message: 'API call to drive.files.get failed with error: File not found: nope.',
      details: { code: 404, message: 'File not found: nope.' },
    });
    const id = script.call('make', 'Shared view') as string;
    rt.deleteFile(id);
    expect(rt.drive.files.has(id)).toBe(false);
    expect(script.call('getFile', id, 'id')).toMatchObject({ details: { code: 404 } });
    expect(script.call('write', id)).toMatchObject({
      message:
        'API call to sheets.spreadsheets.values.batchUpdate failed with error: Requested entity was not found.',
    });
    expect(() => rt.deleteFile(rt.spreadsheet.id)).toThrow(/cannot be deleted/);
  });

  it('a trashed file is still found, and says trashed: true when the field is asked for', () => {
    // Without `fields` Drive v3 returns its default fields (kind, id, name, mimeType):
    // https://developers.google.com/workspace/drive/api/guides/fields-parameter
    const { rt, script } = runtime();
    const id = script.call('make', 'Shared view') as string;
    rt.trashFile(id);
    expect(script.call('getFile', id, 'id,trashed')).toEqual({ ok: { id, trashed: true } });
    expect(script.call('getFile', id)).toEqual({
      ok: {
        kind: 'drive#file',
        id,
        name: 'Shared view',
        mimeType: 'application/vnd.google-apps.spreadsheet',
      },
    });
  });

  it('changing a file the user may only read answers 403', () => {
    const { rt, script } = runtime();
    const theirs = rt.createSpreadsheet('Theirs', B);
    rt.share(theirs.id, A, 'viewer');
    expect(script.call('share', theirs.id, 'ann@acme.io')).toMatchObject({
      details: {
        code: 403,
        message: `The user does not have sufficient permissions for file ${theirs.id}.`,
      },
    });
    expect(script.call('list', theirs.id)).toEqual({ ok: 2 });
  });
});

describe('drive.file access per user', () => {
  it('a file the app made for one user is File not found for another until they open it with the app', () => {
    // drive.file reaches "files that you open with an app or that the user shares with an app
    // while using the Google Picker API": https://developers.google.com/workspace/drive/api/guides/api-specific-auth
    // A file the app cannot see for this user answers 404, as for one the user cannot read
    // (https://developers.google.com/workspace/drive/api/guides/handle-errors#notFound; reported:
    // https://github.com/anthropics/claude-ai-mcp/issues/938 "Requested entity was not found").
    const { rt, script } = runtime({}, DRIVE_FILE_MANIFEST);
    rt.share(rt.spreadsheet.id, B, 'editor');
    const id = script.call('make', 'Acme — technical registry') as string;
    expect(rt.drive.files.get(id)?.appAccess).toEqual(new Set([A]));
    expect(script.call('getFile', id, 'id,isAppAuthorized')).toEqual({
      ok: { id, isAppAuthorized: true },
    });
    expect(script.call('write', id)).toEqual({ ok: 'written' });
    rt.share(id, B, 'editor');
    rt.setUser(B);
    expect(script.call('getFile', id, 'id')).toMatchObject({
      message: `API call to drive.files.get failed with error: File not found: ${id}.`,
      details: { code: 404 },
    });
    expect(script.call('write', id)).toMatchObject({
      message:
        'API call to sheets.spreadsheets.values.batchUpdate failed with error: Requested entity was not found.',
      details: { code: 404 },
    });
    expect(script.call('share', id, 'ann@acme.io')).toMatchObject({ details: { code: 404 } });
    rt.grantAppAccess(id, B);
    expect(script.call('getFile', id, 'id')).toEqual({ ok: { id } });
    expect(script.call('write', id)).toEqual({ ok: 'written' });
  });

  it('the registry itself, not made by the app, is out of reach of the advanced services', () => {
    const { rt, script } = runtime({}, DRIVE_FILE_MANIFEST);
    expect(script.call('getFile', rt.spreadsheet.id, 'id')).toMatchObject({
      details: { code: 404, message: `File not found: ${rt.spreadsheet.id}.` },
    });
  });

  it('drive.file grants round-trip through the saved state, and older saves give them to the owner', async () => {
    const { snapshotOf, workbookFromSnapshot } = await import('../../emulator/workbook.js');
    const { rt, script } = runtime({}, DRIVE_FILE_MANIFEST);
    const id = script.call('make', 'View') as string;
    rt.grantAppAccess(id, B);
    const again = createRuntime({ state: JSON.parse(JSON.stringify(rt.saveState())) });
    expect(again.drive.files.get(id)?.appAccess).toEqual(new Set([A, B]));
    const older = snapshotOf(rt.drive.files.get(id)!);
    delete older.appAccess;
    expect(workbookFromSnapshot(older).appAccess).toEqual(new Set([A]));
  });
});

describe('permissions name the Google account', () => {
  it('lists a Gmail address typed with dots, capitals or googlemail.com as the one account it is', () => {
    // Dots and case do not matter in a Gmail address (https://support.google.com/mail/answer/7436150);
    // googlemail.com is the same account (users' reports, https://kamivaniea.com/?p=305).
    const { rt, script } = runtime();
    const id = script.call('make', 'Shared') as string;
    expect(script.call('share', id, 'Jane.Doe@GoogleMail.com')).toEqual({ ok: 'reader' });
    expect(script.call('share', id, 'J.ane.doe@gmail.com')).toEqual({ ok: 'reader' });
    expect(script.call('share', id, 'Sam@Example.org')).toEqual({ ok: 'reader' });
    expect([...rt.drive.files.get(id)!.viewers].sort()).toEqual([
      'janedoe@gmail.com',
      'sam@example.org',
    ]);
  });

  it('gives two accounts whose addresses begin alike permissions of their own: re-sharing with one leaves the other', () => {
    // A permission's id is "a unique identifier for the grantee", the same id on every file
    // (https://developers.google.com/drive/api/v3/reference/permissions, field `id`, published in
    // User resources as `permissionId`); Drive lists them as strings of digits.
    const one = 'founder.alpha.one@x.com';
    const two = 'founder.alpha.two@x.com';
    const { script } = runtime();
    const id = script.call('make', 'Shared') as string;
    const oneId = (script.call('grant', id, one, 'reader') as Caught).ok as string;
    const twoId = (script.call('grant', id, two, 'reader') as Caught).ok as string;
    expect(oneId).not.toBe(twoId);
    // Re-sharing with one founder as commenter: their permission removed, then made again.
    expect(script.call('unshare', id, oneId)).toEqual({ ok: 'removed' });
    expect(script.call('grant', id, one, 'commenter')).toEqual({ ok: oneId });
    expect(script.call('people', id)).toEqual({
      ok: [`${A} owner`, `${two} reader`, `${one} commenter`],
    });
    expect(oneId).toMatch(/^\d{20}$/);
    expect(twoId).toMatch(/^\d{20}$/);
    // The same account has the same id on another file.
    const other = script.call('make', 'Other') as string;
    expect(script.call('grant', other, two, 'reader')).toEqual({ ok: twoId });
    expect((script.call('permissionIds', other) as Caught).ok).toEqual([
      (script.call('permissionIds', id) as { ok: string[] }).ok[0],
      twoId,
    ]);
  });
});

describe('Sheets batchUpdate: cells and the grid in one call', () => {
  // UpdateCellsRequest and GridProperties, as Google's reference gives them:
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateCellsRequest
  // ("rows ... start: the coordinate to start writing data at"; over a `range`, "the fields
  // matching those set in fields will be cleared" where the rows do not cover it) and
  // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#GridProperties
  // (rowCount, columnCount). Files the app made are reachable under drive.file ("create new
  // Drive files, or modify existing files, that you open with an app or that the user shares with
  // an app": https://developers.google.com/drive/api/guides/about-auth).
  const setUp = () => {
    const { rt, script } = runtime({}, DRIVE_FILE_MANIFEST);
    const id = script.call('make', 'Shared view') as string;
    const file = rt.drive.files.get(id)!;
    const sheet = file.sheets[0]!;
    return { rt, script, id, file, sheet };
  };
  const cell = (v: string | number | null) =>
    v === null
      ? {}
      : { userEnteredValue: typeof v === 'number' ? { numberValue: v } : { stringValue: v } };
  const cells = (sheetId: number, rows: (string | number | null)[][]) => ({
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: rows.map((r) => ({ values: r.map(cell) })),
      fields: 'userEnteredValue',
    },
  });

  it('sizes the grid and writes text, numbers and blanks from the start cell; text that looks like a formula stays text', () => {
    const { script, id, file, sheet } = setUp();
    const reply = script.call('update', id, [
      {
        updateSheetProperties: {
          properties: { sheetId: sheet.id, gridProperties: { rowCount: 3, columnCount: 2 } },
          fields: 'gridProperties(rowCount,columnCount)',
        },
      },
      cells(sheet.id, [
        ['Risk', 'Score (1–25)'],
        ['=O12', 20],
        [null, '+1'],
      ]),
    ]);
    expect(reply).toEqual({ ok: 2 });
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([3, 2]);
    expect(file.read(sheet, 2, 1)).toBe('=O12');
    expect(file.read(sheet, 2, 2)).toBe(20);
    expect(file.read(sheet, 3, 1)).toBe('');
    expect(file.read(sheet, 3, 2)).toBe('+1');
  });

  it('a smaller grid drops what stood past it; a blank cell in the rows clears what was there', () => {
    const { script, id, file, sheet } = setUp();
    script.call('update', id, [
      cells(sheet.id, [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ]),
    ]);
    script.call('update', id, [
      {
        updateSheetProperties: {
          properties: { sheetId: sheet.id, gridProperties: { rowCount: 2, columnCount: 2 } },
          fields: 'gridProperties(rowCount,columnCount)',
        },
      },
      cells(sheet.id, [['x', null]]),
    ]);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([2, 2]);
    expect([file.read(sheet, 1, 1), file.read(sheet, 1, 2), file.read(sheet, 2, 1)]).toEqual([
      'x',
      '',
      'c',
    ]);
    expect(sheet.grid.length).toBeLessThanOrEqual(2);
  });

  it('writing past the grid is refused with "exceeds grid limits" until the grid is sized', () => {
    const { script, id, sheet } = setUp();
    script.call('update', id, [
      {
        updateSheetProperties: {
          properties: { sheetId: sheet.id, gridProperties: { rowCount: 1, columnCount: 1 } },
          fields: 'gridProperties(rowCount,columnCount)',
        },
      },
    ]);
    const refused = script.call('update', id, [cells(sheet.id, [['a'], ['b']])]) as Caught;
    expect(refused.details?.code).toBe(400);
    expect(refused.message).toContain(
      'Invalid requests[0].updateCells: Range (Summary!R1C1:R2C1) exceeds grid limits. Max rows: 1, max columns: 1',
    );
  });

  it('reaches a file the app made under drive.file alone, and refuses another user the app never opened it for', () => {
    const { rt, script, id, sheet } = setUp();
    expect(script.call('update', id, [cells(sheet.id, [['ok']])])).toEqual({ ok: 1 });
    rt.share(rt.spreadsheet.id, B, 'editor');
    rt.share(id, B, 'editor');
    rt.setUser(B);
    expect(script.call('update', id, [cells(sheet.id, [['no']])])).toMatchObject({
      message:
        'API call to sheets.spreadsheets.batchUpdate failed with error: Requested entity was not found.',
      details: { code: 404 },
    });
  });
});
