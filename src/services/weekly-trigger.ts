/**
 * The weekly time-driven trigger: one per document and user. Its id is kept in document
 * properties, so installing again replaces it and removing touches no other trigger.
 */
import { zonedNextRun } from './next-run.js';

export const WEEKLY_HANDLER = 'runWeeklyPlan';
const KEY = 'weeklyTrigger';

import { WEEKDAY_NAMES as WEEKDAYS } from '../domain/weekly-trigger-input.js';

export type Weekday = (typeof WEEKDAYS)[number];

export interface TriggerStatus {
  installed: boolean;
  weekday: Weekday | null;
  hour: number | null;
  /** ISO date-time of the next run, computed in the spreadsheet's time zone. */
  nextRun: string | null;
  timeZone: string;
}

interface Stored {
  id: string;
  weekday: Weekday;
  hour: number;
}

function stored(): Stored | null {
  const v = PropertiesService.getDocumentProperties().getProperty(KEY);
  return v ? (JSON.parse(v) as Stored) : null;
}

function removeOurs(): boolean {
  const ours = stored();
  let removed = false;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== WEEKLY_HANDLER) continue;
    if (ours && t.getUniqueId() !== ours.id) continue;
    ScriptApp.deleteTrigger(t);
    removed = true;
  }
  PropertiesService.getDocumentProperties().deleteProperty(KEY);
  return removed;
}

export function installTrigger(weekday: Weekday, hour: number, timeZone: string): TriggerStatus {
  removeOurs();
  const trigger = ScriptApp.newTrigger(WEEKLY_HANDLER)
    .timeBased()
    .everyWeeks(1)
    .onWeekDay(ScriptApp.WeekDay[weekday.toUpperCase() as keyof typeof ScriptApp.WeekDay])
    .atHour(hour)
    .nearMinute(0)
    .inTimezone(timeZone)
    .create();
  const data: Stored = { id: trigger.getUniqueId(), weekday, hour };
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(data));
  return status(timeZone);
}

export function removeTrigger(timeZone: string): TriggerStatus {
  removeOurs();
  return status(timeZone);
}

export function status(timeZone: string): TriggerStatus {
  const s = stored();
  if (!s) return { installed: false, weekday: null, hour: null, nextRun: null, timeZone };
  return {
    installed: true,
    weekday: s.weekday,
    hour: s.hour,
    nextRun: zonedNextRun(new Date(), WEEKDAYS.indexOf(s.weekday), s.hour, timeZone),
    timeZone,
  };
}
