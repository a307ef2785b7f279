/**
 * What every emulated service shares within one runtime: the clock, the user, the manifest's
 * scopes, the call ledger, and the realm of the script's `vm` context (values the script receives
 * must be that realm's own Dates and Errors, or `instanceof` in the script would fail).
 */
import { EXECUTION_LIMIT_MS, Ledger, STARTUP_MS } from './ledger.js';

export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** How the script is deployed: a published editor add-on, or a script bound to one spreadsheet. */
export type Deployment = 'addon' | 'bound';

/** The script project a file is loaded as when `load` is given none. */
export const DEFAULT_PROJECT = 'emulated-script-id';

/** The HTTP statuses `Runtime.failApi` can make an advanced-service call answer with. */
export type ApiStatus = 403 | 404 | 429 | 500;

/** What Apps Script throws when an advanced service answers with an HTTP error. */
export interface ApiErrorDetails {
  code: number;
  message: string;
  /** Drive (v3) error bodies list their errors with a domain and reason. */
  errors?: { domain: string; reason: string; message: string }[];
  /** Sheets (v4) error bodies carry a canonical status instead. */
  status?: string;
}

export class Env {
  realm: Realm = { Date, Error };
  authMode: AuthModeName = 'FULL';
  readonly total = new Ledger();
  execution: Ledger | null = null;
  logs: string[] = [];
  /** `getSheetValues` with -1 on a tab with no content: throw as a zero-row range, or read nothing. */
  emptySheetValues: 'throw' | 'empty' = 'throw';
  /** A fault armed for the next execution: the `at`-th call of the given services throws. */
  fault: { at: number; services: FaultService; seen: number; documentId: string } | null = null;
  /** Work another execution does at a given call of this one: how tests interleave two writers. */
  readonly interleavings: { method: string; run: () => void }[] = [];
  /** The same, by position: `run` happens right after the `at`-th call from now. */
  countedInterleaving: { at: number; seen: number; run: () => void } | null = null;
  /** The script project of the running execution. */
  project: string = DEFAULT_PROJECT;
  /** The document the running execution is bound to; null for an execution with no document. */
  documentId: string | null = null;
  /** What kind of execution is running: a call, or a trigger of the given event type. */
  trigger: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | null = null;
  deployment: Deployment = 'addon';
  /** Advanced-service calls armed to fail, by method (`Drive.Files.get`), with how many times. */
  readonly apiFaults = new Map<string, { code: ApiStatus; times: number }>();
  /** Users who must authorise again, with the scopes they have not granted (null: every scope). */
  readonly reauthorization = new Map<string, readonly string[] | null>();
  /** Tabs whose values Sheets will not give, with the error each read gets (see `failReadsOf`). */
  readonly unreadableTabs = new Map<object, string>();

  constructor(
    public now: number,
    public timeZone: string,
    public user: string,
    public scopes: readonly string[] | null,
  ) {}

  fail(message: string): Error {
    return new this.realm.Error(message);
  }

  /** Records one service call; past the 6-minute limit it ends the execution as Apps Script does. */
  record(method: string, cells = 0): void {
    this.total.record(method, cells);
    if (!this.execution) return;
    this.execution.record(method, cells);
    if (STARTUP_MS + this.execution.estimatedMs > EXECUTION_LIMIT_MS) {
      throw this.fail('Exceeded maximum execution time');
    }
    const fault = this.fault;
    if (fault?.services === 'time' && ++fault.seen === fault.at) {
      this.fault = null;
      throw this.fail('Exceeded maximum execution time');
    }
    if (fault && fault.services !== 'time') {
      const service = serviceOf(method);
      if (service && (fault.services === 'any' || fault.services === service)) {
        fault.seen++;
        if (fault.seen === fault.at) {
          this.fault = null;
          throw this.fail(FAULT_MESSAGES[service].replace('%s', fault.documentId));
        }
      }
    }
    const counted = this.countedInterleaving;
    if (counted && ++counted.seen === counted.at) {
      this.countedInterleaving = null;
      counted.run();
    }
    const i = this.interleavings.findIndex((x) => x.method === method);
    if (i >= 0) {
      const [due] = this.interleavings.splice(i, 1);
      due?.run();
    }
  }

