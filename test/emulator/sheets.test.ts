import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../emulator/index.js';
import { runScript } from '../support/script.js';

const PRELUDE =
  'var ss = function () { return SpreadsheetApp.getActiveSpreadsheet(); };\nvar sh = function () { return ss().getSheets()[0]; };\n';

function run(body: string) {
  const { rt, script } = runScript(`${PRELUDE}function main() { ${body} }`);
  return { rt, result: script.call('main') };
}

describe('Sheet and Spreadsheet', () => {
  it('grows a named range when rows are inserted inside it and moves it when inserted above', () => {
    const { result } = run(
      "sh().getRange('A1:A5').setValues([[1],[2],[3],[4],[5]]);" +
        "ss().setNamedRange('Inside', sh().getRange('A2:A4'));" +
        "ss().setNamedRange('Below', sh().getRange('A5'));" +
        "sh().getRange('B1').setFormula('=SUM(Inside)');" +
        'sh().insertRowsBefore(3, 2);' +
        "sh().getRange('A3:A4').setValues([[10],[20]]);" +
        'sh().insertRowsAfter(1, 1);' +
        "return [ss().getRangeByName('Inside').getA1Notation(), ss().getRangeByName('Below').getA1Notation(), sh().getRange('B1').getValue()];",
    );
    expect(result).toEqual(['A3:A7', 'A8', 2 + 10 + 20 + 3 + 4]);
  });

  it('does not grow a named range when rows are inserted right after it', () => {
    const { result } = run(
      "ss().setNamedRange('R', sh().getRange('A2:A4')); sh().insertRowsAfter(4, 3); return ss().getRangeByName('R').getA1Notation();",
    );
    expect(result).toBe('A2:A4');
  });

  it('shrinks and moves named ranges when rows are deleted', () => {
    const { result } = run(
      "ss().setNamedRange('R', sh().getRange('A3:A6')); sh().deleteRows(4, 2); var a = ss().getRangeByName('R').getA1Notation(); sh().deleteRows(1, 1); return [a, ss().getRangeByName('R').getA1Notation()];",
    );
    expect(result).toEqual(['A3:A4', 'A2:A3']);
  });

  it('gives inserted rows the formatting and validation of their neighbour', () => {
    const { rt } = run(
      "sh().getRange('A2:B2').setBackground('#eeeeee').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['x']).build());" +
        'sh().insertRowsAfter(2, 1);',
    );
    const sheet = rt.spreadsheet.sheets[0]!;
    expect(sheet.cell(3, 1)?.format?.background).toBe('#eeeeee');
    expect(sheet.cell(3, 2)?.validation?.criteria).toBe('VALUE_IN_LIST');
    expect(sheet.maxRows).toBe(1001);
  });

  it('shifts cell contents and formulas with inserted columns', () => {
    const { result } = run(
      "sh().getRange('A1:C1').setValues([[1, 2, '=A1+B1']]); sh().insertColumnsBefore(2, 1); return [sh().getRange('A1:D1').getValues()[0], sh().getRange('D1').getFormula()];",
    );
    expect(result).toEqual([[1, '', 2, 3], '=A1+C1']);
  });

  it('finds developer metadata by key and value, on the spreadsheet and on sheets', () => {
    const { result } = run(
      "var a = ss().insertSheet('A'); a.addDeveloperMetadata('role', 'client');" +
        "ss().insertSheet('B').addDeveloperMetadata('role', 'settings');" +
        "ss().addDeveloperMetadata('version', '1');" +
        "a.setName('Renamed');" +
        "var found = ss().createDeveloperMetadataFinder().withKey('role').withValue('client').find();" +
        "return [found.length, found[0].getLocation().getSheet().getName(), ss().getDeveloperMetadata()[0].getValue(), ss().createDeveloperMetadataFinder().withKey('role').find().length];",
    );
    expect(result).toEqual([1, 'Renamed', '1', 2]);
  });

  it('refuses a duplicate tab name, and removing the last tab', () => {
    expect(() => run("ss().insertSheet('X'); ss().insertSheet('X');")).toThrow(
      'A sheet with the name "X" already exists. Please enter another name.',
    );
    expect(() => run('ss().deleteSheet(sh());')).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('records protections with their editors and description', () => {
    const { rt } = run(
      "var p = sh().getRange('A1:B2').protect().setDescription('Generated'); p.setWarningOnly(true); sh().protect().setDescription('Whole tab').addEditor('lead@acme.io');",
    );
    // The file's owner can always edit a protected range.
    const owner = rt.spreadsheet.owner;
    expect(
      rt.spreadsheet.protections.map((p) => [p.description, p.warningOnly, !!p.box, p.editors]),
    ).toEqual([
      ['Generated', true, true, [owner]],
      ['Whole tab', false, false, [owner, 'lead@acme.io']],
    ]);
  });

  it('appends rows after the last row with content, and keeps frozen rows and data range', () => {
    const { result } = run(
      "sh().appendRow(['a', 1]); sh().appendRow(['b', 2]); sh().setFrozenRows(1);" +
        'return [sh().getLastRow(), sh().getLastColumn(), sh().getDataRange().getA1Notation(), sh().getFrozenRows()];',
    );
    expect(result).toEqual([2, 2, 'A1:B2', 1]);
  });

  it('shows toasts and records a sidebar, alerts and menus', () => {
    const { rt } = run(
      "ss().toast('Saved', 'CTO Registry');" +
        "SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'main').addSeparator().addToUi();" +
        "SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Side'));" +
        "SpreadsheetApp.getUi().alert('Title', 'Body', SpreadsheetApp.getUi().ButtonSet.OK);",
    );
    expect(rt.ui.toasts).toEqual([{ title: 'CTO Registry', message: 'Saved' }]);
    expect(rt.ui.menus[0]?.items).toEqual([
      { caption: 'Go', functionName: 'main' },
      { separator: true },
    ]);
    expect(rt.ui.sidebars[0]).toMatchObject({ title: 'Side', html: '<p>hi</p>' });
    expect(rt.ui.alerts).toEqual([{ title: 'Title', prompt: 'Body' }]);
  });
});

describe('a tab Sheets will not give', () => {
  it('fails every read of that tab with the service error, and no other tab or write', () => {
    const { rt, script } = runScript(
      `${PRELUDE}function setup() { sh().getRange('A1').setValue('small'); ss().insertSheet('Huge'); ss().getSheetByName('Huge').getRange('A1').setValue('big'); }
function read(name) {
  try { return ss().getSheetByName(name).getSheetValues(1, 1, -1, -1); } catch (e) { return e.message; }
}
function readRange(name) {
  try { return ss().getSheetByName(name).getRange('A1').getValues(); } catch (e) { return e.message; }
}
function write() { ss().getSheetByName('Huge').getRange('B1').setValue('more'); return 'written'; }`,
    );
    script.call('setup');
    rt.failReadsOf('Huge');
    const failure = `Service Spreadsheets failed while accessing document with id ${rt.spreadsheet.id}.`;
    expect(script.call('read', 'Huge')).toBe(failure);
    expect(script.call('readRange', 'Huge')).toBe(failure);
    expect(script.call('write')).toBe('written');
    expect(script.call('read', rt.spreadsheet.sheets[0]!.name)).toEqual([['small']]);
    rt.failReadsOf('Huge', null);
    expect(script.call('read', 'Huge')).toEqual([['big', 'more']]);
  });
});

describe('a whole-tab read of an empty tab', () => {
  // Google documents getSheetValues's numRows and numColumns, not -1 for "to the last row", and
  // says nothing of a tab with no content; a range of zero rows is refused with this message
  // (users' reports, e.g. https://github.com/chriskyfung/AutoFetcher-IG-Stories-to-GDrive/issues/51).
  it('refuses by default, as a zero-row range is refused', () => {
    const rt = createRuntime({ now: '2026-11-18T10:00:00Z' });
    const sheet = rt.spreadsheetApp().getActiveSpreadsheet().getSheets()[0]!;
    expect(() => sheet.getSheetValues(1, 1, -1, -1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  it('reads no rows when the runtime is set to the other outcome', () => {
    const rt = createRuntime({ now: '2026-11-18T10:00:00Z', emptySheetValues: 'empty' });
    const sheet = rt.spreadsheetApp().getActiveSpreadsheet().getSheets()[0]!;
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([]);
  });
});
