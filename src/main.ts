/**
 * The entry module: everything Apps Script calls by name. The build turns each export into a
 * top-level function of `dist/Code.js`; the sidebar's client is typed from this module. Each
 * function is thin: validate at the edge, then wire the sheets, services and domain together.
 */
import './domain/validation.js';
import {
  addItemSchema,
  clientRefSchema,
  relatedDecisionsSchema,
  updateItemSchema,
  type AddItemInput,
  type AddItemResult,
  type UpdateItemInput,
  type UpdateItemResult,
} from './domain/add-item.js';
import { clientInputSchema, type ClientInput, type ClientSummary } from './domain/client.js';
import { summarizeClient } from './domain/client-summary.js';
import { InputError } from './domain/input-error.js';
import { addSchema, updateSchema, type ItemFields } from './domain/item-schemas.js';
import { sectionOf, type SectionKind } from './domain/registry-layout.js';
import {
  relatedDecisions as findRelated,
  type RelatedDecision,
} from './domain/related-decisions.js';
import type { Problem, RegistryItem } from './domain/section-items.js';
import { parseInput } from './domain/validation.js';
import { appendItem, updateItemRow } from './sheets/client-items.js';
import { createClientTab, readClientTab } from './sheets/client-tab.js';
import { createClientRanges } from './sheets/client-ranges.js';
import {
  refreshRollup,
  readRegistry,
  snapshotRegistry,
  type RefreshResult,
} from './sheets/rollup-refresh.js';
import { rememberClientId } from './sheets/workbook-read.js';
import {
  conflictMessage,
  conflictsOf,
  readPrinciples,
  type Principle,
} from './domain/principles.js';
import { tagsBase } from './domain/fields.js';
import { splitTags } from './domain/item-states.js';
import { buildWeeklyPlan } from './domain/weekly-plan.js';
import { readSettings } from './domain/settings.js';
import { weeklyTriggerSchema } from './domain/weekly-trigger-input.js';
import { findRegistryTabs } from './sheets/registry-tabs.js';
import { readShares } from './services/shared-views.js';
import { SHARE_ROLES, type ShareRole } from './domain/shared-view.js';
import { shareInputSchema, emailsSchema } from './domain/share-input.js';
import {
  shareOne,
  stopSharingClient,
  syncAll,
  type ShareResult,
  type SyncResult,
} from './app/sharing.js';
import {
  LAST_RUN_KEY,
  runWeeklyFromTrigger,
  withShares,
  writeWeeklyPlan,
  type LastRun,
  type PlanResult,
  type RunProgress,
} from './app/weekly-run.js';
import {
  installTrigger,
  removeTrigger,
  status,
  type TriggerStatus,
  type Weekday,
} from './services/weekly-trigger.js';
import { clientIdOf, clientTabById } from './sheets/client-tabs.js';
import { readAllClients, readClient } from './sheets/registry-read.js';
import type { ClientRecord } from './domain/client-record.js';
import {
  ensureSettingsNames,
  setupRegistryTabs,
  type SetupResult,
} from './sheets/registry-setup.js';
import { withDocumentLock } from './services/document-lock.js';
import { issuedCount, recordIssued } from './services/id-counters.js';
import { lazyToday, registryUrl, spreadsheetTimeZone, todayIn } from './services/time-zone.js';

export type { PlanResult, ShareResult, SyncResult };

const ADDON_TITLE = 'CTO Registry';

