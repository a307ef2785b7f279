/**
 * An in-memory Apps Script runtime. `createRuntime()` gives a spreadsheet, Drive, mail, triggers,
 * properties and locks; `load(path)` runs an Apps Script file in a `vm` context whose globals are
 * those services, and `call(name, ...args)` invokes one of its global functions the way
 * `google.script.run` would. See README.md beside this file.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';
import {
  DEFAULT_PROJECT,
  Env,
  isDate,
  type ApiStatus,
  type AuthModeName,
  type Deployment,
  type FaultService,
  type Realm,
} from './env.js';
import { Ledger, STARTUP_MS, isSpreadsheetCall } from './ledger.js';
import { EmuLockService, LockTable, lockKey } from './lock.js';
import { EmuPropertiesService, PropertyStoreTable, type PropertyStores } from './properties.js';
import {
  EmuDriveApp,
  EmuHtmlService,
  EmuLogger,
  EmuMailApp,
  EmuSession,
  EmuUtilities,
  type MailState,
  type SentMail,
} from './services.js';
import { EmuSpreadsheetApp, type Drive } from './spreadsheet-app.js';
import {
  EmuScriptApp,
  nextRunAfter,
  triggerDocument,
  triggerProject,
  type TriggerData,
} from './triggers.js';
import { newUiLog, type UiLog } from './ui.js';
import { driveAdvancedService, sheetsAdvancedService } from './advanced-services.js';
import type { DriveBlobFile } from './blob.js';
import { Workbook, snapshotOf, workbookFromSnapshot, type WorkbookSnapshot } from './workbook.js';

export { Workbook, SheetData, snapshotOf } from './workbook.js';
export type { WorkbookSnapshot, SheetSnapshot } from './workbook.js';
export type { Cell, CellFormat, Scalar } from './workbook.js';
export type { SentMail } from './services.js';
export type { TriggerData } from './triggers.js';
export type { UiLog, MenuEntry } from './ui.js';
export { isSpreadsheetCall } from './ledger.js';
export { PROPERTY_VALUE_LIMIT, PROPERTY_STORE_LIMIT } from './properties.js';
export { MAIL_DAILY_QUOTA } from './services.js';
export { TRIGGER_LIMIT } from './triggers.js';
export { DEFAULT_PROJECT } from './env.js';
export type { ApiStatus, ApiErrorDetails, Deployment } from './env.js';
export { CELL_CHARACTER_LIMIT } from './range.js';
export {
  SheetsEditor,
  EditRefused,
  UNDO_DEPTH,
  isInvalid,
  validationMessage,
  type CellAt,
} from './person.js';
export { typedContent } from './typed-input.js';
export { isTicked } from './validation.js';

export interface RuntimeOptions {
  /** The emulated clock's start (default: now). */
  now?: Date | string | number;
  /** The spreadsheet's time zone (default Europe/London). */
  timeZone?: string;
  /** The user running the add-on (default cto@example.com). */
  user?: string;
  /** The OAuth scopes granted; default: read from an appsscript.json beside the loaded file, else all. */
  scopes?: readonly string[];
  /** The add-on's name, which Sheets uses as its menu title. */
  addonTitle?: string;
  /** Name of the bound spreadsheet. */
  spreadsheetName?: string;
  /**
   * `addon` (default): a published editor add-on, with one trigger of each type per user per
   * document and time-driven triggers at most hourly. `bound`: a script bound to the spreadsheet,
   * with only the 20-triggers-per-user limit.
   */
  deployment?: Deployment;
  /**
   * Whether a time-driven trigger's run sees the document that was active when the trigger was
   * created (default true). False: it runs with no document, as users report of some contexts.
   */
  triggerSeesDocument?: boolean;
  /** What File ▸ Make a copy (`copySpreadsheet`) carries of developer metadata (default `document`). */
  copyMetadata?: CopyMetadata;
  /**
   * What `Sheet.getSheetValues(1, 1, -1, -1)` does on a tab with no content, which Google does not
   * document: `throw` (default) as a zero-row range does, or `empty` (no rows).
   */
  emptySheetValues?: 'throw' | 'empty';
  /** A runtime saved with `saveState()`: its files, properties, mail, triggers and clock. */
  state?: RuntimeState;
}

