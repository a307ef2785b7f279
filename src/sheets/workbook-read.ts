/**
 * Reading the whole registry in one call per tab: `getSheets`, then each tab's values. Registry
 * tabs are told apart by what they hold (a generated tab's title, a user tab's header), with
 * developer metadata as the fallback; clients by the one rule of `discoverClients`. A client's
 * id is its tab's id: the client index's marks on Priorities say, live, which client each known
 * tab holds, so only a tab they do not vouch for is asked its id.
 */
import type { ClientTabLayout } from '../domain/client-tab-layout.js';
import { clientKey, discoverClients } from '../domain/discover-clients.js';
import { PRINCIPLE_HEADERS } from '../domain/principles.js';
import { DEPENDENCY_HEADERS } from '../domain/dependencies.js';
import type { Problem } from '../domain/section-items.js';
import { longTextProblem, shortenLongText } from '../domain/long-text.js';
import { SETTINGS_HEADER } from '../domain/settings.js';
import { RADAR_OVERRIDE_HEADERS } from '../domain/radar-overrides.js';
import { RADAR_HEADER } from '../domain/radar-tab.js';
import { GENERATED_ROLES, USER_ROLES, findRoleTabs, type RegistryRole } from './tab-roles.js';
import { GENERATED_TITLES } from './tab-roles.js';
import { readWholeTab } from './sheet-rows.js';
import { INDEX_COLUMN, MARK_OFFSET, readMark } from './client-marks.js';

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
  /** What the rule for finding clients reported: copies, profiles without a name; text cut. */
  problems: Problem[];
  /** Tabs skipped this time (not readable, or a client that could not be read), with why. */
  skipped: { id: string; name: string; error: string }[];
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
  if (headerMatches(grid, RADAR_HEADER)) return 'radar';
  if (headerMatches(grid, RADAR_OVERRIDE_HEADERS)) return 'radarOverrides';
  return undefined;
}

/**
 * Which client id each name belongs to, from the marks the last refresh (or add) wrote on
 * Priorities. A name two marks claim is trusted for neither.
 */
function markedIds(priorities: unknown[][] | undefined): Map<string, string> {
  const byName = new Map<string, string | null>();
  for (const row of priorities ?? []) {
    const mark = readMark(row[INDEX_COLUMN - 1 + MARK_OFFSET]);
    if (!mark) continue;
    const key = clientKey(mark.name);
    byName.set(key, byName.has(key) && byName.get(key) !== mark.id ? null : mark.id);
  }
  const out = new Map<string, string>();
  for (const [name, id] of byName) if (id) out.set(name, id);
  return out;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Each tab read on its own. A tab Sheets will not give (a read that times out on a huge tab) is
 * skipped and named, unless it is one of the registry's own tabs: without those nothing can be
 * written safely, so that failure stops the run.
 */
function readEachTab(
  ss: Spreadsheet,
  sheets: Sheet[],
): { grids: (unknown[][] | null)[]; unread: WorkbookRead['skipped'] } {
  const failed = new Map<Sheet, unknown>();
  const grids = sheets.map((sheet) => {
    try {
      return readWholeTab(sheet);
    } catch (e) {
      failed.set(sheet, e);
      return null;
    }
  });
  if (failed.size === 0) return { grids, unread: [] };
  const registryTabs = new Set(
    findRoleTabs(ss)
      .filter((t) => t.role !== 'client')
      .map((t) => String(t.sheet.getSheetId())),
  );
  const unread: WorkbookRead['skipped'] = [];
  for (const [sheet, e] of failed) {
    const id = String(sheet.getSheetId());
    if (registryTabs.has(id)) throw e;
    unread.push({ id, name: sheet.getName(), error: messageOf(e) });
  }
  return { grids, unread };
}

function unreadProblem(tab: { name: string; error: string }): Problem {
  return {
    tab: tab.name,
    cell: '',
    reason: `This tab could not be read (${tab.error}): it was skipped this time, and every other client was read. Try again; a tab that keeps failing may be too large for one read.`,
  };
}

export function readWorkbook(ss: Spreadsheet): WorkbookRead {
  const sheets = ss.getSheets();
  const { grids, unread } = readEachTab(ss, sheets);
  const problems: Problem[] = unread.map(unreadProblem);
  const roles: Partial<Record<RegistryRole, ReadTab>> = {};
  const candidates: { sheet: Sheet; grid: unknown[][]; position: number }[] = [];
  sheets.forEach((sheet, i) => {
    const read = grids[i];
    if (!read) return;
    const role = roleOf(read);
    if (role === 'principles' || role === 'dependencies' || role === 'radarOverrides' || !role) {
      // A person's tab: its long text is cut before anything is built from it.
      const short = shortenLongText(read);
      if (short.cut.length) {
        const name = sheet.getName();
        problems.push(...short.cut.map((cut) => longTextProblem(name, cut)));
      }
      if (role) {
        if (!roles[role]) roles[role] = { sheet, grid: short.grid };
      } else candidates.push({ sheet, grid: short.grid, position: i + 1 });
    } else if (!roles[role]) roles[role] = { sheet, grid: read };
  });
  const marked = markedIds(roles.priorities?.grid);
  const found = discoverClients(
    candidates.map(({ sheet, grid }) => ({
      grid,
      markedId: (name: string) => marked.get(clientKey(name)) ?? null,
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
  const missing = [...GENERATED_ROLES, ...USER_ROLES].filter((r) => !roles[r]);
  if (missing.length) {
    for (const t of findRoleTabs(ss)) {
      if (t.role !== 'client' && !roles[t.role])
        roles[t.role] = { sheet: t.sheet, grid: readWholeTab(t.sheet) };
    }
  }
  return { clients, roles, copies, problems: [...problems, ...found.problems], skipped: unread };
}
