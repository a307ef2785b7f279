/**
 * `ScriptApp` time-driven and spreadsheet triggers. Each trigger keeps its next run on the
 * emulated clock; `Runtime.advanceClockTo` fires the ones that fall due, in order.
 */
import { DEFAULT_PROJECT, SCOPE, type Env } from './env.js';
import { wallClock, zonedTime } from './time.js';

/** Apps Script allows 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;

export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;

export type Schedule =
  | {
      type: 'weekly';
      weekday: number;
      hour: number;
      minute: number;
      everyWeeks: number;
      timeZone: string;
    }
  | { type: 'daily'; hour: number; minute: number; everyDays: number; timeZone: string }
  | { type: 'hourly'; everyHours: number }
  | { type: 'minutes'; everyMinutes: number }
  | { type: 'once'; at: number };

export interface TriggerData {
  id: string;
  handler: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT';
  sourceId: string | null;
  /** The user who created it: it runs as them, and only they see it. */
  owner: string;
  /** The document active when it was created; null for none (absent in older saves: none). */
  documentId?: string | null;
  /** The script project that created it (absent in older saves: the default project). */
  project?: string;
  schedule?: Schedule;
  nextRun?: number;
}

export const triggerProject = (t: TriggerData): string => t.project ?? DEFAULT_PROJECT;
export const triggerDocument = (t: TriggerData): string | null => t.documentId ?? null;

/**
 * An editor add-on may have one trigger of each type per user per document. Google documents the
 * rule but not the error; the time-based wording is the one users report, the other two follow it.
 */
const ADDON_TRIGGER_KIND = { CLOCK: 'time-based', ON_EDIT: 'edit', ON_OPEN: 'open' } as const;

export function nextRunAfter(schedule: Schedule, after: number): number | undefined {
  switch (schedule.type) {
    case 'once':
      return schedule.at > after ? schedule.at : undefined;
    case 'hourly':
      return after + schedule.everyHours * 3600000;
    case 'minutes':
      return after + schedule.everyMinutes * 60000;
    case 'daily':
    case 'weekly': {
      const w = wallClock(after, schedule.timeZone);
      for (
        let d = 0;
        d <= 7 * Math.max(1, schedule.type === 'weekly' ? schedule.everyWeeks : 1) + 1;
        d++
      ) {
        const base = new Date(Date.UTC(w.year, w.month - 1, w.day + d));
        const candidate = zonedTime(
          schedule.timeZone,
          base.getUTCFullYear(),
          base.getUTCMonth() + 1,
          base.getUTCDate(),
          schedule.hour,
          schedule.minute,
        );
        if (candidate <= after) continue;
        if (schedule.type === 'weekly' && base.getUTCDay() !== schedule.weekday) continue;
        return candidate;
      }
      return undefined;
    }
  }
}

type GTrigger = GoogleAppsScript.Script.Trigger;

export class EmuTrigger implements Pick<
  GTrigger,
  'getUniqueId' | 'getHandlerFunction' | 'getTriggerSourceId'
> {
  constructor(
    readonly data: TriggerData,
    private readonly env: Env,
  ) {}

  getUniqueId(): string {
    this.env.record('Trigger.getUniqueId');
    return this.data.id;
  }

  getHandlerFunction(): string {
    this.env.record('Trigger.getHandlerFunction');
    return this.data.handler;
  }

  getEventType(): string {
    this.env.record('Trigger.getEventType');
    return this.data.eventType;
  }

  getTriggerSource(): string {
    this.env.record('Trigger.getTriggerSource');
    return this.data.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }

  getTriggerSourceId(): string {
    this.env.record('Trigger.getTriggerSourceId');
    return this.data.sourceId ?? '';
  }
}

class ClockTriggerBuilder {
  private weekday: number | undefined;
  private hour: number | undefined;
  private minute = 0;
  private everyWeeksN: number | undefined;
  private everyDaysN: number | undefined;
  private everyHoursN: number | undefined;
  private everyMinutesN: number | undefined;
  private atTime: number | undefined;
  private timeZone: string;

  constructor(
    private readonly env: Env,
    private readonly handler: string,
    private readonly install: (t: Omit<TriggerData, 'id'>) => GTrigger,
  ) {
    this.timeZone = env.timeZone;
  }

  everyWeeks(n: number): this {
    this.env.record('ClockTriggerBuilder.everyWeeks');
    this.everyWeeksN = n;
    return this;
  }

  everyDays(n: number): this {
    this.env.record('ClockTriggerBuilder.everyDays');
    this.everyDaysN = n;
    return this;
  }

  everyHours(n: number): this {
    this.env.record('ClockTriggerBuilder.everyHours');
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw this.env.fail('The value passed to everyHours() must be one of 1, 2, 4, 6, 8 or 12.');
    this.everyHoursN = n;
    return this;
  }