/** The spreadsheet the add-on is open in; Apps Script gives none outside a document. */
function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss)
    throw new InputError(
      'CTO Registry works inside its spreadsheet: open the registry and try again from its menu.',
    );
  return ss;
}

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it touches nothing but the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open registry', 'showSidebar')
    .addItem('Refresh priorities', 'refreshPriorities')
    .addItem('Generate weekly plan', 'generateWeeklyPlan')
    .addItem('Sync shared views', 'syncSharedViews')
    .addSeparator()
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
    const ss = activeSpreadsheet();
    const result = setupRegistryTabs(ss);
    ensureSettingsNames(ss);
    // The address goes in the weekly mail; known from the start, the weekly run need not ask.
    registryUrl(ss);
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
    const ss = activeSpreadsheet();
    // One metadata search serves both the setup check and the list of client tabs.
    const roleTabs = findRegistryTabs(ss);
    setupRegistryTabs(ss, roleTabs);
    ensureSettingsNames(ss);
    // The address goes in the weekly mail; known from the start, the weekly run need not ask.
    registryUrl(ss);
    const wanted = profile.name.toLowerCase();
    for (const { sheet } of roleTabs.filter((t) => t.role === 'client')) {
      const [label, name] = sheet.getRange(1, 1, 1, 2).getValues()[0] ?? [];
      const existing = String(name ?? '').trim();
      if (label === 'Client' && existing.toLowerCase() === wanted) {
        throw new InputError(
          `A client named ${existing} already exists. Choose another name.`,
          'name',
        );
      }
    }
    const sameName = ss.getSheetByName(profile.name);
    // An empty tab of that name is what an attempt that failed half-way left: it is reused.
    if (sameName && sameName.getLastRow() > 0) {
      throw new InputError(
        `A tab named ${profile.name} already exists. Choose another client name.`,
        'name',
      );
    }
    const sheet = createClientTab(ss, profile, sameName);
    const id = clientIdOf(sheet);
    const { grid, layout } = readClientTab(sheet);
    createClientRanges(ss, sheet, id, layout, grid);
    rememberClientId(profile.name, id);
    return { id, name: profile.name };
  });
}

/** Appends one item to a client's section, with the client's next ID for that kind. */
export function addItem(input: AddItemInput): AddItemResult {
  const request = parseInput(addItemSchema, input, 'Item');
  const kind = request.kind as SectionKind;
  const fields = parseInput(addSchema(kind), request.fields, sectionOf(kind).noun) as ItemFields;
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const sheet = clientTabById(ss, request.clientId);
    const today = lazyToday(ss);
    const added = appendItem(
      sheet,
      kind,
      fields,
      (prefix) => issuedCount(request.clientId, prefix),
      today,
    );
    const prefix = sectionOf(kind).idPrefix;
    if (prefix) recordIssued(request.clientId, prefix, added.id);
    return {
      id: added.id,
      clientId: request.clientId,
      clientName: added.clientName,
      kind,
      row: added.row,
    };
  });
}

/** Changes the given fields of an existing item; fields left out keep their values. */
export function updateItem(input: UpdateItemInput): UpdateItemResult {
  const request = parseInput(updateItemSchema, input, 'Change');
  const kind = request.kind as SectionKind;
  const changes = parseInput(
    updateSchema(kind),
    request.fields,
    sectionOf(kind).noun,
  ) as ItemFields;
  const given = Object.fromEntries(
    Object.entries(changes).filter(([, v]) => v !== undefined),
  ) as ItemFields;
  if (Object.keys(given).length === 0)
    throw new InputError('Nothing to change: give at least one field.');
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const sheet = clientTabById(ss, request.clientId);
    const today = lazyToday(ss);
    const updated = updateItemRow(sheet, kind, request.id, given, today, () =>
      spreadsheetTimeZone(ss),
    );
    return {
      id: request.id,
      clientId: request.clientId,
      clientName: updated.clientName,
      kind,
      row: updated.row,
      changed: updated.changed,
    };
  });
}

export interface Registry {
  clients: ClientSummary[];
  problems: Problem[];
  timeZone: string;
}

/** The registry as the sidebar shows it: every client tab, found by metadata, whatever its name. */
export function getRegistry(): Registry {
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  const reads = readAllClients(ss, timeZone);
  const clients = reads.map((r) => summarizeClient(r.id, r.tabName, r.layout));
  clients.sort((a, b) => a.name.localeCompare(b.name));
  return { clients, problems: reads.flatMap((r) => r.problems), timeZone };
}

export interface ClientDetail {
  client: ClientSummary;
  items: Record<SectionKind, RegistryItem[]>;
  problems: Problem[];
}

