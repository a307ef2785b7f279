/**
 * The entry module: everything Apps Script calls by name. The build turns each export into a
 * top-level function of `dist/Code.js`; the sidebar's client is typed from this module. Each
 * function is thin: validate at the edge, then wire the sheets, services and domain together.
 */
import {
  addItemSchema,
  FIELD_SCHEMAS,
  type AddItemInput,
  type AddItemResult,
} from './domain/add-item.js';
import { clientInputSchema, type ClientInput, type ClientSummary } from './domain/client.js';
import { summarizeClient } from './domain/client-summary.js';
import { InputError } from './domain/input-error.js';
import { nextId } from './domain/item-ids.js';
import { sectionOf } from './domain/registry-layout.js';
import { parseInput } from './domain/validation.js';
import { cellUnder } from './domain/client-tab-layout.js';
import {
  createClientTab,
  isLastSection,
  placeNewRow,
  readClientTab,
  writeSectionRow,
} from './sheets/client-tab.js';
import { clientIdOf, clientTabById, listClientTabs } from './sheets/client-tabs.js';
import { debtRowValues } from './sheets/debt-row.js';
import {
  ensureSettingsNames,
  setupRegistryTabs,
  type SetupResult,
} from './sheets/registry-setup.js';
import { withDocumentLock } from './services/document-lock.js';
import { issuedCount, recordIssued } from './services/id-counters.js';
import { registryTimeZone, rememberTimeZone, todayIn } from './services/time-zone.js';

const ADDON_TITLE = 'CTO Registry';

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it touches nothing but the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open registry', 'showSidebar')
    .addItem('Set up registry', 'setupRegistry')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Creates the registry's tabs; running it again changes nothing. */
export function setupRegistry(): SetupResult {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const result = setupRegistryTabs(ss);
    ensureSettingsNames(ss);
    rememberTimeZone(ss);
    ss.toast(
      result.created.length
        ? `Created ${result.created.join(', ')}.`
        : 'The registry is already set up; nothing changed.',
      ADDON_TITLE,
    );
    return result;
  });
}

/** Adds a client: a new tab with its profile and every section, ready for items. */
export function addClient(input: ClientInput): { id: string; name: string } {
  const profile = parseInput(clientInputSchema, input, 'Client');
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    setupRegistryTabs(ss);
    ensureSettingsNames(ss);
    const wanted = profile.name.toLowerCase();
    for (const sheet of listClientTabs(ss)) {
      const existing = String(sheet.getRange(1, 2).getValue()).trim();
      if (existing.toLowerCase() === wanted) {
        throw new InputError(
          `A client named ${existing} already exists. Choose another name.`,
          'name',
        );
      }
    }
    if (ss.getSheetByName(profile.name)) {
      throw new InputError(
        `A tab named ${profile.name} already exists. Choose another client name.`,
        'name',
      );
    }
    const sheet = createClientTab(ss, profile);
    return { id: clientIdOf(sheet), name: profile.name };
  });
}

/** Appends one item to a client's section with the client's next ID for that kind. */
export function addItem(input: AddItemInput): AddItemResult {
  const request = parseInput(addItemSchema, input, 'Item');
  if (request.kind !== 'debt') {
    throw new InputError(
      `Adding ${request.kind} items is not available in this version; add it on the client's tab.`,
      'kind',
    );
  }
  const item = parseInput(FIELD_SCHEMAS.debt, request.fields, 'Technical debt item');
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = clientTabById(ss, request.clientId);
    const { layout } = readClientTab(sheet);
    const spec = sectionOf('debt');
    const section = layout.sections.get('debt');
    if (!section) {
      throw new InputError(
        `The "${spec.title}" section was not found on this client's tab: its title row or header row was changed. Restore the title "${spec.title}" above the header row.`,
      );
    }
    const prefix = spec.idPrefix ?? 'D';
    const ids = section.rows.map((r) => cellUnder(section, r.cells, 'ID'));
    const id = nextId(prefix, ids, issuedCount(request.clientId, prefix));
    const added = item.added || todayIn(registryTimeZone(ss));
    const row = placeNewRow(sheet, section, isLastSection(layout, 'debt'));
    writeSectionRow(sheet, section, row, debtRowValues({ ...item, added }, id, row, section));
    recordIssued(request.clientId, prefix, id);
    const clientName = String(layout.profile.get('Client')?.value ?? '') || sheet.getName();
    return { id, clientId: request.clientId, clientName, kind: 'debt', row };
  });
}

export interface Registry {
  clients: ClientSummary[];
  timeZone: string;
}

/** The registry as the sidebar shows it: every client tab, found by metadata, whatever its name. */
export function getRegistry(): Registry {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = rememberTimeZone(ss);
  const clients = listClientTabs(ss).map((sheet) => {
    const { layout } = readClientTab(sheet);
    return summarizeClient(clientIdOf(sheet), sheet.getName(), layout);
  });
  clients.sort((a, b) => a.name.localeCompare(b.name));
  return { clients, timeZone };
}