  everyMinutes(n: number): this {
    this.env.record('ClockTriggerBuilder.everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n))
      throw this.env.fail('The value passed to everyMinutes() must be one of 1, 5, 10, 15 or 30.');
    this.everyMinutesN = n;
    return this;
  }

  onWeekDay(day: string): this {
    this.env.record('ClockTriggerBuilder.onWeekDay');
    const i = WEEKDAYS.indexOf(String(day) as (typeof WEEKDAYS)[number]);
    if (i < 0) throw this.env.fail(`Invalid argument: ${String(day)}`);
    this.weekday = i;
    return this;
  }

  atHour(hour: number): this {
    this.env.record('ClockTriggerBuilder.atHour');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw this.env.fail('The hour must be between 0 and 23.');
    this.hour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    this.env.record('ClockTriggerBuilder.nearMinute');
    this.minute = Math.max(0, Math.min(59, (Math.round(minute / 15) * 15) % 60));
    return this;
  }

  inTimezone(timezone: string): this {
    this.env.record('ClockTriggerBuilder.inTimezone');
    this.timeZone = timezone;
    return this;
  }

  at(date: Date): this {
    this.env.record('ClockTriggerBuilder.at');
    this.atTime = date.getTime();
    return this;
  }

  after(durationMilliseconds: number): this {
    this.env.record('ClockTriggerBuilder.after');
    this.atTime = this.env.now + durationMilliseconds;
    return this;
  }

  create(): GTrigger {
    this.env.record('ClockTriggerBuilder.create');
    let schedule: Schedule;
    if (this.atTime !== undefined) schedule = { type: 'once', at: this.atTime };
    else if (this.everyWeeksN !== undefined) {
      if (this.weekday === undefined) throw this.env.fail('A weekly trigger needs onWeekDay().');
      schedule = {
        type: 'weekly',
        weekday: this.weekday,
        hour: this.hour ?? 0,
        minute: this.minute,
        everyWeeks: this.everyWeeksN,
        timeZone: this.timeZone,
      };
    } else if (this.everyDaysN !== undefined) {
      schedule = {
        type: 'daily',
        hour: this.hour ?? 0,
        minute: this.minute,
        everyDays: this.everyDaysN,
        timeZone: this.timeZone,
      };
    } else if (this.everyHoursN !== undefined) {
      schedule = { type: 'hourly', everyHours: this.everyHoursN };
    } else if (this.everyMinutesN !== undefined) {
      // An add-on's time-driven triggers run at most once an hour.
      if (this.env.deployment === 'addon')
        throw this.env.fail(
          'The recurrence interval for an Add-on trigger must be at least one hour.',
        );
      schedule = { type: 'minutes', everyMinutes: this.everyMinutesN };
    } else {
      throw this.env.fail(
        'The trigger has no schedule: call everyWeeks, everyDays, everyHours, at or after before create().',
      );
    }
    const nextRun = nextRunAfter(schedule, this.env.now);
    const data: Omit<TriggerData, 'id'> = {
      handler: this.handler,
      eventType: 'CLOCK',
      sourceId: null,
      owner: this.env.user,
      documentId: this.env.documentId,
      project: this.env.project,
      schedule,
    };
    if (nextRun !== undefined) data.nextRun = nextRun;
    return this.install(data);
  }
}

class SpreadsheetTriggerBuilder {
  constructor(
    private readonly env: Env,
    private readonly handler: string,
    private readonly sourceId: string,
    private readonly install: (t: Omit<TriggerData, 'id'>) => GTrigger,
  ) {}

  private kind: 'ON_OPEN' | 'ON_EDIT' = 'ON_OPEN';

  onOpen(): this {
    this.env.record('SpreadsheetTriggerBuilder.onOpen');
    this.kind = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.env.record('SpreadsheetTriggerBuilder.onEdit');
    this.kind = 'ON_EDIT';
    return this;
  }

