/**
 * Registries of a given size for budget tests and the bench: clients added through the bundle,
 * their debt rows pasted in directly, as a person importing an existing inventory would.
 */
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import type { Content } from '../../emulator/workbook.js';
import { sectionOf } from '../../src/domain/registry-layout.js';
import { loadAddon, restorable, tab, type Loaded } from './bundle.js';

const AREAS = ['API', 'Frontend', 'Data', 'Infra', 'Auth', 'CI'];
const PRIORITIES = ['High', 'Medium', 'Low'];

export function seedRegistry(
  rt: Runtime,
  addon: LoadedScript,
  clients: number,
  itemsPerClient: number,
): string[] {
  const headers = sectionOf('debt').columns.map((c) => c.header);
  // Every client first, while the tabs are small: adding a client reads the whole registry, and
  // nothing it writes depends on the debt pasted in afterwards.
  const ids: string[] = [];
  for (let c = 1; c <= clients; c++) {
    const { id } = addon.call('addClient', {
      name: `Client ${String(c).padStart(3, '0')}`,
      hoursPerWeek: 1,
    }) as { id: string };
    ids.push(id);
  }
  ids.forEach((id, i) => {
    const c = i + 1;
    const sheet = rt.spreadsheet.sheetById(Number(id));
    if (!sheet || itemsPerClient === 0) return;
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
  });
  rt.resetCalls();
  return ids;
}

const seeded = new Map<string, () => Loaded & { ids: string[] }>();

/**
 * A registry of the given size as `seedRegistry` makes it under the bundle tests' defaults, seeded
 * once per size on first use and kept on disk for every test process and later runs (until the
 * add-on or the emulator changes), then restored into a fresh runtime (the add-on loaded, no call
 * counted yet) for every call: seeding 50 clients of 300 items costs seconds, a restore a tenth.
 */
export function seededRegistry(
  clients: number,
  itemsPerClient: number,
): Loaded & { ids: string[] } {
  const size = `${clients}x${itemsPerClient}`;
  let restore = seeded.get(size);
  if (!restore) {
    restore = restorable(
      () => {
        const { rt, addon } = loadAddon();
        return { rt, addon, ids: seedRegistry(rt, addon, clients, itemsPerClient) };
      },
      { cacheAs: `seeded-${size}` },
    );
    seeded.set(size, restore);
  }
  return restore();
}

const refreshed = new Map<string, () => Loaded & { ids: string[] }>();

/**
 * The seeded registry as a user meets it, Priorities refreshed once since the client index came:
 * for a test whose first refresh only prepares the registry, its subject being what comes after.
 * Refreshed once per size on first use and kept on disk as `seededRegistry` is: a first refresh
 * of 50 clients of 300 items costs about three times a restore of its result.
 */
export function refreshedRegistry(
  clients: number,
  itemsPerClient: number,
): Loaded & { ids: string[] } {
  const size = `${clients}x${itemsPerClient}`;
  let restore = refreshed.get(size);
  if (!restore) {
    restore = restorable(
      () => {
        const loaded = seededRegistry(clients, itemsPerClient);
        loaded.addon.call('refreshPriorities');
        return loaded;
      },
      { cacheAs: `seeded-${size}-refreshed` },
    );
    refreshed.set(size, restore);
  }
  return restore();
}

/**
 * A radar of 42 technologies: 40 placed by hand in Radar overrides, two by a principle; each
 * client's first debt item's title holds no tag, so only the radar grows.
 */
export function fillRadar(rt: Runtime): void {
  const value = (v: string) => ({ kind: 'value' as const, value: v });
  const rings = ['Adopt', 'Trial', 'Assess', 'Hold'];
  const quadrants = ['Techniques', 'Tools', 'Platforms', 'Languages & Frameworks'];
  rt.spreadsheet.writeBlock(
    tab(rt, 'Radar overrides'),
    2,
    1,
    Array.from({ length: 40 }, (_, i) =>
      [`Technology ${i + 1}`, rings[i % 4]!, quadrants[(i >> 2) % 4]!, `Why ${i + 1}`].map(value),
    ),
  );
  rt.spreadsheet.writeBlock(tab(rt, 'Principles'), 2, 1, [
    [
      'P-1',
      'One database',
      'Platforms',
      'PostgreSQL',
      'MongoDB',
      'Fewer',
      '2026-01-15',
      'Active',
    ].map(value),
  ]);
}
