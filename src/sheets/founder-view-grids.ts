/** The grids of a client's shared view, from the registry as read for a refresh. */
import { locateClientTab } from '../domain/client-tab-layout.js';
import type { FieldValue } from '../domain/item-schemas.js';
import { PROFILE } from '../domain/registry-layout.js';
import { sharedRegistryGrid, sharedWeekGrid, type SharedGrid } from '../domain/founder-view.js';
import type { WeeklyPlan } from '../domain/weekly-plan.js';
import { isoDates } from './grid-dates.js';
import type { RegistrySnapshot } from './rollup-refresh.js';
import { str } from '../domain/client-record.js';

export function sharedGrids(
  snap: RegistrySnapshot,
  clientId: string,
  plan: WeeklyPlan,
  timeZone: string,
): { registry: SharedGrid; week: SharedGrid; name: string } | null {
  const tab = snap.read.clients.find((c) => c.id === clientId);
  const record = snap.clients.find((c) => c.id === clientId);
  if (!tab || !record) return null;
  const layout = locateClientTab(isoDates(tab.grid, timeZone));
  const profile: Record<string, FieldValue> = {};
  for (const p of PROFILE) {
    const v = layout.profile.get(p.label)?.value;
    profile[p.key] = typeof v === 'number' || typeof v === 'string' ? v : str(v);
  }
  return {
    registry: sharedRegistryGrid(record, profile),
    week: sharedWeekGrid(
      record,
      plan.clients.find((c) => c.clientId === clientId),
      plan.weekStart,
    ),
    name: record.name,
  };
}
