/**
 * Registries of a given size for budget tests and the bench: clients added through the bundle,
 * their debt rows pasted in directly, as a person importing an existing inventory would.
 */
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import type { Content } from '../../emulator/workbook.js';
import { sectionOf } from '../../src/domain/registry-layout.js';

const AREAS = ['API', 'Frontend', 'Data', 'Infra', 'Auth', 'CI'];
const PRIORITIES = ['High', 'Medium', 'Low'];

export function seedRegistry(
  rt: Runtime,
  addon: LoadedScript,
  clients: number,
  itemsPerClient: number,
): string[] {
  const ids: string[] = [];
  const headers = sectionOf('debt').columns.map((c) => c.header);
  for (let c = 1; c <= clients; c++) {
    const { id } = addon.call('addClient', {
      name: `Client ${String(c).padStart(3, '0')}`,
      hoursPerWeek: 1,
    }) as { id: string };
    ids.push(id);
    const sheet = rt.spreadsheet.sheetById(Number(id));
    if (!sheet || itemsPerClient === 0) continue;
    let header = 0;
    for (let r = 1; r <= sheet.lastRow(); r++) {
      if (rt.spreadsheet.read(sheet, r, 1) === 'Technical debt') header = r + 1;
    }
    rt.spreadsheet.insertRows(sheet, header + 2, itemsPerClient, header + 1);
    const rows: Content[][] = [];
    for (let i = 1; i <= itemsPerClient; i++) {
      const byHeader: Record<string, string | number> = {
        ID: `D-${i}`,
        Title: `Debt item ${i} of client ${c}`,
        Area: AREAS[i % AREAS.length] as string,
        Priority: PRIORITIES[i % 3] as string,
        Impact: (i % 5) + 1,
        Effort: ((i * 3) % 5) + 1,
        Status: i % 7 === 0 ? 'Done' : 'Open',
        Tags: 'seeded, bench',
      };
      rows.push(
        headers.map((h) =>
          h in byHeader
            ? { kind: 'value', value: byHeader[h] as string | number }
            : { kind: 'empty' },
        ),
      );
    }
    rt.spreadsheet.writeBlock(sheet, header + 1, 1, rows);
  }
  rt.resetCalls();
  return ids;
}
