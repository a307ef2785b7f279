import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '../../src/domain/add-item.js';
import { addDebt, loadAddon } from '../support/bundle.js';
import { seedRegistry } from '../support/seed.js';

const FIELDS: Record<string, Record<string, unknown>> = {
  goal: { goal: 'Ship SSO' },
  debt: { title: 'Budget item', impact: 4, effort: 2 },
  decision: { title: 'Budget decision', status: 'Accepted' },
  risk: { risk: 'Budget risk', likelihood: 3, impact: 3 },
  team: { personRole: 'Budget person' },
  review: { notes: 'Budget review' },
};

describe('call budgets', () => {
  it.each([1, 10, 50])(
    'addItem and updateItem make at most 8 Spreadsheet service calls with %i clients of 300 items',
    (clients) => {
      const { rt, addon } = loadAddon();
      const ids = seedRegistry(rt, addon, clients, 300);
      const last = ids[ids.length - 1] as string;
      // Twice: once into a blank row the section has to spare, once inserting a row.
      for (const title of ['First', 'Second']) {
        const added = addDebt(addon, last, { title, impact: 4, effort: 2 });
        expect(added.id).toMatch(/^D-30[12]$/);
        expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
      }
      for (const kind of ITEM_KINDS) {
        for (let i = 0; i < 3; i++) {
          addon.call('addItem', { clientId: last, kind, fields: FIELDS[kind] });
          expect(rt.lastExecution?.spreadsheetCalls, `addItem ${kind}`).toBeLessThanOrEqual(8);
        }
      }
      addon.call('updateItem', {
        clientId: last,
        kind: 'debt',
        id: 'D-150',
        fields: { status: 'Done', impact: 5 },
      });
      expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
      addon.call('updateItem', {
        clientId: last,
        kind: 'decision',
        id: 'ADR-1',
        fields: { status: 'Deprecated' },
      });
      expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
    },
    120000,
  );
});