  create(): GTrigger {
    this.env.record('SpreadsheetTriggerBuilder.create');
    return this.install({
      handler: this.handler,
      eventType: this.kind,
      sourceId: this.sourceId,
      owner: this.env.user,
      documentId: this.env.documentId,
      project: this.env.project,
    });
  }
}

type GAuthorizationInfo = GoogleAppsScript.Script.AuthorizationInfo;

/** What `ScriptApp.getAuthorizationInfo` answers for one user at one moment. */
export class EmuAuthorizationInfo implements Pick<
  GAuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl'
> {
  constructor(
    private readonly env: Env,
    private readonly required: boolean,
    private readonly url: string,
    private readonly scopes: string[],
  ) {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    this.env.record('AuthorizationInfo.getAuthorizationStatus');
    return (this.required
      ? 'REQUIRED'
      : 'NOT_REQUIRED') as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /** Null when no authorisation is required, as the reference says. */
  getAuthorizationUrl(): string {
    this.env.record('AuthorizationInfo.getAuthorizationUrl');
    return this.required ? this.url : (null as unknown as string);
  }

  getAuthorizedScopes(): string[] {
    this.env.record('AuthorizationInfo.getAuthorizedScopes');
    return [...this.scopes];
  }
}

/** `newTrigger` and `getUserTriggers` cover only the spreadsheet and clock forms of their overloads. */
export class EmuScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  'getProjectTriggers' | 'deleteTrigger' | 'getAuthorizationInfo' | 'getScriptId' | 'getOAuthToken'
> {
  readonly AuthMode = {
    NONE: 'NONE',
    LIMITED: 'LIMITED',
    FULL: 'FULL',
    CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  };
  readonly WeekDay = Object.fromEntries(WEEKDAYS.map((d) => [d, d])) as Record<
    (typeof WEEKDAYS)[number],
    string
  >;
  readonly EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT' };
  readonly TriggerSource = { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS' };
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };

  constructor(
    private readonly env: Env,
    readonly triggers: TriggerData[],
  ) {}

  /** The current user's triggers in the running script project (every document). */
  private mine(): TriggerData[] {
    return this.triggers.filter(
      (t) => t.owner === this.env.user && triggerProject(t) === this.env.project,
    );
  }

  private nextId(): string {
    let n = 4_000_001;
    while (this.triggers.some((t) => t.id === String(n))) n++;
    return String(n);
  }

  private install = (t: Omit<TriggerData, 'id'>): GTrigger => {
    this.env.requireAuth('ScriptApp.newTrigger');
    this.env.requireScope('ScriptApp.newTrigger', [SCOPE.triggers]);
    const mine = this.mine();
    if (this.env.deployment === 'addon') {
      const doc = t.documentId ?? t.sourceId;
      const same = mine.filter(
        (x) => x.eventType === t.eventType && doc !== null && (x.documentId ?? x.sourceId) === doc,
      );
      if (same.length > 0)
        throw this.env.fail(
          `This add-on has created too many ${ADDON_TRIGGER_KIND[t.eventType]} triggers in this document for this Google user account.`,
        );
    }
    if (mine.length >= TRIGGER_LIMIT) {
      throw this.env.fail(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const data: TriggerData = { ...t, id: this.nextId() };
    this.triggers.push(data);
    return new EmuTrigger(data, this.env) as unknown as GTrigger;
  };

  newTrigger(functionName: string): {
    timeBased(): ClockTriggerBuilder;
    forSpreadsheet(
      ss: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
    ): SpreadsheetTriggerBuilder;
  } {
    this.env.record('ScriptApp.newTrigger');
    const env = this.env;
    const install = this.install;
    return {
      timeBased: () => {
        env.record('TriggerBuilder.timeBased');
        return new ClockTriggerBuilder(env, functionName, install);
      },
      forSpreadsheet: (ss) => {
        env.record('TriggerBuilder.forSpreadsheet');
        const id = typeof ss === 'string' ? ss : ss.getId();
        return new SpreadsheetTriggerBuilder(env, functionName, id, install);
      },
    };
  }

  getProjectTriggers(): GTrigger[] {
    this.env.record('ScriptApp.getProjectTriggers');
    this.env.requireAuth('ScriptApp.getProjectTriggers');
    return this.mine().map((t) => new EmuTrigger(t, this.env) as unknown as GTrigger);
  }

  /** The current user's triggers in this project that belong to the given spreadsheet. */
  getUserTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GTrigger[] {
    this.env.record('ScriptApp.getUserTriggers');
    this.env.requireAuth('ScriptApp.getUserTriggers');
    const id = ss.getId();
    return this.mine()
      .filter((t) => t.sourceId === id || triggerDocument(t) === id)
      .map((t) => new EmuTrigger(t, this.env) as unknown as GTrigger);
  }

  /**
   * Removes one of the current user's triggers in this project. Another user's trigger is out of
   * the script's sight, so deleting it does nothing, as deleting a trigger already gone does.
   */
  deleteTrigger(trigger: GTrigger): void {
    this.env.record('ScriptApp.deleteTrigger');
    const id = (trigger as unknown as EmuTrigger).data.id;
    const i = this.triggers.findIndex(
      (t) => t.id === id && t.owner === this.env.user && triggerProject(t) === this.env.project,
    );
    if (i >= 0) this.triggers.splice(i, 1);
  }

  /**
   * Whether the current user must authorise the script again (in AuthMode.FULL), optionally
   * for the given scopes only; the URL is null when nothing is required.
   */
  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
    oAuthScopes?: string[],
  ): GAuthorizationInfo {
    this.env.record('ScriptApp.getAuthorizationInfo');
    const asked = oAuthScopes ?? (this.env.scopes ? [...this.env.scopes] : Object.values(SCOPE));
    const granted = asked.filter((s) => this.env.granted(s));
    const required =
      String(authMode) === 'FULL' &&
      this.env.reauthorization.has(this.env.user) &&
      asked.some((s) => this.env.declares(s) && !this.env.granted(s));
    const url = `https://script.google.com/macros/d/${this.env.project}/authorize`;
    return new EmuAuthorizationInfo(
      this.env,
      required,
      url,
      granted,
    ) as unknown as GAuthorizationInfo;
  }

  getScriptId(): string {
    this.env.record('ScriptApp.getScriptId');
    return this.env.project;
  }

  getOAuthToken(): string {
    this.env.record('ScriptApp.getOAuthToken');
    return 'emulated-oauth-token';
  }
}
