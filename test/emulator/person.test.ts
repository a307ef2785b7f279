/**
 * A person at the Sheets editor (`emulator/person.ts`): typing, pasting, Delete, checkboxes, rows,
 * columns, tabs, notes and undo, each through the emulator's own operations. Sources:
 * - typed input: the Sheets API's USER_ENTERED, "parsed as if the user typed them into the UI"
 *   (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), and the
 *   formats VALUE reads, `7/20/1969` among them (https://support.google.com/docs/answer/3094220);
 * - checkboxes: Space ticks and unticks, Delete unticks (Sheets' column of the shortcut table at
 *   https://handsontable.com/docs/checkbox-cell-type);
 * - data validation "Reject the input" and its help text (https://support.google.com/docs/answer/186103);
 * - the refusal of a protected range in Sheets' words, as users report it.
 */
import { describe, expect, it } from 'vitest';
import { EditRefused, SheetsEditor, type Runtime } from '../../emulator/index.js';
import { runScript } from '../support/script.js';

function setup(body = ''): { rt: Runtime; editor: SheetsEditor; id: string; tab: number } {
  const { rt, script } = runScript(
    `function main() { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; ${body} }`,
    { timeZone: 'Europe/London' },
  );
  script.call('main');
  const editor = new SheetsEditor(rt.drive, () => rt.user);
  return { rt, editor, id: rt.spreadsheet.id, tab: rt.spreadsheet.sheets[0]!.id };
}

const at = (tab: number, row: number, column: number) => ({ sheetId: tab, row, column });

