import { describe, expect, it } from 'vitest';
import { readHeaderTable, splitList } from '../../src/domain/header-table.js';

const HEADERS = ['Consumer client', 'Provider client', 'Component', 'Match tags', 'Notes'];

describe('a table a person keeps, read by header name', () => {
  it('finds the header row below a title and reads each row by header, wherever its column is', () => {
    const rows = readHeaderTable(
      [
        ['Dependencies between clients'],
        ['Notes', 'Provider client', 'Consumer client', 'Match tags', 'Component'],
        ['shared login', 'Beta', ' Acme ', 'auth', 'Login API'],
      ],
      HEADERS,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).toBe(3);
    expect(rows[0]?.get('Consumer client')).toBe('Acme');
    expect(rows[0]?.get('Provider client')).toBe('Beta');
    expect(rows[0]?.get('Component')).toBe('Login API');
  });

  it('skips blank rows and numbers the others as the sheet does', () => {
    const rows = readHeaderTable(
      [HEADERS, ['Acme', 'Beta'], ['', '', ''], [null, undefined, ''], ['Gamma', 'Beta']],
      HEADERS,
    );
    expect(rows.map((r) => [r.row, r.get('Consumer client')])).toEqual([
      [2, 'Acme'],
      [5, 'Gamma'],
    ]);
  });

  it('reads a column the table does not have as blank', () => {
    const rows = readHeaderTable(
      [
        ['Consumer client', 'Provider client', 'Component'],
        ['Acme', 'Beta', 'Billing'],
      ],
      HEADERS,
    );
    expect(rows[0]?.get('Match tags')).toBe('');
    expect(rows[0]?.get('Owner')).toBe('');
  });

  it('takes a row as the header only when it holds at least half the expected headers', () => {
    // Five expected headers: three make a header row, two do not.
    expect(
      readHeaderTable(
        [
          ['Consumer client', 'Component'],
          ['Acme', 'Billing'],
        ],
        HEADERS,
      ),
    ).toEqual([]);
    expect(
      readHeaderTable(
        [
          ['Consumer client', 'Component', 'Notes'],
          ['Acme', 'Billing', 'x'],
        ],
        HEADERS,
      ).map((r) => r.get('Component')),
    ).toEqual(['Billing']);
  });

  it('reads nothing from a tab without a header row', () => {
    expect(readHeaderTable([], HEADERS)).toEqual([]);
    expect(readHeaderTable([['just a note']], HEADERS)).toEqual([]);
  });

  it('reads numbers and dates in a cell as text', () => {
    const [row] = readHeaderTable(
      [
        ['Consumer client', 'Provider client', 'Component', 'Notes'],
        ['Acme', 'Beta', 42, new Date(Date.UTC(2026, 10, 18))],
      ],
      HEADERS,
    );
    expect(row?.get('Component')).toBe('42');
    expect(row?.get('Notes')).toBe('2026-11-18T00:00:00.000Z');
  });
});

describe('a comma list in a table (Avoid, Match tags)', () => {
  it('is trimmed, lower-cased and kept once, with blanks dropped, like tags', () => {
    expect(splitList(' MongoDB, auth ,,Auth, ')).toEqual(['mongodb', 'auth']);
    expect(splitList('')).toEqual([]);
  });
});
