/**
 * Behaviour of live Apps Script that another public project recorded, and that the emulator now
 * agrees with. Most come from tanaikech/gas-fakes, whose tests run the same script on Apps Script
 * and on its fake (a test of theirs passes on both); each test names the file it takes from, and
 * Google's reference where it says the same. Where neither says it, the comment says what was
 * chosen and why.
 */
import { describe, expect, it } from 'vitest';
import { SheetsEditor } from '../../emulator/index.js';
import { runScript } from '../support/script.js';

const SHEET =
  'var sh = function () { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; };\n';

function run(body: string): unknown {
  const { script } = runScript(`${SHEET}function main() { ${body} }`);
  return script.call('main');
}

describe('A1 and R1C1 notation', () => {
  // tanaikech/gas-fakes test/testsheetsdeveloper.js ("A1 Notation Range Parsing"): "5:7" reads
  // back as "5:7" and spans every column; "D:F" as "D:F" over every row; "5:2" and "D:B" as
  // "2:5" and "B:D".
  it('whole rows and whole columns read back as 5:7 and D:F, inverted bounds in order, while their values cover the grid', () => {
    expect(
      run(
        'var rows = sh().getRange("5:7"), cols = sh().getRange("D:F");' +
          'return [rows.getA1Notation(), rows.getNumRows(), rows.getNumColumns(), rows.getValues()[0].length,' +
          ' cols.getA1Notation(), cols.getNumRows(), cols.getNumColumns(),' +
          ' sh().getRange("5:2").getA1Notation(), sh().getRange("D:B").getA1Notation(),' +
          ' sh().getRange("C5:B2").getA1Notation(), sh().getRange("7:7").getA1Notation()];',
      ),
    ).toEqual(['5:7', 3, 26, 26, 'D:F', 1000, 3, '2:5', 'B:D', 'B2:C5', '7:7']);
  });

  // Google's reference: Sheet.getRange(a1Notation) "Returns the range as specified in A1
  // notation or R1C1 notation" (developers.google.com/apps-script/reference/spreadsheet/sheet#getrangea1notation).
  // tanaikech/gas-fakes test/testsheets.js ("getRange with R1C1 notation"): R5C3 is C5, R2C2:R4C5
  // is B2:E4, R10C5:R1C2 is B1:E10, lower case r1c1:r2c2 is A1:B2, and RC1 is the A1 cell RC1.
  it('getRange takes R1C1 notation, R5C3 as C5 and R2C2:R4C5 as B2:E4, in either case', () => {
    expect(
      run(
        'sh().insertColumnsAfter(26, 450);' +
          'return ["R5C3", "R2C2:R4C5", "R10C5:R1C2", "r1c1:r2c2", "r5c3", "RC1"].map(function (n) {' +
          ' var r = sh().getRange(n); return [r.getA1Notation(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]; });',
      ),
    ).toEqual([
      ['C5', 5, 3, 1, 1],
      ['B2:E4', 2, 2, 3, 4],
      ['B1:E10', 1, 2, 10, 4],
      ['A1:B2', 1, 1, 2, 2],
      ['C5', 5, 3, 1, 1],
      ['RC1', 1, 471, 1, 1],
    ]);
    // Spreadsheet.getRange too, with or without the sheet's name.
    expect(
      run(
        'var ss = SpreadsheetApp.getActiveSpreadsheet();' +
          'return [ss.getRange("R2C2:R4C5").getA1Notation(), ss.getRange("Sheet1!r5c3").getA1Notation(), ss.getRange("Sheet1!B2").getA1Notation()];',
      ),
    ).toEqual(['B2:E4', 'C5', 'B2']);
  });
});