/** Which developer metadata a copy of a spreadsheet keeps: DOCUMENT-visible only, all, or none. */
export type CopyMetadata = 'document' | 'all' | 'none';

/** The first saved form: one document, one user, one script project. Still read. */
export interface RuntimeStateV1 {
  version: 1;
  now: number;
  timeZone: string;
  user: string;
  activeFileId: string;
  files: WorkbookSnapshot[];
  properties: {
    document: [string, string][];
    user: [string, string][];
    script: [string, string][];
  };
  /** Mail of this form has no sender: it was the one user's. */
  outbox: (Omit<SentMail, 'from'> & { from?: string })[];
  sentPerDay: [string, number][];
  triggers: TriggerData[];
  triggerRuns: TriggerRun[];
}

/** Everything a runtime holds, as JSON: what the playground keeps in its file. */
export interface RuntimeStateV2 {
  version: 2;
  now: number;
  timeZone: string;
  user: string;
  activeFileId: string;
  files: WorkbookSnapshot[];
  properties: {
    /** [project, document id, entries] */
    document: [string, string, [string, string][]][];
    /** [project, user, entries] */
    user: [string, string, [string, string][]][];
    /** [project, entries] */
    script: [string, [string, string][]][];
  };
  outbox: SentMail[];
  sentPerDay: [string, number][];
  triggers: TriggerData[];
  triggerRuns: TriggerRun[];
  deployment: Deployment;
  triggerSeesDocument: boolean;
  copyMetadata: CopyMetadata;
  /** Users who must authorise again, with the scopes not yet granted (null: all). */
  reauthorization: [string, string[] | null][];
}

export type RuntimeState = RuntimeStateV1 | RuntimeStateV2;

export interface ExecutionReport {
  function: string;
  calls: Record<string, number>;
  spreadsheetCalls: number;
  /** Estimated Apps Script run time in ms, startup included. */
  estimatedMs: number;
}

export interface TriggerRun {
  handler: string;
  at: string;
  error?: string;
}

export interface CallOptions {
  authMode?: AuthModeName;
  /** Runs this one call as that user (default: the runtime's current user). */
  user?: string;
  /** Runs this one call in that document; null: an execution with no document (default: the active one). */
  documentId?: string | null;
}

export interface LoadOptions {
  /** The script project the file is loaded as (default `emulated-script-id`). */
  project?: string;
}

export interface LoadedScript {
  /** The global function names the file declares. */
  readonly functions: string[];
  /** The script project it was loaded as. */
  readonly project: string;
  call(name: string, ...args: unknown[]): unknown;
  callWith(options: CallOptions, name: string, ...args: unknown[]): unknown;
}

/** Thrown by `call` when the script threw: the message is what `google.script.run`'s failure handler gets. */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly functionName: string,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}

interface Script {
  context: vm.Context;
  realm: Realm;
  json: JSON;
  functions: string[];
  project: string;
}

/** google.script.run passes primitives, arrays and plain objects; Dates and functions are refused. */
function checkTransferable(value: unknown, path: string, what: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'function')
    throw new TypeError(`${what} holds a function at ${path}; google.script.run cannot pass it.`);
  if (t !== 'object') return;
  if (isDate(value))
    throw new TypeError(
      `${what} holds a Date at ${path}; google.script.run cannot pass it (use an ISO date string).`,
    );
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkTransferable(v, `${path}[${i}]`, what));
    return;
  }
  for (const [k, v] of Object.entries(value as object)) checkTransferable(v, `${path}.${k}`, what);
}

/** Upgrades a first-form save: its stores belonged to the default project, its document and user. */
function upgrade(state: RuntimeState): RuntimeStateV2 {
  if (state.version === 2) return state;
  return {
    ...state,
    version: 2,
    properties: {
      document: [[DEFAULT_PROJECT, state.activeFileId, state.properties.document]],
      user: [[DEFAULT_PROJECT, state.user, state.properties.user]],
      script: [[DEFAULT_PROJECT, state.properties.script]],
    },
    outbox: state.outbox.map((m) => ({ ...m, from: m.from ?? state.user })),
    // Its triggers were made in its one document by the one project.
    triggers: state.triggers.map((t) => ({
      ...t,
      documentId: t.documentId ?? state.activeFileId,
      project: t.project ?? DEFAULT_PROJECT,
    })),
    deployment: 'addon',
    triggerSeesDocument: true,
    copyMetadata: 'document',
    reauthorization: [],
  };
}