describe('what a person types into a cell', () => {
  it('reads numbers, booleans, dates, formulas and text as Sheets does', () => {
    const { rt, editor, id, tab } = setup();
    const typed = [
      '42',
      '1,234.5',
      '12%',
      '$1,200.00',
      'true',
      '2026-11-18',
      '11/18/2026',
      "'0042",
      '=A1*2',
      'Acme, Inc.',
      '2026-02-30',
    ];
    typed.forEach((text, i) => editor.type(id, at(tab, i + 1, 1), text));
    const wb = rt.spreadsheet;
    const sheet = wb.sheets[0]!;
    const values = typed.map((_, i) => wb.read(sheet, i + 1, 1));
    expect(values.slice(0, 5)).toEqual([42, 1234.5, 0.12, 1200, true]);
    expect((values[5] as Date).toISOString()).toBe('2026-11-18T00:00:00.000Z');
    expect((values[6] as Date).toISOString()).toBe('2026-11-18T00:00:00.000Z');
    expect(values.slice(7)).toEqual(['0042', 84, 'Acme, Inc.', '2026-02-30']);
    const formats = typed.map((_, i) => sheet.cell(i + 1, 1)?.format?.numberFormat);
    expect(formats.slice(1, 4)).toEqual(['#,##0.00', '0%', '"$"#,##0.00']);
    expect(formats.slice(5, 7)).toEqual(['yyyy-mm-dd', 'M/d/yyyy']);
    expect(wb.formula(sheet, 9, 1)).toBe('=A1*2');
  });

  it('reads what a script writes with setValue the same way', () => {
    const { rt } = setup("sh.getRange('A1:B1').setValues([['12%', '1,234']]);");
    const wb = rt.spreadsheet;
    expect([wb.read(wb.sheets[0]!, 1, 1), wb.read(wb.sheets[0]!, 1, 2)]).toEqual([0.12, 1234]);
  });

  it('keeps text in a plain-text cell, and recomputes the formulas that read a typed cell', () => {
    const { rt, editor, id, tab } = setup("sh.getRange('C1').setNumberFormat('@');");
    editor.type(id, at(tab, 1, 1), '5');
    editor.type(id, at(tab, 1, 2), '=A1+1');
    editor.type(id, at(tab, 1, 3), '=A1');
    editor.type(id, at(tab, 1, 1), '41');
    const wb = rt.spreadsheet;
    expect([1, 2, 3].map((c) => wb.read(wb.sheets[0]!, 1, c))).toEqual([41, 42, '=A1']);
  });

  it('refuses input a rule rejects, with its help text, and keeps input a rule only warns about', () => {
    const { rt, editor, id, tab } = setup(
      "sh.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['High', 'Low']).setAllowInvalid(false).setHelpText('High or Low').build());" +
        "sh.getRange('B1').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());" +
        "sh.getRange('C1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['High', 'Low']).build());",
    );
    expect(() => editor.type(id, at(tab, 1, 1), 'Medium')).toThrow(new EditRefused('High or Low'));
    expect(() => editor.type(id, at(tab, 1, 2), '9')).toThrow(
      'Input must be a number between 1 and 5.',
    );
    editor.type(id, at(tab, 1, 1), 'High');
    editor.type(id, at(tab, 1, 3), 'Medium');
    const wb = rt.spreadsheet;
    expect([1, 2, 3].map((c) => wb.read(wb.sheets[0]!, 1, c))).toEqual(['High', '', 'Medium']);
  });

  it('refuses a cell of more than 50,000 characters and writes nothing', () => {
    const { rt, editor, id, tab } = setup();
    expect(() => editor.type(id, at(tab, 1, 1), 'x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(rt.spreadsheet.sheets[0]!.lastRow()).toBe(0);
  });
});

describe('pasting, Delete and checkboxes', () => {
  it('pastes a tab-separated block cell by cell as typed, growing the grid past its last row', () => {
    const { rt, editor, id, tab } = setup();
    editor.paste(id, at(tab, 999, 1), [
      ['P-2', '2026-11-18', '3'],
      ['P-3', 'FALSE', '=C999*2'],
    ]);
    const wb = rt.spreadsheet;
    const sheet = wb.sheets[0]!;
    expect(sheet.maxRows).toBe(1000);
    expect(wb.read(sheet, 999, 2)).toBeInstanceOf(Date);
    expect([wb.read(sheet, 1000, 1), wb.read(sheet, 1000, 2), wb.read(sheet, 1000, 3)]).toEqual([
      'P-3',
      false,
      6,
    ]);
    editor.paste(id, at(tab, 1000, 1), [['a'], ['b']]);
    expect(sheet.maxRows).toBe(1001);
  });

  it('Delete clears contents and keeps format and note; on a checkbox it unticks', () => {
    const { rt, editor, id, tab } = setup(
      "sh.getRange('A1').setValue('x').setBackground('#ff0000').setNote('n');" +
        "sh.getRange('B1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build()).setValue(true);",
    );
    editor.clear(id, at(tab, 1, 1), 1, 2);
    const sheet = rt.spreadsheet.sheets[0]!;
    expect(sheet.cell(1, 1)).toMatchObject({ note: 'n', format: { background: '#ff0000' } });
    expect(rt.spreadsheet.read(sheet, 1, 1)).toBe('');
    expect(rt.spreadsheet.read(sheet, 1, 2)).toBe(false);
  });

  it('Space or a click ticks and unticks a checkbox, and only a checkbox', () => {
    const { rt, editor, id, tab } = setup(
      "sh.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build()).setValue(false);",
    );
    editor.toggleCheckbox(id, at(tab, 1, 1));
    expect(rt.spreadsheet.read(rt.spreadsheet.sheets[0]!, 1, 1)).toBe(true);
    editor.toggleCheckbox(id, at(tab, 1, 1));
    expect(rt.spreadsheet.read(rt.spreadsheet.sheets[0]!, 1, 1)).toBe(false);
    expect(() => editor.toggleCheckbox(id, at(tab, 2, 1))).toThrow('Sheet1!A2 has no checkbox.');
  });
});

describe('rows, columns, tabs and notes', () => {
  it('grows a named range when a person inserts rows inside it and moves it when above', () => {
    const { rt, editor, id, tab } = setup(
      "sh.getRange('A1:A4').setValues([[1],[2],[3],[4]]);" +
        "SpreadsheetApp.getActiveSpreadsheet().setNamedRange('Debt', sh.getRange('A2:A3'));" +
        "sh.getRange('B1').setFormula('=SUM(Debt)');",
    );
    editor.insertRows(id, tab, 2, 1, true);
    editor.type(id, at(tab, 3, 1), '10');
    editor.insertRows(id, tab, 1, 1);
    const wb = rt.spreadsheet;
    expect(wb.namedRanges.get('Debt')).toMatchObject({ row: 3, numRows: 3 });
    expect(wb.read(wb.sheets[0]!, 2, 2)).toBe(15);
  });

  it('moves named ranges, formulas, widths and hidden columns with an inserted or deleted column', () => {
    const { rt, editor, id, tab } = setup(
      "sh.getRange('A1:C1').setValues([[1, 2, '=A1+B1']]); sh.setColumnWidth(2, 240); sh.hideColumns(3);" +
        "SpreadsheetApp.getActiveSpreadsheet().setNamedRange('Row', sh.getRange('A1:C1'));",
    );
    editor.insertColumns(id, tab, 2, 1);
    const wb = rt.spreadsheet;
    const sheet = wb.sheets[0]!;
    expect(wb.namedRanges.get('Row')).toMatchObject({ column: 1, numColumns: 4 });
    expect(wb.formula(sheet, 1, 4)).toBe('=A1+C1');
    expect([...sheet.columnWidths]).toEqual([[3, 240]]);
    expect([...sheet.hiddenColumns]).toEqual([4]);
    editor.deleteColumns(id, tab, 3, 1);
    expect([...sheet.columnWidths]).toEqual([]);
    expect([...sheet.hiddenColumns]).toEqual([3]);
  });

  it('renames, adds and deletes tabs with the refusals Sheets gives', () => {
    const { rt, editor, id, tab } = setup();
    const added = editor.addTab(id);
    expect(rt.spreadsheet.sheetById(added)?.name).toBe('Sheet2');
    expect(() => editor.renameTab(id, added, 'Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    editor.renameTab(id, added, '  Notes ');
    expect(rt.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Notes']);
    editor.deleteTab(id, tab);
    expect(() => editor.deleteTab(id, added)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('sets and removes a note', () => {
    const { rt, editor, id, tab } = setup();
    editor.setNote(id, at(tab, 2, 2), 'Ask Priya');
    expect(rt.spreadsheet.sheets[0]!.cell(2, 2)?.note).toBe('Ask Priya');
    editor.setNote(id, at(tab, 2, 2), '');
    expect(rt.spreadsheet.sheets[0]!.cell(2, 2)?.note).toBeUndefined();
  });
});

describe('undo and who may edit', () => {
  it('undoes the last edits in turn, named ranges and all', () => {
    const { rt, editor, id, tab } = setup(
      "sh.getRange('A1:A2').setValues([[1],[2]]); SpreadsheetApp.getActiveSpreadsheet().setNamedRange('R', sh.getRange('A1:A2'));",
    );
    editor.type(id, at(tab, 1, 1), '7');
    editor.insertRows(id, tab, 1, 2, true);
    expect(editor.lastEdit(id)).toBe('Insert 2 rows');
    expect(editor.undo(id)).toBe('Insert 2 rows');
    expect(rt.spreadsheet.namedRanges.get('R')).toMatchObject({ row: 1, numRows: 2 });
    expect(editor.undo(id)).toBe('Typing in Sheet1!A1');
    expect(rt.spreadsheet.read(rt.spreadsheet.sheets[0]!, 1, 1)).toBe(1);
    expect(() => editor.undo(id)).toThrow('There is nothing to undo.');
  });

  it('cannot undo an edit once the add-on has written since, and says so', () => {
    const { rt, script } = runScript(
      "function write() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('B1').setValue('by the add-on'); }",
    );
    const editor = new SheetsEditor(rt.drive, () => rt.user);
    const tab = rt.spreadsheet.sheets[0]!.id;
    editor.type(rt.spreadsheet.id, at(tab, 1, 1), 'mine');
    script.call('write');
    expect(() => editor.undo(rt.spreadsheet.id)).toThrow(
      'The add-on has changed the spreadsheet since your last edit, so it cannot be undone here.',
    );
    expect(rt.spreadsheet.read(rt.spreadsheet.sheets[0]!, 1, 1)).toBe('mine');
  });

  it('refuses every edit by a viewer, and a protected range to an editor not allowed in it', () => {
    const { rt, editor, id, tab } = setup("sh.getRange('A1:B2').protect();");
    rt.share(id, 'founder@example.com', 'viewer');
    rt.share(id, 'lead@example.com', 'editor');
    rt.setUser('founder@example.com');
    expect(() => editor.type(id, at(tab, 5, 5), 'x')).toThrow(
      'founder@example.com can only view "Registry".',
    );
    rt.setUser('lead@example.com');
    expect(() => editor.type(id, at(tab, 2, 2), 'x')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    editor.type(id, at(tab, 3, 3), 'outside');
    expect(rt.spreadsheet.read(rt.spreadsheet.sheets[0]!, 3, 3)).toBe('outside');
  });
});
