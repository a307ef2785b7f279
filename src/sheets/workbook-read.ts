/**
 * Reading the whole registry in one call per tab: `getSheets`, then each tab's values. Registry
 * tabs are told apart by what they hold (a generated tab's title, a user tab's header), with
 * developer metadata as the fallback; clients by the one rule of `discoverClients`. A client's
 * id is its tab's id: the Priorities tab's range checks say, live, which tab holds each known
 * client's named ranges, so only a tab they do not vouch for is asked its id.
 */
import type { ClientTabLayout } from '../domain/client-tab-layout.js';
import { clientKey, discoverClients } from '../domain/discover-clients.js';
import { PRINCIPLE_HEADERS } from '../domain/principles.js';
import { DEPENDENCY_HEADERS } from '../domain/dependencies.js';
import type { Problem } from '../domain/section-items.js';
import { SETTINGS_HEADER } from '../domain/settings.js';
import { findRoleTabs, type RegistryRole } from './tab-roles.js';
import { GENERATED_TITLES } from './tab-roles.js';
import { readWholeTab } from './sheet-rows.js';
import { CHECKS_COLUMN, readMark } from './client-named-ranges.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReadTab {
  sheet: Sheet;
  grid: unknown[][];
}

export interface ClientTab extends ReadTab {
  id: string;
  name: string;
  layout: ClientTabLayout;
}

export interface WorkbookRead {
  clients: ClientTab[];
  roles: Partial<Record<RegistryRole, ReadTab>>;
  /** Tabs that look like a client tab already seen: copies, reported and ignored. */
  copies: { sheet: Sheet; name: string }[];
  /** What the rule for finding clients reported: copies, profiles without a name. */
  problems: Problem[];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function headerMatches(grid: unknown[][], headers: readonly string[]): boolean {
  const first = (grid[0] ?? []).map(text);
  return headers.every((h, i) => first[i] === h);
}

function roleOf(grid: unknown[][]): RegistryRole | undefined {
  const a1 = text(grid[0]?.[0]);
  for (const [role, title] of Object.entries(GENERATED_TITLES))
    if (a1 === title) return role as RegistryRole;
  if (headerMatches(grid, PRINCIPLE_HEADERS)) return 'principles';
  if (headerMatches(grid, DEPENDENCY_HEADERS)) return 'dependencies';
  if (headerMatches(grid, SETTINGS_HEADER)) return 'settings';
  return undefined;
}

/**
 * Which client id each name belongs to, from the marks the last refresh (or add) wrote on
 * Priorities. A name two marks claim is trusted for neither.
 */
function markedIds(priorities: unknown[][] | undefined): Map<string, string> {
  const byName = new Map<string, string | null>();
  for (const row of priorities ?? []) {
    const mark = readMark(row[CHECKS_COLUMN + 2]);
    if (!mark) continue;
    const key = clientKey(mark.name);
    byName.set(key, byName.has(key) && byName.get(key) !== mark.id ? null : mark.id);
  }
  const out = new Map<string, string>();
  for (const [name, id] of byName) if (id) out.set(name, id);
  return out;
}

export function readWorkbook(ss: Spreadsheet): WorkbookRead {
  const sheets = ss.getSheets();
  const grids = sheets.map((sheet) => readWholeTab(sheet));
  const roles: Partial<Record<RegistryRole, ReadTab>> = {};
  const candidates: { sheet: Sheet; grid: unknown[][]; position: number }[] = [];
  sheets.forEach((sheet, i) => {
    const grid = grids[i] ?? [];
    const role = roleOf(grid);
    if (role) {
      if (!roles[role]) roles[role] = { sheet, grid };
    } else candidates.push({ sheet, grid, position: i + 1 });
  });
  const marked = markedIds(roles.priorities?.grid);
  const found = discoverClients(
    candidates.map(({ sheet, grid }) => ({
      grid,
      rangesOf: (name: string) => marked.get(clientKey(name)) ?? null,
      id: () => String(sheet.getSheetId()),
      tabName: () => sheet.getName(),
    })),
  );
  const sheetAt = (position: number): Sheet => (candidates[position] as { sheet: Sheet }).sheet;
  const gridAt = (position: number): unknown[][] =>
    (candidates[position] as { grid: unknown[][] }).grid;
  const clients: ClientTab[] = found.clients.map((c) => ({
    sheet: sheetAt(c.position),
    grid: gridAt(c.position),
    id: c.id,
    name: c.name,
    layout: c.layout,
  }));
  const copies = found.copies.map((c) => ({ sheet: sheetAt(c.position), name: c.name }));
  const missing = (
    [
      'overview',
      'priorities',
      'weeklyPlan',
      'planHistory',
      'principles',
      'dependencies',
      'settings',
    ] as const
  ).filter((r) => !roles[r]);
  if (missing.length) {
    for (const t of findRoleTabs(ss)) {
      if (t.role !== 'client' && !roles[t.role])
        roles[t.role] = { sheet: t.sheet, grid: readWholeTab(t.sheet) };
    }
  }
  return { clients, roles, copies, problems: found.problems };
}
