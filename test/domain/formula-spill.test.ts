import { describe, expect, it } from 'vitest';
import { canSpill, spilledFrom, spillSources } from '../../src/domain/formula-spill.js';

describe('formulas that can fill cells other than their own', () => {
  it.each([
    '=TRANSPOSE(O12:O14)',
    '=ARRAYFORMULA(O12:O14)',
    '={B12,B13}',
    "='Other client'!B12:B14",
    '=split(B12, " ")',
    '=IMPORTRANGE("https://docs.google.com/…", "A1")',
    '=FILTER(A:A, A:A<>"")',
    '=INDEX(B1:C9, 2, 0)',
    '=CTOR_Everything',
  ])('%s can spill', (formula) => {
    expect(canSpill(formula)).toBe(true);
  });

  it.each([
    '=B12',
    "='Other client'!B12",
    '=IF(OR(C28="",D28=""),"",C28*D28)',
    '=IF(E12>=CTOR_ImpactThreshold,"Do now","Quick win")',
    '=$B$12',
    '=TRUE',
  ])('%s fills its own cell only', (formula) => {
    expect(canSpill(formula)).toBe(false);
  });

  it('reaches the cells below and to the right of a spilling formula, not its own or above', () => {
    const sources = spillSources([[], ['', '=TRANSPOSE(Z1:Z3)', '=B1']]);
    expect(sources).toEqual([{ row: 2, column: 2, cell: 'B2' }]);
    expect(spilledFrom(sources, 3, 2)?.cell).toBe('B2');
    expect(spilledFrom(sources, 2, 4)?.cell).toBe('B2');
    expect(spilledFrom(sources, 2, 2)).toBeUndefined();
    expect(spilledFrom(sources, 1, 3)).toBeUndefined();
    expect(spilledFrom(sources, 3, 1)).toBeUndefined();
  });
});