/** A file's text, read again only when the file has changed since the last read. */
const fileTexts = new Map<string, { stamp: string; text: string }>();

function readText(path: string): string {
  const stat = statSync(path);
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const known = fileTexts.get(path);
  if (known?.stamp === stamp) return known.text;
  const text = readFileSync(path, 'utf8');
  fileTexts.set(path, { stamp, text });
  return text;
}

/**
 * Each file is compiled once for as long as its text stays the same: every runtime runs that one
 * compiled script in a context of its own, as a fresh Apps Script execution would, without
 * parsing the file again.
 */
const compiledFiles = new Map<string, { source: string; script: vm.Script }>();

function compiled(path: string, source: string): vm.Script {
  const known = compiledFiles.get(path);
  if (known?.source === source) return known.script;
  const script = new vm.Script(source, { filename: path });
  compiledFiles.set(path, { source, script });
  return script;
}

const INSTALL_CLOCK = new vm.Script(`(function (now) {
  var RealDate = Date;
  class EmulatedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  globalThis.Date = EmulatedDate;
})`);

const REALM_GLOBALS = new vm.Script('({ Date, Error, JSON })');

const GLOBAL_FUNCTIONS = new vm.Script(
  'Object.getOwnPropertyNames(globalThis).filter(function (k) { try { return typeof globalThis[k] === "function"; } catch (e) { return false; } })',
);

let builtinNames: Set<string> | undefined;

/** The names every fresh context has: what a loaded file declares is the rest. */
function contextBuiltins(): Set<string> {
  builtinNames ??= new Set(
    vm.runInContext('Object.getOwnPropertyNames(globalThis)', vm.createContext({})) as string[],
  );
  return builtinNames;
}

export class Runtime {
  readonly env: Env;
  readonly drive: Drive;
  /** Files the add-on made from blobs (a zip of decision records), by id. */
  readonly driveBlobFiles = new Map<string, DriveBlobFile>();
  readonly ui: UiLog = newUiLog();
  /** Every property store, by (project, document), (project, user) and project. */
  readonly propertyStores = new PropertyStoreTable();
  readonly mail: MailState = { outbox: [], sentPerDay: new Map() };
  readonly triggers: TriggerData[] = [];
  readonly triggerRuns: TriggerRun[] = [];
  readonly locks = new LockTable();
  readonly executions: ExecutionReport[] = [];
  /** Whether a time-driven trigger's run sees the document it was created in (see RuntimeOptions). */
  triggerSeesDocument: boolean;
  /** What `copySpreadsheet` keeps of developer metadata. */
  copyMetadata: CopyMetadata;
  private readonly scripts: Script[] = [];
  private readonly owners: string[] = [];
  private nextExecution = 1;
  private scriptDirectory = process.cwd();
  private readonly addonTitle: string;
  private scopesFromOptions: boolean;
  /** Advanced services the manifest enables; every one when no manifest is read. */
  private advancedServices: Set<string> | null = null;

