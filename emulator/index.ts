/**
 * An in-memory Apps Script runtime. `createRuntime()` gives a spreadsheet, Drive, mail, triggers,
 * properties and locks; `load(path)` runs an Apps Script file in a `vm` context whose globals are
 * those services, and `call(name, ...args)` invokes one of its global functions the way
 * `google.script.run` would. See README.md beside this file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';
import { Env, isDate, type AuthModeName, type FaultService, type Realm } from './env.js';
import { Ledger, STARTUP_MS, isSpreadsheetCall } from './ledger.js';
import { EmuLockService, LockTable } from './lock.js';
import { EmuPropertiesService, type PropertyStores } from './properties.js';
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
import { EmuScriptApp, nextRunAfter, type TriggerData } from './triggers.js';
import { newUiLog, type UiLog } from './ui.js';
import { driveAdvancedService, sheetsAdvancedService } from './advanced-services.js';
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
export { CELL_CHARACTER_LIMIT } from './range.js';

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
  /** A runtime saved with `saveState()`: its files, properties, mail, triggers and clock. */
  state?: RuntimeState;
}

/** Everything a runtime holds, as JSON: what the playground keeps in its file. */
export interface RuntimeState {
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
  outbox: SentMail[];
  sentPerDay: [string, number][];
  triggers: TriggerData[];
  triggerRuns: TriggerRun[];
}

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
}

