/**
 * The formula engine behind every emulated workbook: a restored workbook is built in one bulk
 * build, and a formula parsed by one workbook's engine is taken by another only when the tabs it
 * names have the same ids there (emulator/hyperformula.ts). These check that no workbook ever
 * reads another's tabs through a shared parse, whatever order they were restored in.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../emulator/index.js';
import { runScript } from '../support/script.js';

/** A runtime whose tabs are `tabs` in that order, `Sum!A1` holding `formula`, saved and restored. */
function restoredWith(tabs: [name: string, a1: number][], formula: string): Runtime {
  const { rt, script } = runScript(`function main(tabs, formula) {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    var first = ss.getSheets()[0];
    tabs.forEach(function (t, i) {
      var sheet = ss.insertSheet(t[0], i);
      sheet.getRange('A1').setValue(t[1]);
    });
    ss.deleteSheet(first);
    ss.getSheetByName('Sum').getRange('A1').setFormula(formula);
  }`);
  script.call('main', tabs, formula);
  return createRuntime({ state: JSON.parse(JSON.stringify(rt.saveState())) as never });
}

let reader: string | undefined;

/** What `Sum!A1` shows in `rt`. */
function sumOf(rt: Runtime): unknown {
  reader ??= runScript(
    "function main() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sum').getRange('A1').getDisplayValue(); }",
  ).path;
  return rt.load(reader).call('main');
}

describe('the formula engine of restored workbooks', () => {
  it('reads each workbook’s own tab when the same formula at the same cell names a tab of another id', () => {
    const a = restoredWith(
      [
        ['Sum', 0],
        ['Data', 11],
        ['Other', 22],
      ],
      '=Data!A1*2',
    );
    const b = restoredWith(
      [
        ['Sum', 0],
        ['Other', 33],
        ['Data', 44],
      ],
      '=Data!A1*2',
    );
    expect([sumOf(a), sumOf(b)]).toEqual(['22', '88']);
    // Restored again, in the other order, from what each saved.
    const b2 = createRuntime({ state: JSON.parse(JSON.stringify(b.saveState())) as never });
    const a2 = createRuntime({ state: JSON.parse(JSON.stringify(a.saveState())) as never });
    expect([sumOf(a2), sumOf(b2)]).toEqual(['22', '88']);
  });

  it('gives #REF! for a tab the workbook lacks, though a workbook restored before it has that tab', () => {
    const has = restoredWith(
      [
        ['Sum', 0],
        ['Ghost', 5],
      ],
      '=Ghost!A1+1',
    );
    const lacks = restoredWith([['Sum', 0]], '=Ghost!A1+1');
    expect([sumOf(has), sumOf(lacks)]).toEqual(['6', '#REF!']);
    const hasAgain = createRuntime({ state: JSON.parse(JSON.stringify(has.saveState())) as never });
    expect(sumOf(hasAgain)).toBe('6');
  });

  it('keeps a restored workbook’s formulas, names and TODAY() live after the bulk build', () => {
    const { rt, script } = runScript(`function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.getSheets()[0];
      sh.getRange('A1:A3').setValues([[1], [2], [3]]);
      ss.setNamedRange('Nums', sh.getRange('A1:A3'));
      sh.getRange('B1').setFormula('=SUM(Nums)');
      sh.getRange('C1').setFormula('=TODAY()-DATE(2026,11,1)');
    }`);
    script.call('main');
    const restored = createRuntime({
      state: JSON.parse(JSON.stringify(rt.saveState())) as never,
    });
    const { path } = runScript(`function main() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var before = [sh.getRange('B1').getValue(), sh.getRange('C1').getValue()];
      sh.getRange('A2').setValue(20);
      sh.insertRowsBefore(1, 1);
      return before.concat([sh.getRange('B2').getValue(), sh.getRange('B2').getFormula()]);
    }`);
    expect(restored.load(path).call('main')).toEqual([6, 17, 24, '=SUM(Nums)']);
  });
});