  constructor(options: RuntimeOptions = {}) {
    const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    const timeZone = options.state?.timeZone ?? options.timeZone ?? 'Europe/London';
    this.env = new Env(now, timeZone, options.user ?? 'cto@example.com', options.scopes ?? null);
    this.scopesFromOptions = options.scopes !== undefined;
    this.addonTitle = options.addonTitle ?? 'CTO Registry';
    const state = options.state ? upgrade(options.state) : undefined;
    this.env.deployment = options.deployment ?? state?.deployment ?? 'addon';
    this.triggerSeesDocument = options.triggerSeesDocument ?? state?.triggerSeesDocument ?? true;
    this.copyMetadata = options.copyMetadata ?? state?.copyMetadata ?? 'document';
    this.env.emptySheetValues = options.emptySheetValues ?? 'throw';
    if (state) {
      this.env.now = options.now === undefined ? state.now : now;
      this.env.user = state.user;
      const files = new Map(
        state.files.map((f) => {
          const wb = workbookFromSnapshot(f);
          wb.now = () => this.env.now;
          return [f.id, wb] as const;
        }),
      );
      const active = files.get(state.activeFileId);
      if (!active) throw new Error('The saved state has no active spreadsheet.');
      this.drive = { files, active };
      const p = state.properties;
      for (const [project, doc, entries] of p.document)
        this.fill(this.propertyStores.documentStore(project, doc), entries);
      for (const [project, user, entries] of p.user)
        this.fill(this.propertyStores.userStore(project, user), entries);
      for (const [project, entries] of p.script)
        this.fill(this.propertyStores.scriptStore(project), entries);
      // Copies, never the saved objects: one saved state restores any number of runtimes.
      this.mail.outbox.push(...state.outbox.map((m) => ({ ...m })));
      for (const [d, n] of state.sentPerDay) this.mail.sentPerDay.set(d, n);
      this.triggers.push(...state.triggers.map((t) => ({ ...t })));
      this.triggerRuns.push(...state.triggerRuns.map((r) => ({ ...r })));
      for (const [user, scopes] of state.reauthorization)
        this.env.reauthorization.set(user, scopes);
    } else {
      const wb = new Workbook(
        Workbook.newId(),
        options.spreadsheetName ?? 'Registry',
        timeZone,
        this.env.user,
      );
      wb.now = () => this.env.now;
      this.drive = { files: new Map([[wb.id, wb]]), active: wb };
    }
    this.env.documentId = this.drive.active.id;
  }

  private fill(store: Map<string, string>, entries: [string, string][]): void {
    for (const [k, v] of entries) store.set(k, v);
  }

  /** The whole runtime as JSON, for `createRuntime({ state })`. */
  saveState(): RuntimeStateV2 {
    const split = (key: string) => key.split('\u0000') as [string, string];
    const stores = this.propertyStores;
    return {
      version: 2,
      now: this.env.now,
      timeZone: this.env.timeZone,
      user: this.env.user,
      activeFileId: this.drive.active.id,
      files: [...this.drive.files.values()].map(snapshotOf),
      properties: {
        document: [...stores.document].map(([k, m]) => [...split(k), [...m]]),
        user: [...stores.user].map(([k, m]) => [...split(k), [...m]]),
        script: [...stores.script].map(([k, m]) => [k, [...m]]),
      },
      outbox: [...this.mail.outbox],
      sentPerDay: [...this.mail.sentPerDay],
      triggers: this.triggers.map((t) => ({ ...t })),
      triggerRuns: [...this.triggerRuns],
      deployment: this.env.deployment,
      triggerSeesDocument: this.triggerSeesDocument,
      copyMetadata: this.copyMetadata,
      reauthorization: [...this.env.reauthorization].map(([u, sc]) => [u, sc ? [...sc] : null]),
    };
  }

  /** The document open in the editor, for assertions: the one `activate` chose. */
  get spreadsheet(): Workbook {
    return this.drive.active;
  }

  /** The user who runs the following calls. */
  get user(): string {
    return this.env.user;
  }

  get deployment(): Deployment {
    return this.env.deployment;
  }

  set deployment(value: Deployment) {
    this.env.deployment = value;
  }

  /**
   * The default project's stores as the active document and current user see them: `document`
   * is the open document's, `user` the current user's.
   */
  get properties(): PropertyStores {
    return {
      document: this.documentProperties(this.drive.active.id),
      user: this.userProperties(this.env.user),
      script: this.scriptProperties(),
    };
  }

  /** Any document's properties in a script project (default: the default project). */
  documentProperties(fileId: string, project = DEFAULT_PROJECT): Map<string, string> {
    return this.propertyStores.documentStore(project, fileId);
  }

  /** Any user's properties in a script project. */
  userProperties(user: string, project = DEFAULT_PROJECT): Map<string, string> {
    return this.propertyStores.userStore(project, user);
  }

  /** A script project's script properties. */
  scriptProperties(project = DEFAULT_PROJECT): Map<string, string> {
    return this.propertyStores.scriptStore(project);
  }

  /** Every service call since the runtime started (or `resetCalls`), by `Class.method`. */
  get calls(): Record<string, number> {
    return this.env.total.counts;
  }

  get outbox(): SentMail[] {
    return this.mail.outbox;
  }