export interface LoadedScript {
  /** The global function names the file declares. */
  readonly functions: string[];
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

export class Runtime {
  readonly env: Env;
  readonly drive: Drive;
  readonly ui: UiLog = newUiLog();
  readonly properties: PropertyStores = { document: new Map(), user: new Map(), script: new Map() };
  readonly mail: MailState = { outbox: [], sentPerDay: new Map() };
  readonly triggers: TriggerData[] = [];
  readonly triggerRuns: TriggerRun[] = [];
  readonly locks = new LockTable();
  readonly executions: ExecutionReport[] = [];
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
    const state = options.state;
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
      for (const key of ['document', 'user', 'script'] as const) {
        for (const [k, v] of state.properties[key]) this.properties[key].set(k, v);
      }
      this.mail.outbox.push(...state.outbox);
      for (const [d, n] of state.sentPerDay) this.mail.sentPerDay.set(d, n);
      this.triggers.push(...state.triggers);
      this.triggerRuns.push(...state.triggerRuns);
      return;
    }
    const wb = new Workbook(
      Workbook.newId(),
      options.spreadsheetName ?? 'Registry',
      timeZone,
      this.env.user,
    );
    wb.now = () => this.env.now;
    this.drive = { files: new Map([[wb.id, wb]]), active: wb };
  }

  /** The whole runtime as JSON, for `createRuntime({ state })`. */
  saveState(): RuntimeState {
    return {
      version: 1,
      now: this.env.now,
      timeZone: this.env.timeZone,
      user: this.env.user,
      activeFileId: this.drive.active.id,
      files: [...this.drive.files.values()].map(snapshotOf),
      properties: {
        document: [...this.properties.document],
        user: [...this.properties.user],
        script: [...this.properties.script],
      },
      outbox: [...this.mail.outbox],
      sentPerDay: [...this.mail.sentPerDay],
      triggers: this.triggers.map((t) => ({ ...t })),
      triggerRuns: [...this.triggerRuns],
    };
  }

  /** The bound spreadsheet's data, for assertions. */
  get spreadsheet(): Workbook {
    return this.drive.active;
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

  /** The Apps Script facade over a file, for tests that act as a person editing the sheet. */
  spreadsheetApp(): EmuSpreadsheetApp {
    return this.globals()['SpreadsheetApp'] as EmuSpreadsheetApp;
  }

  /** Another process holds `scope` (`document`, `script`) until `releaseAfterMs` on the emulated clock. */
  holdLock(scope: 'document' | 'script', releaseAfterMs = Infinity): void {
    const key = scope === 'document' ? `document:${this.drive.active.id}` : 'script';
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
      PropertiesService: new EmuPropertiesService(env, this.properties),
      LockService: new EmuLockService(
        env,
        this.locks,
        () => this.owners[this.owners.length - 1] ?? 'outside',
        () => this.drive.active.id,
      ),
      ScriptApp: new EmuScriptApp(env, this.triggers, 'emulated-script-id'),
      MailApp: new EmuMailApp(env, this.mail),
      DriveApp: new EmuDriveApp(env, this.drive.files),
      HtmlService: new EmuHtmlService(env, () => this.scriptDirectory),
      Session: new EmuSession(env, () => env.user),
      Utilities: new EmuUtilities(env),
      Logger: logger,
      console: { log, info: log, warn: log, error: log },
      ...(this.advancedServices === null || this.advancedServices.has('Sheets')
        ? { Sheets: sheetsAdvancedService(env, this.drive) }
        : {}),
      ...(this.advancedServices === null || this.advancedServices.has('Drive')
        ? { Drive: driveAdvancedService(env, this.drive) }
        : {}),
    };
  }

  /** Runs an Apps Script file in its own `vm` context; every loaded file shares this runtime's services. */
  load(path: string): LoadedScript {
    const full = resolve(path);
    this.scriptDirectory = dirname(full);
    if (!this.scopesFromOptions) {
      try {
        const manifest = JSON.parse(
          readFileSync(resolve(this.scriptDirectory, 'appsscript.json'), 'utf8'),
        ) as {
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
    const source = readFileSync(full, 'utf8');
    const context = vm.createContext(this.globals(), { name: full });
    // The script's clock is the emulated one: `new Date()` and `Date.now()` read it.
    const installClock = vm.runInContext(
      `(function (now) {
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
      })`,
      context,
    ) as (now: () => number) => void;
    installClock(() => this.env.now);
    const {
      Date: RealmDate,
      Error: RealmError,
      JSON: json,
    } = vm.runInContext('({ Date, Error, JSON })', context) as Realm & {
      JSON: JSON;
    };
    const realm: Realm = { Date: RealmDate, Error: RealmError };
    const previous = this.env.realm;
    this.env.realm = realm;
    try {
      vm.runInContext(source, context, { filename: full });
    } finally {
      this.env.realm = previous;
    }
    const names = vm.runInContext(
      'Object.getOwnPropertyNames(globalThis).filter(function (k) { try { return typeof globalThis[k] === "function"; } catch (e) { return false; } })',
      context,
    ) as string[];
    const builtins = new Set(
      vm.runInContext('Object.getOwnPropertyNames(globalThis)', vm.createContext({})) as string[],
    );
    const script: Script = {
      context,
      realm,
      json,
      functions: names.filter((n) => !builtins.has(n)),
    };
    this.scripts.push(script);
    return {
      functions: [...script.functions],
      call: (name, ...args) => this.execute(script, {}, name, args),
      callWith: (options, name, ...args) => this.execute(script, options, name, args),
    };
  }

  private execute(script: Script, options: CallOptions, name: string, args: unknown[]): unknown {
    checkTransferable(args, 'arguments', `The call to ${name}`);
    const fn = (script.context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') {
      throw new ScriptError(`Script function not found: ${name}`, name);
    }
    const owner = `execution-${this.nextExecution++}`;
    const saved = {
      realm: this.env.realm,
      execution: this.env.execution,
      authMode: this.env.authMode,
    };
    const ledger = new Ledger();
    this.env.realm = script.realm;
    this.env.execution = ledger;
    this.env.authMode = options.authMode ?? 'FULL';
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
      if (!saved.execution) this.env.fault = null;
    }
  }

  /** Moves the emulated clock forward, firing each time-driven trigger that falls due, in order. */
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
      const script = [...this.scripts].reverse().find((s) => s.functions.includes(due.handler));
      const run: TriggerRun = { handler: due.handler, at: new Date(this.env.now).toISOString() };
      if (!script) run.error = `Script function not found: ${due.handler}`;
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
          this.execute(script, { authMode: 'FULL' }, due.handler, [event]);
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
