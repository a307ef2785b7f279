import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/domain/fingerprint.js';

describe('fingerprint', () => {
  it('is the same for equal values and differs when one cell changes, moves or is added', () => {
    const grid = [
      ['Acme', 2],
      ['Beacon', 1],
    ];
    expect(fingerprint(grid)).toBe(
      fingerprint([
        ['Acme', 2],
        ['Beacon', 1],
      ]),
    );
    const others = [
      [
        ['Acme', 3],
        ['Beacon', 1],
      ],
      [
        ['Beacon', 1],
        ['Acme', 2],
      ],
      [['Acme', 2], ['Beacon', 1], []],
      [
        ['Acme', '2'],
        ['Beacon', 1],
      ],
    ];
    for (const other of others) expect(fingerprint(other)).not.toBe(fingerprint(grid));
  });

  it('starts with the length of the text it summarises, in base 36', () => {
    expect(fingerprint('abc').split('-')[0]).toBe((5).toString(36));
  });
});