describe('one formula into a block', () => {
  // The Sheets API reference, RepeatCellRequest: "If writing a cell with a formula, the formula's
  // ranges will automatically increment for each field in the range. For example, if writing a
  // cell with formula =A1 into range B2:C4, B2 would be =A1, B3 would be =A2, ... C2 would be =B1
  // ... To keep the formula's ranges static, use the $ indicator"
  // (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest).
  // Range.setFormula on a block behaves so, as typing or pasting one formula over a block does.
  it('setFormula on a block moves each cell’s relative references and keeps the $ parts', () => {
    expect(
      run(
        'sh().getRange("A1:B2").setFormula("=A1");' +
          'sh().getRange("D1:E2").setFormula("=SUM($A$1:A2)+B$1+$C1&\\"A1\\"");' +
          'sh().getRange("G1:H1").setFormula("=SUM(A:A)+COUNT(1:1)+LOG10(100)");' +
          'return [sh().getRange("A1:B2").getFormulas(), sh().getRange("D1:E2").getFormulas(), sh().getRange("G1:H1").getFormulas()];',
      ),
    ).toEqual([
      [
        ['=A1', '=B1'],
        ['=A2', '=B2'],
      ],
      [
        ['=SUM($A$1:A2)+B$1+$C1&"A1"', '=SUM($A$1:B2)+C$1+$C1&"A1"'],
        ['=SUM($A$1:A3)+B$1+$C2&"A1"', '=SUM($A$1:B3)+C$1+$C2&"A1"'],
      ],
      [['=SUM(A:A)+COUNT(1:1)+LOG10(100)', '=SUM(B:B)+COUNT(1:1)+LOG10(100)']],
    ]);
  });
});

describe('a person pasting one formula over a selected block', () => {
  // As setFormula on a block (the RepeatCellRequest rule above), through the same formula-fill
  // code: the playground's paste of one cell over a selection.
  it('fills the block with the formula, each cell’s references moved, and values computed', () => {
    const { rt, script } = runScript(
      `${SHEET}function main() { sh().getRange("A1:B2").setValues([[1, 2], [3, 4]]); }\n` +
        'function read() { var r = sh().getRange("D1:E2"); return [r.getFormulas(), r.getValues()]; }',
    );
    script.call('main');
    const editor = new SheetsEditor(rt.drive, () => rt.user);
    const tab = rt.spreadsheet.sheets[0]!.id;
    editor.fill(rt.spreadsheet.id, { sheetId: tab, row: 1, column: 4 }, 2, 2, '=A1*10+$A$1');
    expect(script.call('read')).toEqual([
      [
        ['=A1*10+$A$1', '=B1*10+$A$1'],
        ['=A2*10+$A$1', '=B2*10+$A$1'],
      ],
      [
        [11, 21],
        [31, 41],
      ],
    ]);
  });
});

describe('clearing a sheet', () => {
  // Google's reference, Sheet.clear(): "Clears the sheet of content and formatting information";
  // notes and data validation have their own calls, Sheet.clearNotes() and
  // Range.clearDataValidations() (developers.google.com/apps-script/reference/spreadsheet/sheet#clear),
  // and the add-on's rule "nothing is lost" rests on clear() not taking them.
  it('Sheet.clear() removes content and formatting but keeps notes and data validation', () => {
    expect(
      run(
        'var r = sh().getRange("A1:B2");' +
          'r.setValues([[1, "=A1+1"], ["x", "y"]]).setBackground("#ff0000").setFontWeight("bold").setNumberFormat("0.00");' +
          'sh().getRange("A1").setNote("keep me");' +
          'sh().getRange("B2").setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).build());' +
          'sh().clear();' +
          'return [r.getValues(), r.getFormulas(), r.getBackgrounds(), r.getFontWeights(), r.getNumberFormats(), r.getNotes(),' +
          ' r.getDataValidations().map(function (row) { return row.map(function (v) { return v && v.getCriteriaValues(); }); }), sh().getLastRow()];',
      ),
    ).toEqual([
      [
        ['', ''],
        ['', ''],
      ],
      [
        ['', ''],
        ['', ''],
      ],
      [
        ['#ffffff', '#ffffff'],
        ['#ffffff', '#ffffff'],
      ],
      [
        ['normal', 'normal'],
        ['normal', 'normal'],
      ],
      [
        ['0.###############', '0.###############'],
        ['0.###############', '0.###############'],
      ],
      [
        ['keep me', ''],
        ['', ''],
      ],
      [
        [null, null],
        [null, [1, 5]],
      ],
      0,
    ]);
  });
});