/** One client with every item, for the sidebar's client view. */
export function getClient(input: { clientId: string }): ClientDetail {
  const { clientId } = parseInput(clientRefSchema, input, 'Client');
  const ss = activeSpreadsheet();
  const read = readClient(clientTabById(ss, clientId), spreadsheetTimeZone(ss));
  return {
    client: summarizeClient(read.id, read.tabName, read.layout),
    items: read.items,
    problems: read.problems,
  };
}

/** Decisions at other clients sharing a tag with `tags`, newest first. */
export function relatedDecisions(input: {
  tags: string | string[];
  excludeClientId?: string;
}): RelatedDecision[] {
  const request = parseInput(relatedDecisionsSchema, input, 'Related decisions');
  const tags = Array.isArray(request.tags) ? request.tags : splitTags(request.tags);
  const ss = activeSpreadsheet();
  const { clients } = readRegistry(ss, spreadsheetTimeZone(ss));
  return findRelated(decisionsOf(clients), tags, request.excludeClientId);
}

function decisionsOf(clients: readonly ClientRecord[]) {
  return clients.map((c) => ({ clientId: c.id, clientName: c.name, decisions: c.items.decision }));
}

/** Rewrites the Priorities and Overview tabs from every client tab; never writes a client tab. */
export function refreshPriorities(): RefreshResult {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const timeZone = spreadsheetTimeZone(ss);
    const today = todayIn(timeZone);
    const snap = withShares(snapshotRegistry(ss, timeZone, today));
    const result = refreshRollup(
      ss,
      snap,
      Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm'),
      {
        checkRanges: true,
      },
    );
    return result;
  });
}

export interface DecisionSignals {
  related: RelatedDecision[];
  conflicts: { principleId: string; principle: string; matched: string[]; message: string }[];
}

/** What the sidebar shows beside a decision being written: related decisions and principle conflicts. */
export function decisionSignals(input: {
  tags: string | string[];
  excludeClientId?: string;
  exception?: string;
}): DecisionSignals {
  const request = parseInput(relatedDecisionsSchema, input, 'Decision signals');
  const tags = parseInput(tagsBase('Tags'), request.tags, 'Tags');
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  // A read: no rollup is computed and nothing is repaired, as no lock is held.
  const { read, clients } = readRegistry(ss, timeZone);
  const principles: Principle[] = readPrinciples(read.roles.principles?.grid ?? []);
  const exception = typeof input.exception === 'string' ? input.exception : '';
  const conflicts = conflictsOf(
    { fields: { status: 'Proposed', tags, exception } },
    principles,
  ).map(({ principle, matched }) => ({
    principleId: principle.id,
    principle: principle.principle,
    matched,
    message: conflictMessage(principle),
  }));
  const related = findRelated(decisionsOf(clients), tags, request.excludeClientId);
  return { related, conflicts };
}

/** Generates this week's plan now (menu and sidebar). */
export function generateWeeklyPlan(): PlanResult {
  const ss = activeSpreadsheet();
  const progress: RunProgress = { planWritten: false, generatedAt: '' };
  const result = withDocumentLock(() => writeWeeklyPlan(ss, progress));
  ss.toast(
    result.partial
      ? `Weekly plan for the week of ${result.weekStart} written; ${result.partial}`
      : `Weekly plan for the week of ${result.weekStart} written and mailed to ${result.mailedTo}.`,
    ADDON_TITLE,
  );
  return result;
}

/** The weekly trigger's handler; it never throws, since nobody is there to see it. */
export function runWeeklyPlan(e?: GoogleAppsScript.Events.TimeDriven): void {
  runWeeklyFromTrigger(e?.triggerUid);
}

export interface WeeklyTriggerInput {
  weekday?: Weekday;
  hour?: number;
}

/** Installs the weekly trigger for this document (replacing this user's if there is one). */
export function installWeeklyTrigger(input?: WeeklyTriggerInput): TriggerStatus {
  const ss = activeSpreadsheet();
  const settingsTab = findRegistryTabs(ss).find((t) => t.role === 'settings');
  const settings = readSettings(settingsTab ? settingsTab.sheet.getDataRange().getValues() : []);
  const request = parseInput(
    weeklyTriggerSchema,
    { weekday: input?.weekday ?? settings.planWeekday, hour: input?.hour ?? settings.planHour },
    'Weekly trigger',
  );
  return withDocumentLock(() =>
    installTrigger(ss, request.weekday, request.hour, spreadsheetTimeZone(ss)),
  );
}

