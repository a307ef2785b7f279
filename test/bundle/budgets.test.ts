import { describe, expect, it } from 'vitest';
import { addDebt, loadAddon } from '../support/bundle.js';
import { seedRegistry } from '../support/seed.js';

describe('call budgets', () => {
  it.each([1, 10, 50])(
    'addItem makes at most 8 Spreadsheet service calls with %i clients of 300 items',
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
    },
  );
});