  get now(): Date {
    return new Date(this.env.now);
  }

  get lastExecution(): ExecutionReport | undefined {
    return this.executions[this.executions.length - 1];
  }

  resetCalls(): void {
    for (const k of Object.keys(this.env.total.counts)) delete this.env.total.counts[k];
    this.env.total.estimatedMs = 0;
  }

  // ---- documents, users and Drive ----

  private file(fileId: string): Workbook {
    const wb = this.drive.files.get(fileId);
    if (!wb) throw new Error(`No file ${fileId} in the emulated Drive.`);
    return wb;
  }

  /** Adds another spreadsheet to the emulated Drive, owned by `owner` (default: the current user). */
  createSpreadsheet(name: string, owner: string = this.env.user): Workbook {
    const wb = new Workbook(Workbook.newId(), name, this.drive.active.timeZone, owner);
    wb.now = () => this.env.now;
    this.drive.files.set(wb.id, wb);
    return wb;
  }

  /** Opens `fileId` in the editor: the following calls run in it and `spreadsheet` returns it. */
  activate(fileId: string): Workbook {
    const wb = this.file(fileId);
    this.drive.active = wb;
    if (!this.env.execution) this.env.documentId = wb.id;
    return wb;
  }

  /** Changes who runs the following calls (and whose properties, triggers, Drive and mail they use). */
  setUser(email: string): void {
    this.env.user = email;
  }

  /** Shares a file as a person would from Drive: `editor` or `viewer` (or `commenter`). */
  share(fileId: string, email: string, role: 'editor' | 'viewer' | 'commenter'): void {
    const wb = this.file(fileId);
    if (email === wb.owner) return;
    for (const set of [wb.editors, wb.viewers, wb.commenters]) set.delete(email);
    ({ editor: wb.editors, viewer: wb.viewers, commenter: wb.commenters })[role].add(email);
  }

  /** `user` opens the file with the app (a picker): under drive.file the app may now reach it for them. */
  grantAppAccess(fileId: string, user: string = this.env.user): void {
    this.file(fileId).appAccess.add(user);
  }

  /** Moves a file to the trash: still found by id, marked trashed. */
  trashFile(fileId: string): void {
    this.file(fileId).trashed = true;
  }

  /** Deletes a file for good: it is no longer found at all. */
  deleteFile(fileId: string): void {
    const wb = this.file(fileId);
    if (wb === this.drive.active)
      throw new Error('The document open in the editor cannot be deleted; activate another first.');
    this.drive.files.delete(fileId);
  }

  /**
   * File ▸ Make a copy, by the current user: tabs, values, formulas, formats, notes, validation,
   * named ranges and protections come along; sharing, drive.file grants and document properties
   * (which belong to the original's id) do not. Developer metadata follows `copyMetadata`.
   */
  copySpreadsheet(fileId: string = this.drive.active.id, name?: string): Workbook {
    const source = this.file(fileId);
    const snap = snapshotOf(source);
    const keep = (m: (typeof snap.metadata)[number]) =>
      this.copyMetadata === 'all' ||
      (this.copyMetadata === 'document' && m.visibility === 'DOCUMENT');
    const owner = this.env.user;
    const copy = workbookFromSnapshot({
      ...snap,
      id: Workbook.newId(),
      name: name ?? `Copy of ${source.name}`,
      owner,
      metadata: snap.metadata.filter(keep),
      protections: snap.protections.map((p) => ({ ...p, editors: [owner] })),
      viewers: [],
      editors: [],
      commenters: [],
      trashed: false,
      createdByApp: false,
      appAccess: [],
    });
    copy.now = () => this.env.now;
    this.drive.files.set(copy.id, copy);
    return copy;
  }

  // ---- authorisation ----

  /**
   * `user` (default: the current one) must authorise again, for `scopes` (default: every scope),
   * as when the manifest gained a scope: the status is REQUIRED and a call needing one of those
   * scopes fails with `Authorization is required to perform that action.`
   */
  requireReauthorization(user: string = this.env.user, scopes?: string[]): void {
    this.env.reauthorization.set(user, scopes ? [...scopes] : null);
  }