describe('colours and number formats as Sheets stores them', () => {
  // tanaikech/gas-fakes test/testsheetsexotics.js ("RangeList exotic methods"): setBackground("red")
  // reads back "#ff0000", setBackground("blue") "#0000ff", setFontColor("yellow") "#ffff00"; its
  // named-colors.md lists the CSS names Apps Script takes, lightcoral as #f08080, in any case.
  it('colour names given to the background and font colour setters read back as lower-case hex', () => {
    expect(
      run(
        'var r = sh().getRange("A1:B1");' +
          'r.setBackground("LIGHTCORAL").setFontColor("red");' +
          'sh().getRange("A2:B2").setBackgrounds([["blue", "#00FF00"]]).setFontColors([["Yellow", "#abc"]]);' +
          'return [r.getBackgrounds()[0], r.getFontColors()[0], sh().getRange("A2:B2").getBackgrounds()[0], sh().getRange("A2:B2").getFontColors()[0]];',
      ),
    ).toEqual([
      ['#f08080', '#f08080'],
      ['#ff0000', '#ff0000'],
      ['#0000ff', '#00ff00'],
      ['#ffff00', '#aabbcc'],
    ]);
  });

  // tanaikech/gas-fakes oddities.md ("Numberformat default pattern"): the way to put a cell back to
  // the default number format is setNumberFormat('general'), "even though getNumberFormat()
  // returns '0.###############'".
  it('setNumberFormat("General") puts the default back, read as 0.############### and shown as typed', () => {
    expect(
      run(
        'var r = sh().getRange("A1:B1");' +
          'r.setValues([[0.25, 3]]).setNumberFormat("0.0%");' +
          'var before = r.getDisplayValues()[0];' +
          'r.setNumberFormat("General");' +
          'sh().getRange("C1").setNumberFormats([["general"]]);' +
          'return [before, r.getNumberFormats()[0], r.getDisplayValues()[0], sh().getRange("C1").getNumberFormats()[0][0]];',
      ),
    ).toEqual([
      ['25.0%', '300.0%'],
      ['0.###############', '0.###############'],
      ['0.25', '3'],
      '0.###############',
    ]);
  });
});

describe('named ranges', () => {
  // tanaikech/gas-fakes test/testsheetsrange.js ("namedRange"), run on live Apps Script, names
  // ranges "sampleNamedRange1" and "sampleNamedRange2": letters then digits are a name Sheets
  // takes. Sheets' rules for a name (support.google.com/docs/answer/63175): letters, numbers and
  // underscores, not starting with a number, not "true" or "false", not in A1 or R1C1 syntax.
  // Google gives no wording for Apps Script's refusal; the emulator's message names those rules.
  it('a name of letters then digits such as Budget2026 names a range that formulas use, and reads back as written', () => {
    const { rt, script } = runScript(
      `${SHEET}function main() {` +
        ' var ss = SpreadsheetApp.getActiveSpreadsheet();' +
        ' sh().getRange("A1:A3").setValues([[1], [2], [3]]);' +
        ' ss.setNamedRange("Budget2026", sh().getRange("A1:A3"));' +
        ' ss.setNamedRange("sampleNamedRange1", sh().getRange("A1"));' +
        ' sh().getRange("B1").setFormula("=SUM(Budget2026)*sampleNamedRange1&\\" Budget2026\\"");' +
        ' sh().insertRowsAfter(2, 1); sh().getRange("A3").setValue(10);' +
        ' return [sh().getRange("B1").getFormula(), sh().getRange("B1").getValue(), ss.getRangeByName("Budget2026").getA1Notation()];' +
        '}\n' +
        'function later() { return sh().getRange("B1").getValue(); }',
    );
    expect(script.call('main')).toEqual([
      '=SUM(Budget2026)*sampleNamedRange1&" Budget2026"',
      '16 Budget2026',
      'A1:A4',
    ]);
    // Saved and restored, as the playground keeps its file: the name still resolves.
    const restored = runScript(
      `${SHEET}function later() { return sh().getRange("B1").getValue(); }`,
      {
        state: rt.saveState(),
      },
    );
    expect(restored.script.call('later')).toBe('16 Budget2026');
  });

  it('names Sheets refuses (a cell, R1C1, TRUE, a leading digit, a space) still throw', () => {
    expect(
      run(
        'var ss = SpreadsheetApp.getActiveSpreadsheet();' +
          'return ["AB12", "R1C1", "rc", "TRUE", "2026Budget", "Budget 2026"].map(function (n) {' +
          ' try { ss.setNamedRange(n, sh().getRange("A1")); return n + " taken"; } catch (e) { return e.message; } });',
      ),
    ).toEqual(
      Array(6).fill(
        'Named ranges must start with a letter or underscore and contain only letters, numbers and underscores, and must not look like a cell reference.',
      ),
    );
  });
});

