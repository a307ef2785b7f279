import { it } from 'vitest';
import { seededRegistry } from '../support/seed.js';
it('calls', () => {
  for (const n of [1, 10]) {
    const { rt, addon, ids } = seededRegistry(n, 300);
    for (let i = 0; i < 2; i++) {
      addon.call('refreshPriorities');
      console.log(
        n,
        i,
        rt.spreadsheet.sheets.length,
        rt.lastExecution?.spreadsheetCalls,
        JSON.stringify(rt.lastExecution?.calls),
      );
    }
    const last = ids[ids.length - 1] as string;
    const { id } = addon.call('addItem', {
      clientId: last,
      kind: 'decision',
      fields: { title: 'Pick a queue', status: 'Proposed', proposedOn: '2026-11-10' },
    }) as { id: string };
    addon.call('refreshPriorities');
    console.log(
      'after propose',
      rt.spreadsheet.sheets.length,
      rt.lastExecution?.spreadsheetCalls,
      JSON.stringify(rt.lastExecution?.calls),
    );
    addon.call('updateItem', {
      clientId: last,
      kind: 'decision',
      id,
      fields: { status: 'Accepted', decidedOn: '2026-11-17' },
    });
    addon.call('refreshPriorities');
    console.log(
      'after accept',
      rt.spreadsheet.sheets.length,
      rt.lastExecution?.spreadsheetCalls,
      JSON.stringify(rt.lastExecution?.calls),
    );
    addon.call('runWeeklyPlan', {});
    addon.call('runWeeklyPlan', {});
    console.log('weekly', rt.spreadsheet.sheets.length, rt.lastExecution?.spreadsheetCalls);
  }
}, 120000);
