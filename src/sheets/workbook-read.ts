/**
 * Reading the whole registry in one call per tab: `getSheets`, then each tab's values. Tabs are
 * told apart by what they hold (a client tab's profile and sections, a generated tab's title);
 * a client's id comes from an index kept in document properties, checked against the sheet only
 * for a client the index does not know. Developer metadata remains the authority: a registry
 * tab not recognised here is looked up by its metadata.
 */
import { locateClientTab, type ClientTabLayout } from '../domain/client-tab-layout.js';
import { PRINCIPLE_HEADERS } from '../domain/principles.js';
import { DEPENDENCY_HEADERS } from '../domain/dependencies.js';
import { SETTINGS_HEADER } from '../domain/settings.js';
import { findRoleTabs, type RegistryRole } from './tab-roles.js';
import { GENERATED_TITLES } from './tab-roles.js';
import { readWholeTab } from './sheet-rows.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One property per client (`clientId.<name>`): an index in one value would pass 9 KB near 300 clients. */
const INDEX_PREFIX = 'clientId.';

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

export function readWorkbook(ss: Spreadsheet): WorkbookRead {
  const props = PropertiesService.getDocumentProperties();
  const index: Record<string, string> = {};
  for (const [k, v] of Object.entries(props.getProperties()))
    if (k.startsWith(INDEX_PREFIX)) index[k.slice(INDEX_PREFIX.length)] = v;
  const learned: Record<string, string> = {};
  const clients: ClientTab[] = [];
  const copies: { sheet: Sheet; name: string }[] = [];
  const roles: Partial<Record<RegistryRole, ReadTab>> = {};
  for (const sheet of ss.getSheets()) {
    const grid = readWholeTab(sheet);
    const role = roleOf(grid);
    if (role) {
      if (!roles[role]) roles[role] = { sheet, grid };
      continue;
    }
    const layout = locateClientTab(grid);
    const name = String(layout.profile.get('Client')?.value ?? '').trim();
    if (!name || layout.sections.size === 0) continue;
    const key = name.toLowerCase();
    const earlier = clients.findIndex((c) => c.name.toLowerCase() === key);
    if (earlier >= 0) {
      // Two tabs hold the same client (a copy): the one the index knows is the client.
      const first = clients[earlier] as ClientTab;
      const firstId = String(first.sheet.getSheetId());
      const thisId = String(sheet.getSheetId());
      if (index[key] === thisId && firstId !== thisId) {
        copies.push({ sheet: first.sheet, name });
        clients[earlier] = { sheet, grid, id: thisId, name, layout };
      } else copies.push({ sheet, name });
      continue;
    }
    let id = index[key];
    if (!id) {
      id = String(sheet.getSheetId());
      index[key] = id;
      learned[INDEX_PREFIX + key] = id;
    }
    clients.push({ sheet, grid, id, name, layout });
  }
  if (Object.keys(learned).length) props.setProperties(learned);
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
  return { clients, roles, copies };
}

/** Keeps the index in step when a client is added or renamed through the add-on. */
export function rememberClientId(name: string, id: string): void {
  PropertiesService.getDocumentProperties().setProperty(INDEX_PREFIX + name.toLowerCase(), id);
}
