/**
 * The weekly time-driven trigger. Apps Script triggers belong to the user who made them and, for
 * an add-on, to the document they were made in; another editor can neither see nor delete them.
 * So the registry keeps one record per document (who installed it, which trigger, when it runs),
 * each user only ever touches their own triggers of this document (`getUserTriggers`), and a
 * second editor is told plainly who runs the weekly plan instead of installing a second one.
 */
import { InputError } from '../domain/input-error.js';
import {
  parseStored,
  triggerRecordSchema,
  triggerRegistrySchema,
  type TriggerRecord,
} from '../domain/stored-records.js';
import { WEEKDAY_NAMES as WEEKDAYS } from '../domain/weekly-trigger-input.js';
import { zonedNextRun } from './next-run.js';

export const WEEKLY_HANDLER = 'runWeeklyPlan';
const KEY = 'weeklyTrigger';
/** Per user: which registry each of their weekly triggers serves, for a run that gets no document. */
const REGISTRY_OF = 'weeklyTrigger.registry.';

export type Weekday = (typeof WEEKDAYS)[number];

export interface TriggerStatus {
  installed: boolean;
  weekday: Weekday | null;
  hour: number | null;
  /** ISO date-time of the next run, computed in the spreadsheet's time zone. */
  nextRun: string | null;
  timeZone: string;
  /** Who runs the weekly plan (their account owns the trigger); null when nobody does. */
  owner: string | null;
  /** Whether the person asking is that owner. */
  yours: boolean;
}

export type { TriggerRecord };

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readTriggerRecord(
  props: GoogleAppsScript.Properties.Properties,
): TriggerRecord | null {
  return parseStored(triggerRecordSchema, props.getProperty(KEY));
}

function me(): string {
  return Session.getEffectiveUser().getEmail();
}

function sameUser(a: string | undefined, b: string): boolean {
  return !!a && a.toLowerCase() === b.toLowerCase();
}

/** This user's weekly triggers in this document, and nothing of any other document or user. */
function myWeeklyTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === WEEKLY_HANDLER);
}

function ownedBySomeoneElse(record: TriggerRecord | null, user: string): string | null {
  return record?.owner && !sameUser(record.owner, user) ? record.owner : null;
}

export function installTrigger(
  ss: Spreadsheet,
  weekday: Weekday,
  hour: number,
  timeZone: string,
): TriggerStatus {
  const props = PropertiesService.getDocumentProperties();
  const user = me();
  const other = ownedBySomeoneElse(readTriggerRecord(props), user);
  if (other) {
    throw new InputError(
      `The weekly plan is already run by ${other}: a second one would mail everything twice. Ask ${other} to turn it off first.`,
    );
  }
  const record = createTrigger(ss, weekday, hour, timeZone, user);
  PropertiesService.getUserProperties().setProperty(
    REGISTRY_OF + record.id,
    JSON.stringify({ url: ss.getUrl(), name: ss.getName() }),
  );
  return statusOf(record, timeZone, user);
}

/** Replaces this user's weekly trigger of this document with one at `hour` in `timeZone`. */
function createTrigger(
  ss: Spreadsheet,
  weekday: Weekday,
  hour: number,
  timeZone: string,
  user: string,
): TriggerRecord {
  for (const t of myWeeklyTriggers(ss)) ScriptApp.deleteTrigger(t);
  const trigger = ScriptApp.newTrigger(WEEKLY_HANDLER)
    .timeBased()
    .everyWeeks(1)
    .onWeekDay(ScriptApp.WeekDay[weekday.toUpperCase() as keyof typeof ScriptApp.WeekDay])
    .atHour(hour)
    .nearMinute(0)
    .inTimezone(timeZone)
    .create();
  const record: TriggerRecord = { id: trigger.getUniqueId(), weekday, hour, owner: user, timeZone };
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(record));
  return record;
}

/**
 * A trigger keeps the zone it was made in; when the spreadsheet's zone has changed since (File ▸
 * Settings), the owner's next run makes it again at the same weekday and hour in the new zone.
 */
export function followTimeZone(ss: Spreadsheet, timeZone: string): void {
  const props = PropertiesService.getDocumentProperties();
  const record = readTriggerRecord(props);
  const user = me();
  if (!record || ownedBySomeoneElse(record, user) || record.timeZone === timeZone) return;
  if (!record.timeZone) {
    props.setProperty(KEY, JSON.stringify({ ...record, timeZone }));
    return;
  }
  const registry = PropertiesService.getUserProperties().getProperty(REGISTRY_OF + record.id);
  const made = createTrigger(ss, record.weekday, record.hour, timeZone, user);
  const userProps = PropertiesService.getUserProperties();
  userProps.deleteProperty(REGISTRY_OF + record.id);
  if (registry) userProps.setProperty(REGISTRY_OF + made.id, registry);
}

export function removeTrigger(ss: Spreadsheet, timeZone: string): TriggerStatus {
  const props = PropertiesService.getDocumentProperties();
  const user = me();
  const record = readTriggerRecord(props);
  const other = ownedBySomeoneElse(record, user);
  if (other) {
    throw new InputError(
      `The weekly plan is run by ${other}, and only ${other} can turn it off: Google keeps each trigger with the account that made it.`,
    );
  }
  for (const t of myWeeklyTriggers(ss)) ScriptApp.deleteTrigger(t);
  props.deleteProperty(KEY);
  if (record) PropertiesService.getUserProperties().deleteProperty(REGISTRY_OF + record.id);
  return statusOf(null, timeZone, user);
}

export function status(timeZone: string): TriggerStatus {
  return statusOf(readTriggerRecord(PropertiesService.getDocumentProperties()), timeZone, me());
}

function statusOf(record: TriggerRecord | null, timeZone: string, user: string): TriggerStatus {
  if (!record)
    return {
      installed: false,
      weekday: null,
      hour: null,
      nextRun: null,
      timeZone,
      owner: null,
      yours: false,
    };
  return {
    installed: true,
    weekday: record.weekday,
    hour: record.hour,
    nextRun: zonedNextRun(new Date(), WEEKDAYS.indexOf(record.weekday), record.hour, timeZone),
    timeZone,
    owner: record.owner ?? null,
    yours: !record.owner || sameUser(record.owner, user),
  };
}

/**
 * Whether the firing trigger is the registry's weekly trigger. One that is not (made from another
 * account, or left over from before the record was kept) is this user's own: it is deleted, so
 * the plan is never written and mailed twice. With no record (document properties lost after a
 * copy or a move of the script), the firing trigger is adopted.
 */
export function claimRun(
  ss: Spreadsheet,
  props: GoogleAppsScript.Properties.Properties,
  triggerUid: string | undefined,
  runsAt: () => { weekday: Weekday; hour: number },
): boolean {
  const record = readTriggerRecord(props);
  if (!triggerUid) return true;
  if (!record) {
    const adopted: TriggerRecord = { id: triggerUid, ...runsAt(), owner: me() };
    props.setProperty(KEY, JSON.stringify(adopted));
    return true;
  }
  if (record.id === triggerUid) return true;
  for (const t of myWeeklyTriggers(ss))
    if (t.getUniqueId() === triggerUid) ScriptApp.deleteTrigger(t);
  return false;
}

/** The registry a trigger serves, as remembered when it was installed. */
export function registryOfTrigger(
  triggerUid: string | undefined,
): { url: string; name: string } | null {
  if (!triggerUid) return null;
  return parseStored(
    triggerRegistrySchema,
    PropertiesService.getUserProperties().getProperty(REGISTRY_OF + triggerUid),
  );
}
