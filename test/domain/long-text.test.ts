import { describe, expect, it } from 'vitest';
import {
  SHOWN_TEXT_LIMIT,
  longTextProblem,
  shortenLongText,
  shownText,
} from '../../src/domain/long-text.js';

describe('text longer than generated tabs show', () => {
  it('keeps text of up to 1,000 characters as it is', () => {
    expect(SHOWN_TEXT_LIMIT).toBe(1000);
    const exact = 'a'.repeat(1000);
    expect(shownText(exact)).toBe(exact);
    expect(shownText('')).toBe('');
  });

  it('cuts longer text to 1,000 characters, the last an ellipsis', () => {
    const shown = shownText('b'.repeat(50000));
    expect(shown).toHaveLength(1000);
    expect(shown).toBe(`${'b'.repeat(999)}…`);
  });

  it('never splits an emoji at the cut', () => {
    const text = `${'c'.repeat(998)}😀${'d'.repeat(10)}`;
    expect(shownText(text)).toBe(`${'c'.repeat(998)}…`);
    expect(() => encodeURIComponent(shownText(text))).not.toThrow();
  });

  it('cuts each long text cell of a grid, names the cells, and leaves the rest as it was', () => {
    const grid: unknown[][] = [
      ['Client', 'Acme'],
      ['D-1', 'x'.repeat(50000), 5, new Date(0)],
      [],
      ['', '', 'y'.repeat(1001)],
    ];
    const { grid: short, cut } = shortenLongText(grid);
    expect(cut).toEqual([
      { cell: 'B2', length: 50000 },
      { cell: 'C4', length: 1001 },
    ]);
    expect(short[1]).toEqual(['D-1', `${'x'.repeat(999)}…`, 5, new Date(0)]);
    expect(short[3]?.[2]).toBe(`${'y'.repeat(999)}…`);
    expect(short[0]).toEqual(['Client', 'Acme']);
    expect(grid[1]?.[1]).toHaveLength(50000);
  });

  it('returns the same grid when nothing is long', () => {
    const grid = [['a', 1]];
    expect(shortenLongText(grid)).toEqual({ grid, cut: [] });
    expect(shortenLongText(grid).grid).toBe(grid);
  });

  it('reports a cut cell with its tab, cell, length and the length shown', () => {
    expect(longTextProblem('Acme', { cell: 'B20', length: 50000 })).toEqual({
      tab: 'Acme',
      cell: 'B20',
      reason:
        'This cell holds 50,000 characters: Priorities, the weekly plan, its mail and founder views show its first 1,000. Shorten it, or keep the long text in a linked document.',
    });
  });
});
