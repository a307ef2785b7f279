/**
 * What the playground's page is given to draw, and the page's own rules that need no browser:
 * the cell editor's text, dropdown values, checkboxes, invalid marks and links; the keys; the
 * clipboard; which requests the server takes.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SheetsEditor } from '../../emulator/index.js';
import { drawSheet } from '../../playground/drawn-sheet.js';
import { keyAction } from '../../playground/page/grid-keys.js';
import { fromClipboard, toClipboard } from '../../playground/page/grid-layout.js';
import { requestProblem } from '../../playground/request-guard.js';
import { runScript } from '../support/script.js';

describe('a tab as the page draws it', () => {
  it('gives each cell its shown text and the text its editor opens with, so Enter keeps it as it is', () => {
    const { rt, script } = runScript(
      `function main() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var sh = ss.getSheets()[0];
        sh.getRange('A1:F1').setValues([["'0042", '12%', '2026-11-18', '=1+1', "'=SUM(1)", 'plain']]);
        sh.getRange('A2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['High', 'Low']).build()).setValue('Medium');
        sh.getRange('B2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build()).setValue(true);
        sh.getRange('C2').setFormula('=HYPERLINK("#gid=0","Home")');
        sh.getRange('D2').setValue('https://example.com/x').setNote('see');
        sh.setColumnWidth(2, 240); sh.setFrozenRows(1); sh.hideColumns(5);
      }`,
    );
    script.call('main');
    const wb = rt.spreadsheet;
    const drawn = drawSheet(wb, wb.sheets[0]!, new Set(rt.drive.files.keys()));
    const row1 = drawn.grid[0]!;
    expect(row1.slice(0, 6).map((c) => [c?.t, c?.i])).toEqual([
      ['0042', "'0042"],
      ['12%', undefined],
      ['2026-11-18', undefined],
      ['2', '=1+1'],
      ['=SUM(1)', "'=SUM(1)"],
      ['plain', undefined],
    ]);
    expect(row1[1]?.k).toBe('n');
    const [list, box, home, url] = drawn.grid[1]!;
    expect(drawn.lists[list!.list!]).toEqual(['High', 'Low']);
    expect(list?.bad).toBe('Input must be an item on the specified list.');
    expect(box?.cb).toBe(true);
    expect(home?.link).toBe('#gid=0');
    expect([url?.link, url?.n]).toEqual(['https://example.com/x', 'see']);
    expect([drawn.widths[2], drawn.frozenRows, drawn.hidden]).toEqual([240, 1, [5]]);
  });

  it('links a founder view to the file in the emulated Drive, not to Google', () => {
    const { rt } = runScript('function main() {}');
    const founder = rt.createSpreadsheet('Acme — technical registry');
    const editor = new SheetsEditor(rt.drive, () => rt.user);
    const tab = rt.spreadsheet.sheets[0]!.id;
    editor.type(
      rt.spreadsheet.id,
      { sheetId: tab, row: 1, column: 1 },
      `=HYPERLINK("${founder.url}","Shared view")`,
    );
    const drawn = drawSheet(
      rt.spreadsheet,
      rt.spreadsheet.sheets[0]!,
      new Set(rt.drive.files.keys()),
    );
    expect(drawn.grid[0]![0]).toMatchObject({ t: 'Shared view', link: `file:${founder.id}` });
  });
});

describe('the page', () => {
  it('maps keys as Sheets does', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
      keyAction(
        { key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods },
        {
          t: '20',
        },
      );
    expect(key('F2')).toEqual({ kind: 'edit', initial: '20', enterMode: false, listOpen: false });
    expect(key('7')).toEqual({ kind: 'edit', initial: '7', enterMode: true, listOpen: false });
    expect(key('Delete')).toEqual({ kind: 'clear' });
    expect(key('Tab', { shiftKey: true })).toEqual({ kind: 'move', move: 'left' });
    expect(key('ArrowDown', { shiftKey: true })).toEqual({ kind: 'extend', move: 'down' });
    expect(key('z', { ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(
      keyAction(
        { key: ' ', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false },
        { t: '☐', cb: false },
      ),
    ).toEqual({ kind: 'toggle' });
  });

  it('reads and writes tab-separated clipboard blocks, quoted cells included', () => {
    const rows = [
      ['P-2', 'Says "no"', 'two\nlines'],
      ['', 'x', ''],
    ];
    expect(fromClipboard(toClipboard(rows))).toEqual(rows);
    expect(fromClipboard('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('who may send the playground requests', () => {
  const req = (method: string, headers: Record<string, string>) =>
    ({ method, headers }) as unknown as IncomingMessage;

  it('takes its own pages and clients with no page, and refuses other hosts and origins', () => {
    expect(requestProblem(req('POST', { host: '127.0.0.1:8080' }), 8080)).toBeNull();
    expect(
      requestProblem(
        req('POST', {
          host: 'localhost:8080',
          origin: 'http://localhost:8080',
          'sec-fetch-site': 'same-origin',
        }),
        8080,
      ),
    ).toBeNull();
    expect(requestProblem(req('GET', { host: 'attacker.example:8080' }), 8080)).toMatch(
      /^The playground answers only requests addressed to 127.0.0.1:8080/,
    );
    expect(requestProblem(req('POST', { host: '127.0.0.1:8080', origin: 'null' }), 8080)).toMatch(
      /only from its own pages/,
    );
    expect(
      requestProblem(
        req('POST', { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:9999' }),
        8080,
      ),
    ).toMatch(/only from its own pages/);
    expect(
      requestProblem(req('POST', { host: '127.0.0.1:8080', 'sec-fetch-site': 'same-site' }), 8080),
    ).toMatch(/only from its own pages/);
  });
});