  /** `user` (default: the current one) authorises the script: nothing is pending any more. */
  authorize(user: string = this.env.user): void {
    this.env.reauthorization.delete(user);
  }

  // ---- faults and concurrency ----

  /** The Apps Script facade over a file, for tests that act as a person editing the sheet. */
  spreadsheetApp(): EmuSpreadsheetApp {
    return this.globals()['SpreadsheetApp'] as EmuSpreadsheetApp;
  }

  /** Another process holds `scope` (`document`, `script`) until `releaseAfterMs` on the emulated clock. */
  holdLock(scope: 'document' | 'script', releaseAfterMs = Infinity): void {
    const key =
      scope === 'document'
        ? lockKey.document(DEFAULT_PROJECT, this.drive.active.id)
        : lockKey.script(DEFAULT_PROJECT);
    this.locks.held.set(key, {
      owner: 'another execution',
      releaseAt: this.env.now + releaseAfterMs,
    });
  }

  /**
   * Makes the `at`-th call (1-based) of `services` in the next execution fail with Apps Script's
   * own error, as a service outage would. The fault is spent once it fires or the execution ends.
   */
  failAt(at: number, services: FaultService = 'spreadsheet'): void {
    this.env.fault = { at, services, seen: 0, documentId: this.drive.active.id };
  }

  /**
   * Makes every read of one tab's values (`getSheetValues`, `Range.getValues`) fail with Apps
   * Script's service error (as `failAt` words it), until `failReadsOf(name, null)`: one tab Sheets
   * will not give, as a tab too large to send in time. Other tabs, and writes to it, still work.
   */
  failReadsOf(
    tabName: string,
    message:
      | string
      | null = `Service Spreadsheets failed while accessing document with id ${this.drive.active.id}.`,
  ): void {
    const sheet = this.drive.active.sheetByName(tabName);
    if (!sheet) throw new Error(`no tab named ${tabName}`);
    if (message === null) this.env.unreadableTabs.delete(sheet);
    else this.env.unreadableTabs.set(sheet, message);
  }

  /**
   * Makes the next `times` calls of an advanced-service method (as the script names it:
   * `Drive.Files.get`, `Sheets.Spreadsheets.Values.batchUpdate`, ...) answer with HTTP `code`,
   * thrown as Apps Script throws it: a GoogleJsonResponseException whose `details` carry the
   * code and message.
   */
  failApi(method: string, code: ApiStatus, times = 1): void {
    if (times <= 0) this.env.apiFaults.delete(method);
    else this.env.apiFaults.set(method, { code, times });
  }

  /**
   * Runs `work` (typically another script's `call`) as a second execution, right after the next
   * `method` call (`Class.method`) of whichever execution makes it. Locks held by the first stay
   * held, so the second sees exactly what a concurrent Apps Script execution would.
   */
  interleave(method: string, work: () => void): void {
    this.env.interleavings.push({ method, run: work });
  }

  /** Runs `work` as a second execution right after the `at`-th service call (1-based) from now. */
  interleaveAtCall(at: number, work: () => void): void {
    this.env.countedInterleaving = { at, seen: 0, run: work };
  }

  private globals(): Record<string, unknown> {
    const env = this.env;
    const logger = new EmuLogger(env);
    const log = (...a: unknown[]): void => {
      env.logs.push(a.map(String).join(' '));
    };
    return {
      SpreadsheetApp: new EmuSpreadsheetApp(env, this.drive, this.ui, this.addonTitle),
      PropertiesService: new EmuPropertiesService(env, this.propertyStores),
      LockService: new EmuLockService(
        env,
        this.locks,
        () => this.owners[this.owners.length - 1] ?? 'outside',
      ),
      ScriptApp: new EmuScriptApp(env, this.triggers),
      MailApp: new EmuMailApp(env, this.mail),
      DriveApp: new EmuDriveApp(env, this.drive.files, this.driveBlobFiles),
      HtmlService: new EmuHtmlService(env, () => this.scriptDirectory),
      Session: new EmuSession(env, () => env.user),
      Utilities: new EmuUtilities(env),
      Logger: logger,
      console: { log, info: log, warn: log, error: log },
      ...(this.advancedServices === null || this.advancedServices.has('Sheets')
        ? { Sheets: sheetsAdvancedService(env, this.drive) }
        : {}),
      ...(this.advancedServices === null || this.advancedServices.has('Drive')
        ? { Drive: driveAdvancedService(env, this.drive, this.driveBlobFiles) }
        : {}),
    };
  }

