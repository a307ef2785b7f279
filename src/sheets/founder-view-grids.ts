/**
 * A client's founder view from the registry as read for a refresh: its tab read again for the
 * founders, this time with its formulas (one `getFormulas` per shared client), through the
 * allow-list; then the grids drawn from it. What was withheld joins the registry's problems.
 */
import { InputError } from '../domain/input-error.js';
import { readFounderRecord, type FounderRecord, type Withheld } from '../domain/founder-record.js';
import { sharedRegistryGrid, sharedWeekGrid, type SharedGrid } from '../domain/founder-view.js';
import type { Problem } from '../domain/section-items.js';
import type { WeeklyPlan } from '../domain/weekly-plan.js';
import { isoDates } from './grid-dates.js';
import type { RegistrySnapshot } from './rollup-refresh.js';

/** A withheld part as the CTO reads it in a run's status or a sidebar message. */
export function withheldLine(w: Withheld): string {
  return `${w.where}: ${w.reason}`;
}

function withheldProblems(tabName: string, view: FounderRecord): Problem[] {
  return view.withheld.map((w) => ({
    tab: tabName,
    cell: w.cell,
    reason: `Not shared with the founders: ${withheldLine(w)}.`,
  }));
}

/**
 * The client's tab read for its founders, once per snapshot; its withheld parts are added to the
 * snapshot's problems, so Problems says what the founders do not see and why.
 */
export function founderRecordOf(snap: RegistrySnapshot, clientId: string): FounderRecord | null {
  const known = snap.founder.get(clientId);
  if (known) return known;
  const tab = snap.read.clients.find((c) => c.id === clientId);
  if (!tab) return null;
  const grid = isoDates(tab.grid, snap.timeZone);
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  const formulas =
    grid.length && width ? tab.sheet.getRange(1, 1, grid.length, width).getFormulas() : [];
  const view = readFounderRecord({
    grid,
    formulas,
    thresholds: { impact: snap.settings.impactThreshold, effort: snap.settings.effortThreshold },
  });
  snap.founder.set(clientId, view);
  snap.rollup.problems.push(...withheldProblems(tab.name, view));
  return view;
}

export function sharedGrids(
  snap: RegistrySnapshot,
  clientId: string,
  plan: WeeklyPlan,
): { registry: SharedGrid; week: SharedGrid; name: string; withheld: string[] } | null {
  const view = founderRecordOf(snap, clientId);
  const record = snap.clients.find((c) => c.id === clientId);
  if (!view || !record) return null;
  if (view.name === null) {
    const why = view.withheld.find((w) => w.where.startsWith('Profile, Client'));
    throw new InputError(
      `${record.name}'s founder view is not written: its name cannot be shared (${
        why ? withheldLine(why) : 'no name is typed beside Client'
      }). Type the client's name beside Client.`,
    );
  }
  return {
    registry: sharedRegistryGrid(view.name, view),
    week: sharedWeekGrid(
      view.name,
      view,
      plan.clients.find((c) => c.clientId === clientId),
      plan.weekStart,
    ),
    name: view.name,
    withheld: view.withheld.map(withheldLine),
  };
}