export function removeWeeklyTrigger(): TriggerStatus {
  const ss = activeSpreadsheet();
  return withDocumentLock(() => removeTrigger(ss, spreadsheetTimeZone(ss)));
}

export interface WeeklyStatus extends TriggerStatus {
  lastRun: LastRun | null;
}

export function getWeeklyTrigger(): WeeklyStatus {
  const ss = activeSpreadsheet();
  const last = PropertiesService.getDocumentProperties().getProperty(LAST_RUN_KEY);
  return {
    ...status(spreadsheetTimeZone(ss)),
    lastRun: last ? (JSON.parse(last) as LastRun) : null,
  };
}

export interface ShareInput {
  clientId: string;
  emails?: string | string[];
  role?: string;
}

/**
 * Shares a client's own view with its founders: a separate spreadsheet holding that client's
 * registry without anything private and this week's client-safe plan. Running it again updates
 * the same file and grants nothing twice.
 */
export function shareClientView(input: ShareInput): ShareResult {
  const request = parseInput(shareInputSchema, input, 'Share');
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const timeZone = spreadsheetTimeZone(ss);
    const today = todayIn(timeZone);
    const snap = withShares(snapshotRegistry(ss, timeZone, today));
    const client = snap.clients.find((c) => c.id === request.clientId);
    if (!client)
      throw new InputError(
        'That client is no longer in the registry. Reload the client list.',
        'clientId',
      );
    if (client.status === 'Ended')
      throw new InputError(
        `${client.name} has ended: its view is not shared any more.`,
        'clientId',
      );
    const role = (request.role || snap.settings.sharingRole) as string;
    if (!(SHARE_ROLES as readonly string[]).includes(role)) {
      throw new InputError(
        `Role must be viewer or commenter; founders never get edit access to their view (found "${role}").`,
        'role',
      );
    }
    const tab = snap.read.clients.find((c) => c.id === request.clientId);
    const founders = String(tab?.layout.profile.get('Founder emails')?.value ?? '');
    const emails = parseInput(emailsSchema, request.emails ?? founders, 'Emails');
    if (emails.length === 0)
      throw new InputError(
        `No one to share with: give emails, or fill ${client.name}'s Founder emails.`,
        'emails',
      );
    const plan = buildWeeklyPlan(snap.clients, snap.rollup, snap.settings, today);
    const result = shareOne(snap, plan, timeZone, request.clientId, emails, role as ShareRole);
    snap.shared.set(request.clientId, result.url);
    refreshRollup(ss, snap, Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm'), {
      checkRanges: false,
    });
    return result;
  });
}

/**
 * Rewrites every shared view from the registry; a deleted shared file is made again and reported,
 * and a client whose view fails is reported without stopping the others.
 */
export function syncSharedViews(): SyncResult {
  return withDocumentLock(() => {
    const ss = activeSpreadsheet();
    const timeZone = spreadsheetTimeZone(ss);
    const today = todayIn(timeZone);
    const snap = snapshotRegistry(ss, timeZone, today);
    const plan = buildWeeklyPlan(snap.clients, snap.rollup, snap.settings, today);
    return syncAll(snap, plan, timeZone);
  });
}

/** Takes away the access the add-on granted, on every file ever shared for the client. */
export function stopSharing(input: { clientId: string }): { clientId: string; removed: string[] } {
  const { clientId } = parseInput(clientRefSchema, input, 'Client');
  return withDocumentLock(() => stopSharingClient(clientId));
}

export interface SharingEntry {
  clientId: string;
  clientName: string;
  url: string;
  emails: string[];
  role: ShareRole;
  active: boolean;
}

/** Who has access to which client's view, for the sidebar. */
export function getSharing(): SharingEntry[] {
  return [...readShares().values()].map((r) => ({
    clientId: r.clientId,
    clientName: r.clientName,
    url: r.url,
    emails: r.emails,
    role: r.role,
    active: r.active,
  }));
}
