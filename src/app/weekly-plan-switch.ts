/** Turning the weekly plan's trigger on and off from the sidebar, and what the sidebar shows of it. */
import { readSettings } from '../domain/settings.js';
import { weeklyTriggerSchema } from '../domain/weekly-trigger-input.js';
import { parseInput } from '../domain/validation.js';
import { withDocumentLock } from '../services/document-lock.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import {
  installTrigger,
  removeTrigger,
  status,
  type TriggerStatus,
  type Weekday,
} from '../services/weekly-trigger.js';
import { findRegistryTabs } from '../sheets/registry-tabs.js';
import { activeSpreadsheet } from './active-spreadsheet.js';
import { LAST_RUN_KEY, MAIL_KEY } from './weekly-run.js';
import {
  lastRunSchema,
  parseStored,
  weeklyMailSchema,
  type LastRun,
  type WeeklyMail,
} from '../domain/stored-records.js';
import { weekStartOf } from '../domain/weekly-plan.js';

export interface WeeklyTriggerInput {
  weekday?: Weekday;
  hour?: number;
}

/** Installs the weekly trigger for this document, replacing this user's own if there is one. */
export function turnOn(input?: WeeklyTriggerInput): TriggerStatus {
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

export function turnOff(): TriggerStatus {
  const ss = activeSpreadsheet();
  return withDocumentLock(() => removeTrigger(ss, spreadsheetTimeZone(ss)));
}

export interface WeeklyStatus extends TriggerStatus {
  lastRun: LastRun | null;
  /** This week's plan mail, when it was sent: the sidebar then offers Mail it again. */
  mailedThisWeek: WeeklyMail | null;
}

export function weeklyStatus(): WeeklyStatus {
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  const props = PropertiesService.getDocumentProperties();
  const mail = parseStored(weeklyMailSchema, props.getProperty(MAIL_KEY));
  return {
    ...status(timeZone),
    lastRun: parseStored(lastRunSchema, props.getProperty(LAST_RUN_KEY)),
    mailedThisWeek: mail?.week === weekStartOf(todayIn(timeZone)) ? mail : null,
  };
}
