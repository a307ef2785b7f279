/**
 * The basic filter as Apps Script gives it. Sources: the Filter class reference
 * (developers.google.com/apps-script/reference/spreadsheet/filter: "If a filter doesn't exist on
 * the sheet yet, create one using Range.createFilter()"; found with Range.getFilter() or
 * Sheet.getFilter(); Filter.getRange(), Filter.remove()); the Sheets API filters guide
 * (developers.google.com/sheets/api/guides/filters: one basic filter per sheet, seen by everyone).
 * The refusal of a second filter is worded as gas-fakes' range tests expect it of live Apps Script.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../emulator/index.js';
import { runScript } from '../support/script.js';

const SHEET =
  'var sh = function () { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; };\n';

function run(body: string): { value: unknown; rt: ReturnType<typeof runScript>['rt'] } {
  const { rt, script } = runScript(`${SHEET}function main() { ${body} }`);
  return { value: script.call('main'), rt };
}

describe('Filter', () => {
  it('is made over a range, found from the sheet and the range, and removed', () => {
    const { value } = run(`
      var none = sh().getFilter();
      var f = sh().getRange('A3:K20').createFilter();
      var out = [none, f.getRange().getA1Notation(), sh().getFilter().getRange().getA1Notation(),
        sh().getRange('B7').getFilter().getRange().getA1Notation()];
      sh().getFilter().remove();
      out.push(sh().getFilter());
      return out;
    `);
    expect(value).toEqual([null, 'A3:K20', 'A3:K20', 'A3:K20', null]);
  });

  it('refuses a second filter on the same sheet', () => {
    expect(() =>
      run("sh().getRange('A1:B2').createFilter(); sh().getRange('C1:D2').createFilter();"),
    ).toThrow("You can't create a filter in a sheet that already has a filter.");
  });

  it('grows with rows inserted inside it and moves with rows inserted above it', () => {
    const { value } = run(`
      sh().getRange('A3:K20').createFilter();
      sh().insertRowsBefore(20, 5);
      var grown = sh().getFilter().getRange().getA1Notation();
      sh().insertRowsBefore(1, 2);
      var moved = sh().getFilter().getRange().getA1Notation();
      sh().insertRowsAfter(100, 3);
      return [grown, moved, sh().getFilter().getRange().getA1Notation()];
    `);
    expect(value).toEqual(['A3:K25', 'A5:K27', 'A5:K27']);
  });

  it('shrinks with deleted rows and columns, and is gone with the last of them', () => {
    const { value } = run(`
      sh().getRange('B3:D10').createFilter();
      sh().deleteRows(4, 2);
      sh().deleteColumn(1);
      var shrunk = sh().getFilter().getRange().getA1Notation();
      sh().deleteColumns(1, 3);
      return [shrunk, sh().getFilter()];
    `);
    expect(value).toEqual(['A3:C8', null]);
  });

  it('counts as Spreadsheet service calls and survives a save', () => {
    const { rt } = run("sh().getRange('A3:K20').createFilter(); sh().getFilter();");
    expect(rt.lastExecution?.calls['Range.createFilter']).toBe(1);
    expect(rt.lastExecution?.calls['Sheet.getFilter']).toBe(1);
    const restored = createRuntime({
      state: JSON.parse(JSON.stringify(rt.saveState())) as ReturnType<typeof rt.saveState>,
    });
    expect(restored.spreadsheet.sheets[0]?.filter).toEqual({
      row: 3,
      column: 1,
      numRows: 18,
      numColumns: 11,
    });
  });
});
