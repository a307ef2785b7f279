/**
 * The demo registry `npm start -- --demo` opens: built as a person would type it, then refreshed
 * by the demo itself, so Priorities and the Overview are filled when it first opens.
 * Its risks keep their Score and Band formulas, so the Overview and Priorities agree.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../emulator/index.js';
import { loadDemo } from '../../playground/demo.js';
import { BUNDLE, tab, values } from '../support/bundle.js';

describe('the demo registry', () => {
  it("opens refreshed: reads every cell, and each client's open high risks on the Overview are the High and Critical risks Priorities ranks", () => {
    const rt = createRuntime({ now: new Date('2026-12-02T09:00:00Z'), timeZone: 'Europe/London' });
    const addon = rt.load(BUNDLE);
    loadDemo(rt, addon);
    const priorities = values(rt, tab(rt, 'Priorities'));
    expect(priorities.flat().join(' ')).not.toContain('Not refreshed yet');
    expect(priorities.some((r) => r[0] === 'Every cell was read.')).toBe(true);
    const ranked = priorities.filter((r) => typeof r[0] === 'number' && r[2] === 'Risk');
    const overview = values(rt, tab(rt, 'Overview'));
    const header = overview[1] ?? [];
    const highRisks = header.findIndex((h) => String(h).startsWith('Open high risks'));
    expect(highRisks).toBeGreaterThan(0);
    const clients = overview.slice(2).filter((r) => r[0] !== '' && r[0] !== 'Total');
    expect(clients.length).toBeGreaterThan(0);
    for (const row of clients) {
      const expected = ranked.filter(
        (r) => r[1] === row[0] && (r[5] === 'High' || r[5] === 'Critical'),
      ).length;
      expect([row[0], row[highRisks]]).toEqual([row[0], expected]);
    }
    expect(clients.reduce((n, r) => n + Number(r[highRisks]), 0)).toBeGreaterThan(0);
  });
});