describe('data validation values', () => {
  // tanaikech/gas-fakes test/testsheetsdatavalidations.js ("data validation basics", run on live
  // Apps Script): requireCheckbox() has no criteria values, requireCheckbox("A") has ["A"],
  // requireCheckbox("A", "B") has ["A", "B"]; requireValueInList([9, false, "z"]) reads back
  // [["9", "false", "z"], true] ("apps script converts everything to strings in a value list" and
  // shows the dropdown by default). Google's reference, requireCheckbox(checkedValue,
  // uncheckedValue): the cell is ticked when it holds checkedValue and unticked when it holds
  // uncheckedValue (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
  it('requireCheckbox keeps its checked and unchecked values, and requireValueInList keeps its values as text', () => {
    expect(
      run(
        'var dv = function () { return SpreadsheetApp.newDataValidation(); };' +
          'var rule = dv().requireCheckbox("yes", "no").setAllowInvalid(false).build();' +
          'sh().getRange("A1:A2").setDataValidation(rule);' +
          'sh().getRange("A1").setValue("yes");' +
          'var refused; try { sh().getRange("A2").setValue("maybe"); } catch (e) { refused = e.message; }' +
          'return [dv().requireCheckbox().build().getCriteriaValues(), dv().requireCheckbox("A").build().getCriteriaValues(),' +
          ' sh().getRange("A1").getDataValidation().getCriteriaValues(), sh().getRange("A1").getValue(), refused,' +
          ' dv().requireValueInList([9, false, "z"]).build().getCriteriaValues(),' +
          ' dv().requireValueInList(["a", "b"], false).build().getCriteriaValues()];',
      ),
    ).toEqual([
      [],
      ['A'],
      ['yes', 'no'],
      'yes',
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
      [['9', 'false', 'z'], true],
      [['a', 'b'], false],
    ]);
  });

  // The same rule at the editor: a click ticks a custom checkbox with its checked value, and
  // Delete leaves its unchecked value, as Sheets' checkbox with custom values does.
  it('a person ticks and unticks a checkbox with custom values by writing those values', () => {
    const { rt, script } = runScript(
      `${SHEET}function main() { sh().getRange("A1").setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox("yes", "no").build()).setValue("no"); }\n` +
        'function read() { return sh().getRange("A1").getValue(); }',
    );
    script.call('main');
    const editor = new SheetsEditor(rt.drive, () => rt.user);
    const a1 = { sheetId: rt.spreadsheet.sheets[0]!.id, row: 1, column: 1 };
    editor.toggleCheckbox(rt.spreadsheet.id, a1);
    const ticked = script.call('read');
    editor.clear(rt.spreadsheet.id, a1);
    expect([ticked, script.call('read')]).toEqual(['yes', 'no']);
  });
});

