import { describe, expect, it } from 'vitest';
import { runScript } from '../support/script.js';

const SHEET =
  'var sh = function () { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; };\n';

function run(body: string): unknown {
  const { script } = runScript(`${SHEET}function main() { ${body} }`);
  return script.call('main');
}

describe('Range', () => {
  it('reads 1-based rows and columns and empty cells as empty strings', () => {
    expect(
      run("sh().getRange(2, 3).setValue('x'); return sh().getRange(1, 1, 2, 3).getValues();"),
    ).toEqual([
      ['', '', ''],
      ['', '', 'x'],
    ]);
  });

  it.each([
    ['sh().getRange(0, 1)', 'The starting row of the range is too small.'],
    ['sh().getRange(1, 0)', 'The starting column of the range is too small.'],
    ['sh().getRange(1, 1, 0, 1)', 'The number of rows in the range must be at least 1.'],
    ['sh().getRange(1, 1, 1, 0)', 'The number of columns in the range must be at least 1.'],
    [
      'sh().getRange(1001, 1)',
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    [
      'sh().getRange(1, 27)',
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    [
      "sh().getRange('A1:ZZ')",
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    ["sh().getRange('not a range!!')", 'Range not found'],
  ])('%s fails as in Apps Script', (expr, message) => {
    expect(() => run(`${expr}; return 1;`)).toThrow(message);
  });

  it('refuses setValues whose shape differs from the range', () => {
    expect(() => run('sh().getRange(1, 1, 2, 2).setValues([[1, 2]]);')).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => run('sh().getRange(1, 1, 1, 2).setValues([[1, 2, 3]]);')).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('reads strings as a person typing them would be read', () => {
    const got = run(
      "sh().getRange(1, 1, 1, 7).setValues([['42', 'TRUE', '2026-03-05', \"'=not a formula\", '=1+2', 'plain', '-7.5']]);" +
        'var v = sh().getRange(1, 1, 1, 7).getValues()[0];' +
        'return v.map(function (x) { return x instanceof Date ? "Date " + Utilities.formatDate(x, "Europe/London", "yyyy-MM-dd HH:mm") : typeof x + " " + x; });',
    );
    expect(got).toEqual([
      'number 42',
      'boolean true',
      'Date 2026-03-05 00:00',
      'string =not a formula',
      'number 3',
      'string plain',
      'number -7.5',
    ]);
  });

  it("gives Dates back as the script realm's Date", () => {
    expect(
      run(
        "sh().getRange('A1').setValue(new Date(Date.UTC(2026, 0, 2, 12))); var d = sh().getRange('A1').getValue(); return [d instanceof Date, d.toISOString()];",
      ),
    ).toEqual([true, '2026-01-02T12:00:00.000Z']);
  });

  it('turns a written =string into a formula and keeps a leading apostrophe as text', () => {
    expect(
      run(
        "sh().getRange('A1:C1').setValues([[2, '=A1*10', \"'=A1*10\"]]); return [sh().getRange('A1:C1').getValues()[0], sh().getRange('A1:C1').getFormulas()[0]];",
      ),
    ).toEqual([
      [2, 20, '=A1*10'],
      ['', '=A1*10', ''],
    ]);
  });

  it('keeps text in a cell formatted as plain text', () => {
    expect(
      run(
        "var r = sh().getRange('A1'); r.setNumberFormat('@'); r.setValue('=1+1'); return [r.getValue(), r.getFormula()];",
      ),
    ).toEqual(['=1+1', '']);
  });

  it('refuses a cell over 50,000 characters', () => {
    expect(() => run("sh().getRange('A1').setValue(new Array(50002).join('x'));")).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('shows display values by number format', () => {
    expect(
      run(
        "var r = sh().getRange('A1:D1'); r.setValues([[0.256, 1234.5, '2026-03-05', true]]);" +
          "r.setNumberFormats([['0.0%', '#,##0.00', 'd mmm yyyy', 'General']]); return r.getDisplayValues()[0];",
      ),
    ).toEqual(['25.6%', '1,234.50', '5 Mar 2026', 'TRUE']);
  });

  it('evaluates formulas across tabs with HyperFormula, and errors read as their codes', () => {
    expect(
      run(
        "var ss = SpreadsheetApp.getActiveSpreadsheet(); var b = ss.insertSheet('Data');" +
          "b.getRange('A1:A3').setValues([[1],[2],[3]]);" +
          'sh().getRange(\'A1:C1\').setFormulas([["=SUM(Data!A1:A3)", "=COUNTIFS(Data!A1:A3,\\">1\\")", \'=1/0\']]);' +
          "return sh().getRange('A1:C1').getValues()[0];",
      ),
    ).toEqual([6, 2, '#DIV/0!']);
  });

  it('records notes, formats, validation and blanks', () => {
    expect(
      run(
        "var r = sh().getRange('B2'); r.setNote('why').setBackground('#ff0000').setFontWeight('bold');" +
          "r.setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['A','B']).setAllowInvalid(false).build());" +
          "var err = ''; try { r.setValue('C'); } catch (e) { err = e.message; }" +
          "r.setValue('A');" +
          "return [r.getNote(), r.getBackground(), r.getFontWeight(), r.getDataValidation().getCriteriaValues()[0], err, r.isBlank(), sh().getRange('Z9').isBlank()];",
      ),
    ).toEqual([
      'why',
      '#ff0000',
      'bold',
      ['A', 'B'],
      'The data you entered in cell B2 violates the data validation rules set on this cell.',
      false,
      true,
    ]);
  });
});

describe('TODAY() and the emulated clock', () => {
  it('reads the emulated date in the spreadsheet time zone, and moves with the clock', async () => {
    const { runScript: run2 } = await import('../support/script.js');
    const { rt, script } = run2(
      "function put() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B1').setFormulas([['=TODAY()', '=DAYS(TODAY(),DATE(2026,11,1))']]); }\nfunction get() { var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B1').getValues()[0]; return [Utilities.formatDate(v[0], 'Asia/Tokyo', 'yyyy-MM-dd'), v[1]]; }",
      { now: '2026-11-18T23:30:00Z', timeZone: 'Asia/Tokyo' },
    );
    script.call('put');
    expect(script.call('get')).toEqual(['2026-11-19', 18]);
    rt.advanceClockTo('2026-11-25T01:00:00Z');
    expect(script.call('get')).toEqual(['2026-11-25', 24]);
  });

  it('leaves an impossible date typed as text', () => {
    const { rt, script } = runScript(
      "function main() { var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1'); r.setValue('2026-02-30'); return typeof r.getValue(); }",
    );
    expect(script.call('main')).toBe('string');
    void rt;
  });
});