  /** Time spent waiting (a lock, `Utilities.sleep`) counts against the execution too. */
  spend(ms: number): void {
    this.now += ms;
    if (!this.execution) return;
    this.execution.estimatedMs += ms;
    if (STARTUP_MS + this.execution.estimatedMs > EXECUTION_LIMIT_MS) {
      throw this.fail('Exceeded maximum execution time');
    }
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** Services that need authorisation are out of reach in AuthMode.NONE (an add-on not yet used in this document). */
  requireAuth(method: string): void {
    if (this.authMode === 'NONE' || this.authMode === 'CUSTOM_FUNCTION') {
      throw this.fail(
        `You do not have permission to call ${method}. Required permissions: authorization in this document`,
      );
    }
  }

  /** The manifest declares `scope` (every scope is declared when no manifest was read). */
  declares(scope: string): boolean {
    return !this.scopes || this.scopes.includes(scope);
  }

  /** The current user has granted `scope`: declared, and not awaiting a new authorisation. */
  granted(scope: string, user = this.user): boolean {
    if (!this.declares(scope)) return false;
    if (!this.reauthorization.has(user)) return true;
    const pending = this.reauthorization.get(user);
    return !!pending && !pending.includes(scope);
  }

  /**
   * A call whose scope the manifest does not declare fails as it would in Apps Script; one whose
   * scope is declared but not yet granted by this user (the manifest gained it) fails with the
   * message Apps Script gives a user who must authorise again.
   */
  requireScope(method: string, anyOf: readonly string[]): void {
    if (anyOf.some((s) => this.granted(s))) return;
    if (anyOf.some((s) => this.declares(s)))
      throw this.fail('Authorization is required to perform that action.');
    throw this.fail(
      `You do not have permission to call ${method}. Required permissions: ${anyOf[0] ?? ''}`,
    );
  }

  /** An error shaped as Apps Script's GoogleJsonResponseException for an advanced-service call. */
  apiError(api: string, details: ApiErrorDetails): Error {
    const e = this.fail(`API call to ${api} failed with error: ${details.message}`);
    e.name = 'GoogleJsonResponseException';
    (e as Error & { details: ApiErrorDetails }).details = details;
    return e;
  }

  /** Throws the error armed with `Runtime.failApi` for this advanced-service method, if any. */
  apiFault(method: string, error: (code: ApiStatus) => Error): void {
    const armed = this.apiFaults.get(method);
    if (!armed) return;
    if (--armed.times <= 0) this.apiFaults.delete(method);
    throw error(armed.code);
  }
}

export const SCOPE = {
  sheetsCurrent: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  drive: 'https://www.googleapis.com/auth/drive',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
} as const;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** `time`: the execution runs out of time at the n-th call of any service. */
export type FaultService = 'spreadsheet' | 'mail' | 'drive' | 'any' | 'time';

const FAULT_MESSAGES: Record<Exclude<FaultService, 'any' | 'time'>, string> = {
  spreadsheet: 'Service Spreadsheets failed while accessing document with id %s.',
  mail: 'Service error: MailApp. Please try again later.',
  drive: "We're sorry, a server error occurred. Please wait a bit and try again.",
};

const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'Protection',
  'Filter',
  'Sheets',
]);

function serviceOf(method: string): Exclude<FaultService, 'any' | 'time'> | null {
  const cls = method.split('.')[0] ?? '';
  if (SPREADSHEET_CLASSES.has(cls)) return 'spreadsheet';
  if (cls === 'MailApp') return 'mail';
  if (cls === 'Drive' || cls === 'DriveApp' || cls === 'File') return 'drive';
  return null;
}