  /**
   * Runs an Apps Script file in its own `vm` context, as the given script project (a bound
   * script and the published add-on are different projects); every loaded file shares this
   * runtime's services.
   */
  load(path: string, options: LoadOptions = {}): LoadedScript {
    const project = options.project ?? DEFAULT_PROJECT;
    const full = resolve(path);
    this.scriptDirectory = dirname(full);
    if (!this.scopesFromOptions) {
      try {
        const manifest = JSON.parse(readText(resolve(this.scriptDirectory, 'appsscript.json'))) as {
          oauthScopes?: string[];
          dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] };
        };
        this.advancedServices = new Set(
          (manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol),
        );
        if (manifest.oauthScopes) this.env.scopes = manifest.oauthScopes;
      } catch {
        // No manifest beside the file: every scope is granted.
      }
    }
    const source = readText(full);
    const context = vm.createContext(this.globals(), { name: full });
    // The script's clock is the emulated one: `new Date()` and `Date.now()` read it.
    const installClock = INSTALL_CLOCK.runInContext(context) as (now: () => number) => void;
    installClock(() => this.env.now);
    const {
      Date: RealmDate,
      Error: RealmError,
      JSON: json,
    } = REALM_GLOBALS.runInContext(context) as Realm & {
      JSON: JSON;
    };
    const realm: Realm = { Date: RealmDate, Error: RealmError };
    const previous = { realm: this.env.realm, project: this.env.project };
    this.env.realm = realm;
    this.env.project = project;
    try {
      compiled(full, source).runInContext(context);
    } finally {
      this.env.realm = previous.realm;
      this.env.project = previous.project;
    }
    const names = GLOBAL_FUNCTIONS.runInContext(context) as string[];
    const builtins = contextBuiltins();
    const script: Script = {
      context,
      realm,
      json,
      functions: names.filter((n) => !builtins.has(n)),
      project,
    };
    this.scripts.push(script);
    return {
      functions: [...script.functions],
      project,
      call: (name, ...args) => this.execute(script, {}, name, args),
      callWith: (options, name, ...args) => this.execute(script, options, name, args),
    };
  }

  /** A person can run the add-on in a document they own or may edit; the editor opens nothing else. */
  private checkCanOpen(user: string, documentId: string | null): void {
    if (documentId === null) return;
    const wb = this.drive.files.get(documentId);
    if (!wb) throw new Error(`No file ${documentId} in the emulated Drive.`);
    if (!wb.canEdit(user))
      throw new Error(
        `${user} cannot run the add-on in "${wb.name}": only its owner and editors can (rt.share it first).`,
      );
  }

  private execute(
    script: Script,
    options: CallOptions,
    name: string,
    args: unknown[],
    trigger: Env['trigger'] = null,
  ): unknown {
    checkTransferable(args, 'arguments', `The call to ${name}`);
    const fn = (script.context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      throw new ScriptError(`Script function not found: ${name}`, name);
    }
    const user = options.user ?? this.env.user;
    const documentId = options.documentId === undefined ? this.drive.active.id : options.documentId;
    if (!trigger) this.checkCanOpen(user, documentId);
    const owner = `execution-${this.nextExecution++}`;
    const saved = {
      realm: this.env.realm,
      execution: this.env.execution,
      authMode: this.env.authMode,
      user: this.env.user,
      documentId: this.env.documentId,
      project: this.env.project,
      trigger: this.env.trigger,
    };
    const ledger = new Ledger();
    this.env.realm = script.realm;
    this.env.execution = ledger;
    this.env.authMode = options.authMode ?? 'FULL';
    this.env.user = user;
    this.env.documentId = documentId;
    this.env.project = script.project;
    this.env.trigger = trigger;
    this.owners.push(owner);
    const input = script.json.parse(JSON.stringify(args)) as unknown[];
    try {
      const result = (fn as (...a: unknown[]) => unknown)(...input);
      checkTransferable(result, 'result', `The value returned by ${name}`);
      return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
    } catch (e) {
      if (e instanceof TypeError && e.message.includes('google.script.run')) throw e;
      const message =
        e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
      const error = new ScriptError(message, name);
      if (e && typeof e === 'object' && 'stack' in e)
        error.stack = `${error.name}: ${message}\n  in the script: ${String((e as Error).stack)}`;
      throw error;
    } finally {
      this.owners.pop();
      this.locks.releaseAllOf(owner);
      this.executions.push({
        function: name,
        calls: { ...ledger.counts },
        spreadsheetCalls: Object.entries(ledger.counts)
          .filter(([m]) => isSpreadsheetCall(m))
          .reduce((n, [, c]) => n + c, 0),
        estimatedMs: STARTUP_MS + ledger.estimatedMs,
      });
      this.env.realm = saved.realm;
      this.env.execution = saved.execution;
      this.env.authMode = saved.authMode;
      this.env.user = saved.user;
      this.env.documentId = saved.execution ? saved.documentId : this.drive.active.id;
      this.env.project = saved.project;
      this.env.trigger = saved.trigger;
      if (!saved.execution) this.env.fault = null;
    }
  }

  /** Why a trigger cannot run at all, or null when it can. */
  private triggerBlocked(due: TriggerData, documentId: string | null): string | null {
    const wb = documentId === null ? undefined : this.drive.files.get(documentId);
    if (documentId !== null && (!wb || !wb.canEdit(due.owner)))
      return 'You do not have permission to access the requested document.';
    // A bound script's trigger does not start while its owner must authorise again; an add-on's
    // runs until it reaches a call that needs what was not granted.
    if (this.env.deployment === 'bound' && this.env.reauthorization.has(due.owner))
      return 'Authorization is required to perform that action.';
    return null;
  }

  /**
   * Moves the emulated clock forward, firing each time-driven trigger that falls due, in order.
   * Each runs as its owner, in its script project, in the document it was created in (or in no
   * document when `triggerSeesDocument` is false).
   */
  advanceClockTo(date: Date | string | number): TriggerRun[] {
    const target = new Date(date).getTime();
    if (target < this.env.now) throw new RangeError('The emulated clock only moves forward.');
    const fired: TriggerRun[] = [];
    for (;;) {
      const due = this.triggers
        .filter((t) => t.eventType === 'CLOCK' && t.nextRun !== undefined && t.nextRun <= target)
        .sort((a, b) => (a.nextRun ?? 0) - (b.nextRun ?? 0))[0];
      if (!due || due.nextRun === undefined) break;
      this.env.now = due.nextRun;
      const next = due.schedule ? nextRunAfter(due.schedule, due.nextRun) : undefined;
      if (next === undefined) {
        delete due.nextRun;
        if (due.schedule?.type === 'once') this.triggers.splice(this.triggers.indexOf(due), 1);
      } else due.nextRun = next;
      const project = triggerProject(due);
      const script = [...this.scripts]
        .reverse()
        .find((s) => s.project === project && s.functions.includes(due.handler));
      const documentId = this.triggerSeesDocument ? triggerDocument(due) : null;
      const run: TriggerRun = { handler: due.handler, at: new Date(this.env.now).toISOString() };
      const blocked = this.triggerBlocked(due, documentId);
      if (!script) run.error = `Script function not found: ${due.handler}`;
      else if (blocked) run.error = blocked;
      else {
        const w = new Date(this.env.now);
        const event = {
          authMode: 'FULL',
          triggerUid: due.id,
          year: w.getUTCFullYear(),
          month: w.getUTCMonth() + 1,
          'day-of-month': w.getUTCDate(),
          'day-of-week': w.getUTCDay() === 0 ? 7 : w.getUTCDay(),
          hour: w.getUTCHours(),
          minute: w.getUTCMinutes(),
          second: w.getUTCSeconds(),
          timezone: 'UTC',
        };
        try {
          this.execute(
            script,
            { authMode: 'FULL', user: due.owner, documentId },
            due.handler,
            [event],
            'CLOCK',
          );
        } catch (e) {
          run.error = e instanceof Error ? e.message : String(e);
        }
      }
      fired.push(run);
      this.triggerRuns.push(run);
    }
    this.env.now = target;
    return fired;
  }
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  return new Runtime(options);
}
