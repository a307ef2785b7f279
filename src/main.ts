/**
 * The entry module: everything Apps Script calls by name, one or two lines each. The build turns
 * each export into a top-level function of `dist/Code.js`; the sidebar's client is typed from this
 * module. The workflows live in `src/app/`, one module per use case.
 */
import './domain/validation.js';
import type {
  AddItemInput,
  AddItemResult,
  UpdateItemInput,
  UpdateItemResult,
} from './domain/add-item.js';
import type { ClientInput } from './domain/client.js';
import type { RelatedDecision } from './domain/related-decisions.js';
import type { RefreshResult } from './sheets/rollup-refresh.js';
import type { SetupResult } from './sheets/registry-setup.js';
import type { TriggerStatus } from './services/weekly-trigger.js';
import { buildMenu, showRecordsDialog, showSidebarPanel } from './app/add-on-ui.js';
import {
  addNewClient,
  clientDetail,
  listClients,
  setUp,
  type AddedClient,
  type ClientDetail,
  type Registry,
} from './app/clients.js';
import type { DecisionSignals, SignalSources } from './domain/decision-signals.js';
import {
  addNewItem,
  changeItem,
  decisionsRelatedTo,
  signalSourcesFor,
  signalsFor,
} from './app/items.js';
import { refresh } from './app/refresh-priorities.js';
import { clientOnScreen, openSidebar, type SidebarOpen } from './app/sidebar-open.js';
import { sidebarRadar, type RadarView } from './app/sidebar-radar.js';
import {
  shareView,
  sharingList,
  stopSharingView,
  syncViews,
  type ShareInput,
  type ShareResult,
  type SharingEntry,
  type SyncResult,
} from './app/sharing.js';
import { generateNow, runWeeklyFromTrigger, type PlanResult } from './app/weekly-run.js';
import { closeWeekNow, markDebtReviewedNow, type CloseResult } from './app/close-week.js';
import {
  turnOff,
  turnOn,
  weeklyStatus,
  type WeeklyStatus,
  type WeeklyTriggerInput,
} from './app/weekly-plan-switch.js';
import * as records from './app/decision-records.js';
import type * as recordInput from './domain/decision-records-input.js';

export type { ClientDetail, CloseResult, DecisionSignals, PlanResult, Registry, ShareInput };
export type { ShareResult, SharingEntry, SidebarOpen, SignalSources, SyncResult, WeeklyStatus };
export type { WeeklyTriggerInput };
export type { ExportResult, ImportPreview, ImportResult } from './app/decision-records.js';

/** Builds the add-on menu. Runs in AuthMode.NONE too, so it touches nothing but the menu. */
export const onOpen = (_e?: GoogleAppsScript.Events.SheetsOnOpen): void => buildMenu();

export const onInstall = (_e?: GoogleAppsScript.Events.AddonOnInstall): void => buildMenu();
export const showSidebar = (): void => showSidebarPanel();

/** Import and export of decision records; from the sidebar, for the client it shows. */
export const showDecisionRecords = (input?: { clientId?: string }): void =>
  showRecordsDialog(input);

export const setupRegistry = (): SetupResult => setUp();

export const addClient = (input: ClientInput): AddedClient => addNewClient(input);

export const addItem = (input: AddItemInput): AddItemResult => addNewItem(input);

export const updateItem = (input: UpdateItemInput): UpdateItemResult => changeItem(input);

export const getRegistry = (): Registry => listClients();

export const getSidebar = (input?: { clientId?: string }): SidebarOpen => openSidebar(input);
export const getRadar = (): RadarView => sidebarRadar();
export const getTabOnScreen = (): string | null => clientOnScreen();

export const getClient = (input: { clientId: string; showTab?: boolean }): ClientDetail =>
  clientDetail(input);

export const relatedDecisions = (input: {
  tags: string | string[];
  excludeClientId?: string;
}): RelatedDecision[] => decisionsRelatedTo(input);

export const decisionSignals = (input: {
  tags: string | string[];
  excludeClientId?: string;
  exception?: string;
}): DecisionSignals => signalsFor(input);

/** A decision form's one call for its signals (ADR 22): the form computes them as tags are typed. */
export const decisionSignalSources = (input: { excludeClientId?: string }): SignalSources =>
  signalSourcesFor(input);

export const refreshPriorities = (): RefreshResult => refresh();

export const generateWeeklyPlan = (): PlanResult => generateNow();

/** The sidebar's Mail it again: this week's plan, mailed even though this week's mail went. */
export const mailWeeklyPlanAgain = (): PlanResult => generateNow('again');

/** Closes the week on the Weekly Plan tab (once), then plans the new week if one has begun. */
export const closeWeek = (): CloseResult => closeWeekNow();

export const markDebtReviewed = (input: {
  clientId: string;
}): ReturnType<typeof markDebtReviewedNow> => markDebtReviewedNow(input);

/** The weekly trigger's handler; it never throws, since nobody is there to see it. */
export function runWeeklyPlan(e?: GoogleAppsScript.Events.TimeDriven): void {
  runWeeklyFromTrigger(e?.triggerUid);
}

export const installWeeklyTrigger = (input?: WeeklyTriggerInput): TriggerStatus => turnOn(input);

export const removeWeeklyTrigger = (): TriggerStatus => turnOff();
export const getWeeklyTrigger = (): WeeklyStatus => weeklyStatus();

export const shareClientView = (input: ShareInput): ShareResult => shareView(input);

export const syncSharedViews = (): SyncResult => syncViews();
export const stopSharing = (input: { clientId: string }): { clientId: string; removed: string[] } =>
  stopSharingView(input);

export const getSharing = (): SharingEntry[] => sharingList();

/** A client's decisions (or every client's) as one zip of MADR or adr-tools records in Drive. */
export const exportDecisions = (input: recordInput.ExportDecisionsInput): records.ExportResult =>
  records.exportDecisionRecords(input);

/** What importing these record files at a client would add, flag and skip; writes nothing. */
export const previewImport = (input: recordInput.ImportFilesInput): records.ImportPreview =>
  records.previewDecisionImport(input);

export const importDecisions = (input: recordInput.ImportDecisionsInput): records.ImportResult =>
  records.importDecisionRecords(input);
