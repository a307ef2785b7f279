/**
 * Setting the registry up, adding a client, and reading clients for the sidebar. Which tabs are
 * clients is decided by `discoverClients` alone, whichever of these asks.
 */
import { locateClientTab, type ClientTabLayout } from '../domain/client-tab-layout.js';
import { checkNewClientName } from '../domain/client-name.js';
import { clientOfTab } from '../domain/discover-clients.js';
import { clientInputSchema, type ClientInput, type ClientSummary } from '../domain/client.js';
import { summarizeClient } from '../domain/client-summary.js';
import { clientViewSchema } from '../domain/add-item.js';
import { readClientItems } from '../domain/client-read.js';
import { InputError } from '../domain/input-error.js';
import type { SectionKind } from '../domain/registry-layout.js';
import type { Problem, RegistryItem } from '../domain/section-items.js';
import { parseInput } from '../domain/validation.js';
import { withDocumentLock } from '../services/document-lock.js';
import { registryUrl, spreadsheetTimeZone } from '../services/time-zone.js';
import { noteNewClient } from '../sheets/client-marks.js';
import { clientIdOf, clientTabById, createClientTab } from '../sheets/client-tab.js';
import { isoDates } from '../sheets/grid-dates.js';
import { findRegistryTabs } from '../sheets/registry-tabs.js';
import {
  ensureSettingsNames,
  setupRegistryTabs,
  type SetupResult,
} from '../sheets/registry-setup.js';
import { readRegistry } from '../sheets/rollup-refresh.js';
import { readWholeTab } from '../sheets/sheet-rows.js';
import { readWorkbook } from '../sheets/workbook-read.js';
import { ADDON_TITLE, activeSpreadsheet } from './active-spreadsheet.js';
import { noteClientAdded, readClientIndex, rememberPrioritiesTab } from './sidebar-client-index.js';
import { openSidebar, type SidebarOpen } from './sidebar-open.js';

/** Creates the registry's tabs; running it again changes nothing. */
export function setUp(): SetupResult {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const result = setupRegistryTabs(ss);
    ensureSettingsNames(ss);
    // The address goes in the weekly mail; known from the start, the weekly run need not ask.
    registryUrl(ss);
    const said = [
      ...(result.created.length ? [`Created ${result.created.join(', ')}.`] : []),
      ...(result.sized.length ? [`Gave ${result.sized.join(', ')} its columns.`] : []),
    ];
    ss.toast(said.join(' ') || 'The registry is already set up; nothing changed.', ADDON_TITLE);
    return result;
  });
}

/** The client added, and what the sidebar shows next. */
export interface AddedClient extends SidebarOpen {
  id: string;
  name: string;
}

/**
 * Adds a client: a new tab with its profile and every section, ready for items. Returns what the
 * sidebar shows next (the client list and the new client), so adding needs no second call. With
 * the client index (the usual case) it reads no client tab and makes no named range: 20
 * Spreadsheet calls whatever the registry's size (ADR 32).
 */
export function addNewClient(input: ClientInput): AddedClient {
  const profile = parseInput(clientInputSchema, input, 'Client');
  const added = withDocumentLock((): { id: string; open: SidebarOpen | null } => {
    const ss = activeSpreadsheet();
    // The client index answers "is this name taken" in one read; without it, every tab is read,
    // and missing registry tabs and Settings names are made (with it, the registry was refreshed
    // since it was set up; a refresh makes what is missing again).
    const index = readClientIndex(ss);
    if (!index) {
      setupRegistryTabs(ss, findRegistryTabs(ss));
      ensureSettingsNames(ss);
    }
    registryUrl(ss);
    const workbook = index ? null : readWorkbook(ss);
    checkNewClientName(
      profile.name,
      index ? index.entries.map((c) => c.name) : (workbook?.clients ?? []).map((c) => c.name),
    );
    const { sheet, grid } = createClientTab(ss, profile, () => {
      const sameName = ss.getSheetByName(profile.name);
      // An empty tab of that name is what an attempt that failed half-way left: it is reused.
      if (sameName && sameName.getLastRow() > 0) {
        throw new InputError(
          `A tab named ${profile.name} already exists. Choose another client name.`,
          'name',
        );
      }
      return sameName;
    });
    const id = clientIdOf(sheet);
    const layout = locateClientTab(grid);
    const priorities = index ?? workbook?.roles.priorities;
    if (priorities) {
      noteNewClient(priorities, id, profile.name, profileRows(layout));
      if (!index) rememberPrioritiesTab(priorities.sheet);
    }
    noteClientAdded();
    if (!index) return { id, open: null };
    const { items, problems } = readClientItems(layout, profile.name);
    const entry = { id, name: profile.name, status: profile.status };
    const clients = [...index.entries, entry].sort((a, b) => a.name.localeCompare(b.name));
    const client = summarizeClient(id, profile.name, layout);
    return { id, open: { clients, problems: [], current: { client, items, problems } } };
  });
  // Without the index the sidebar's usual open follows, which reads what it needs.
  const open = added.open ?? openSidebar({ clientId: added.id });
  return { id: added.id, name: profile.name, ...open };
}

/** The rows of the Client and Status cells the client index's mark reads. */
function profileRows(layout: ClientTabLayout): { name: number; status: number } {
  return {
    name: layout.profile.get('Client')?.row ?? 1,
    status: layout.profile.get('Status')?.row ?? 3,
  };
}

export interface Registry {
  clients: ClientSummary[];
  problems: Problem[];
  timeZone: string;
}

/** Every client, found by the one rule, with what could not be read. */
export function listClients(): Registry {
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  const { read, problems } = readRegistry(ss, timeZone);
  if (read.roles.priorities) rememberPrioritiesTab(read.roles.priorities.sheet);
  const clients = read.clients.map((c) =>
    summarizeClient(c.id, c.sheet.getName(), locateClientTab(isoDates(c.grid, timeZone))),
  );
  clients.sort((a, b) => a.name.localeCompare(b.name));
  return { clients, problems, timeZone };
}

export interface ClientDetail {
  client: ClientSummary;
  items: Record<SectionKind, RegistryItem[]>;
  problems: Problem[];
}

/**
 * One client with every item, for the sidebar's client view; with `showTab`, its tab is opened
 * too, so the grid shows the client the sidebar does (one call more).
 */
export function clientDetail(input: { clientId: string; showTab?: boolean }): ClientDetail {
  const { clientId, showTab } = parseInput(clientViewSchema, input, 'Client');
  const ss = activeSpreadsheet();
  return clientDetailIn(ss, spreadsheetTimeZone(ss), clientId, showTab ?? false);
}

/** The same, in a spreadsheet and time zone the caller already has (the sidebar's open). */
export function clientDetailIn(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
  clientId: string,
  showTab = false,
): ClientDetail {
  const sheet = clientTabById(ss, clientId);
  const tabName = sheet.getName();
  const found = clientOfTab({
    grid: isoDates(readWholeTab(sheet), timeZone),
    markedId: () => clientId,
    id: () => clientId,
    tabName: () => tabName,
  });
  if (!found.client)
    throw new InputError('That tab no longer holds a client. Reload the client list.', 'clientId');
  const { items, problems } = readClientItems(found.client.layout, found.client.name);
  if (showTab) sheet.activate();
  return {
    client: summarizeClient(clientId, tabName, found.client.layout),
    items,
    problems: [...found.problems, ...problems],
  };
}