describe('new spreadsheets and the Sheets advanced service', () => {
  // Google's reference, SpreadsheetApp.create(name, rows, columns): "Creates a new spreadsheet with
  // the given name and the specified number of rows and columns"; tanaikech/gas-fakes
  // test/testsheetsvalues.js ("creating and updating sheets") reads back 25 rows and 10 columns.
  it('SpreadsheetApp.create(name, rows, columns) makes a first sheet of that size', () => {
    expect(
      run(
        'var ss = SpreadsheetApp.create("Sized", 25, 10), s = ss.getSheets()[0];' +
          'var plain = SpreadsheetApp.create("Plain").getSheets()[0];' +
          'return [ss.getSheets().length, s.getMaxRows(), s.getMaxColumns(), plain.getMaxRows(), plain.getMaxColumns()];',
      ),
    ).toEqual([1, 25, 10, 1000, 26]);
  });

  // tanaikech/gas-fakes test/testsheetsvalues.js ("spreadsheetapp basics"): each sheet's
  // getMaxRows/getMaxColumns equals Sheets.Spreadsheets.get's
  // sheets[i].properties.gridProperties.rowCount/columnCount, and getType() its sheetType. The
  // API's GridProperties also carry frozenRowCount, left out when zero
  // (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#GridProperties).
  it('Sheets.Spreadsheets.get gives each sheet its gridProperties: row and column counts, and frozen rows when set', () => {
    expect(
      run(
        'var ss = SpreadsheetApp.create("Grid", 25, 10);' +
          'ss.insertSheet("Second").setFrozenRows(2);' +
          'return Sheets.Spreadsheets.get(ss.getId()).sheets.map(function (s) { return [s.properties.title, s.properties.sheetType, s.properties.gridProperties]; });',
      ),
    ).toEqual([
      ['Sheet1', 'GRID', { rowCount: 25, columnCount: 10 }],
      ['Second', 'GRID', { rowCount: 1000, columnCount: 26, frozenRowCount: 2 }],
    ]);
  });

  // tanaikech/gas-fakes test/testsheetsvalues.js ("spreadsheet values - both advanced and app"): a
  // RAW batchUpdate of 10 rows of 6 values answers totalUpdatedCells 60, totalUpdatedRows 10,
  // totalUpdatedColumns 6, totalUpdatedSheets 1. The response body
  // (developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate)
  // also holds one UpdateValuesResponse per range.
  it('Sheets.Spreadsheets.Values.batchUpdate answers with its totals and one response per range', () => {
    const got = run(
      'var id = SpreadsheetApp.create("Values").getId();' +
        'var values = []; for (var i = 0; i < 10; i++) { values.push([i, i + 1, i + 2, i + 3, i + 4, i + 5]); }' +
        'var one = Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: "RAW", data: [{ range: "Sheet1!A1:F10", values: values }] }, id);' +
        'var two = Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: "RAW", data: [' +
        ' { range: "Sheet1!A1", values: [["a", "b"]] }, { range: "Sheet1!B1", values: [["c"], ["d"]] }] }, id);' +
        'return [one, two];',
    ) as Record<string, unknown>[];
    const [one, two] = got;
    expect(one).toMatchObject({
      totalUpdatedCells: 60,
      totalUpdatedRows: 10,
      totalUpdatedColumns: 6,
      totalUpdatedSheets: 1,
      responses: [
        {
          updatedRange: 'Sheet1!A1:F10',
          updatedRows: 10,
          updatedColumns: 6,
          updatedCells: 60,
        },
      ],
    });
    // Two ranges over the same cells: rows and columns counted once, cells per write.
    expect(two).toMatchObject({
      totalUpdatedCells: 4,
      totalUpdatedRows: 2,
      totalUpdatedColumns: 2,
      totalUpdatedSheets: 1,
      responses: [{ updatedRange: 'Sheet1!A1:B1' }, { updatedRange: 'Sheet1!B1:B2' }],
    });
  });
});

describe('LockService with a negative timeout', () => {
  // No Google page says what a negative timeout does. Recorded on live Apps Script by
  // tanaikech/gas-fakes test/testlock.js ("Lock timeout failures"): tryLock(-100) returns false and
  // leaves the lock untaken, waitLock(-100) throws an error mentioning "Lock timeout", while
  // tryLock(0) and waitLock(0) take a free lock. The emulator follows that record; the message is
  // the emulator's own timeout message, which begins "Lock timeout".
  it('tryLock(-1) returns false and waitLock(-1) throws, on a lock nobody holds', () => {
    expect(
      run(
        'var lock = LockService.getScriptLock();' +
          'var tried = lock.tryLock(-1), heldAfterTry = lock.hasLock(), waited;' +
          'try { lock.waitLock(-1); waited = "taken"; } catch (e) { waited = e.message; }' +
          'var heldAfterWait = lock.hasLock(), zero = lock.tryLock(0);' +
          'return [tried, heldAfterTry, waited, heldAfterWait, zero, lock.hasLock()];',
      ),
    ).toEqual([
      false,
      false,
      'Lock timeout: another process was holding the lock for too long.',
      false,
      true,
      true,
    ]);
  });
});
