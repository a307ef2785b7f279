/**
 * The weekly run, in two halves. Compute reads the registry and builds the plan and its mail,
 * writing nothing. Commit writes Priorities, the Weekly Plan tab and Plan History; once the
 * plan is on its tab the run has succeeded, and a later failure (mail, a founder view) is
 * reported as partial: "plan written; mail failed: …", never as "the previous plan".
 */
import {
  authorizationMail,
  failureMail,
  noDocumentMail,
  planMail,
  type PlanMail,
} from '../domain/plan-mail.js';
import { InputError } from '../domain/input-error.js';
import { isEmail } from '../domain/fields.js';
import { buildWeeklyPlan } from '../domain/weekly-plan.js';
import {
  parseStored,
  weeklyMailSchema,
  type LastRun,
  type WeeklyMail,
} from '../domain/stored-records.js';
import { alreadySentNote, mailsThisRun, type MailRule } from '../domain/weekly-mail.js';
import { withDocumentLock } from '../services/document-lock.js';
import { sendMail } from '../services/mail.js';
import {
  claimRun,
  followTimeZone,
  registryOfTrigger,
  type Weekday,
} from '../services/weekly-trigger.js';
import { readShares } from '../services/founder-files.js';
import { founderRecordOf } from '../sheets/founder-view-grids.js';
import { registryUrl, spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import {
  refreshRollup,
  snapshotRegistry,
  type RegistrySnapshot,
} from '../sheets/rollup-refresh.js';
import {
  layOutPlanTab,
  planLaidOut,
  planRows,
  planStyle,
  stylePlanTab,
  writePlanTab,
  writeRunStatus,
} from '../sheets/weekly-plan-tab.js';
import { writeHistory } from '../sheets/plan-history-tab.js';
import { readPreviousPlan, unrecordedHoursNote } from '../domain/week-closing.js';
import { commitClose, historyOf, pendingClose } from './close-week.js';
import { findRegistryTabs } from '../sheets/registry-tabs.js';
import { DEFAULT_TAB_NAMES } from '../sheets/tab-roles.js';
import { syncAll, syncTrouble } from './sharing.js';
import { mailFounderDigests } from './founder-digest.js';
import { ADDON_TITLE, activeSpreadsheet } from './active-spreadsheet.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LAST_RUN_KEY = 'weekly.lastRun';
/** The shape of the plan tab's checkboxes and bold lines, as last set. */
const STYLE_KEY = 'weekly.planStyle';
/** The weekly mail last sent: a second run in the plan's week does not mail again. */
export const MAIL_KEY = 'weekly.mail';

/** Apps Script stops a run at 6 minutes; founder views are not started in its last minute. */
const RUN_BUDGET_MS = 5 * 60 * 1000;

export interface PlanResult {
  weekStart: string;
  clients: number;
  allocatedHours: number;
  flexHours: number;
  warnings: string[];
  mailedTo: string;
  /** `already sent`: this week's plan was mailed by an earlier run; it is not mailed twice. */
  mail: 'sent' | 'already sent' | 'quota used up' | 'failed';
  /** What went wrong after the plan was written (mail, founder views); empty when nothing did. */
  partial: string;
  /** The spreadsheet's time zone the plan was written in. */
  timeZone: string;
}

export type { LastRun };

/** How far a run got: a failure reports what is true of the Weekly Plan tab at that point. */
export interface RunProgress {
  planWritten: boolean;
  generatedAt: string;
}

/**
 * The snapshot with its shared views: each one's link, and each one's tab read for its founders,
 * so Problems says what a founder does not see and why.
 */
export function withShares(snap: RegistrySnapshot): RegistrySnapshot {
  for (const r of readShares().values()) {
    if (!r.active) continue;
    snap.shared.set(r.clientId, r.url);
    if (snap.clients.some((c) => c.id === r.clientId && c.status !== 'Ended'))
      founderRecordOf(snap, r.clientId);
  }
  return snap;
}

function summaryRecipient(settings: { summaryEmail: string }): string {
  const address = settings.summaryEmail.trim() || Session.getEffectiveUser().getEmail();
  if (!isEmail(address)) {
    throw new InputError(`Summary email in Settings must be an email address; found "${address}".`);
  }
  return address;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function saveLastRun(run: LastRun): void {
  PropertiesService.getDocumentProperties().setProperty(
    LAST_RUN_KEY,
    JSON.stringify({
      ...run,
      error: run.error?.slice(0, 2000),
      partial: run.partial?.slice(0, 2000),
    }),
  );
}

/** Refreshes Priorities, writes the week's plan and its history rows, mails it and syncs views. */
export function writeWeeklyPlan(
  ss: Spreadsheet,
  progress: RunProgress,
  mailRule: MailRule = 'once a week',
  startedAt = Date.now(),
): PlanResult {
  const timeZone = spreadsheetTimeZone(ss);
  return writePlanFor(ss, progress, mailRule, startedAt, timeZone, todayIn(timeZone));
}

function readWeeklyMail(): WeeklyMail | null {
  return parseStored(
    weeklyMailSchema,
    PropertiesService.getDocumentProperties().getProperty(MAIL_KEY),
  );
}

/**
 * Mails the plan unless this week's was already sent; a mail sent is recorded at once, so a run
 * that fails after it does not make the next one mail twice.
 */
function mailPlan(
  recipient: string,
  mail: PlanMail,
  week: string,
  generatedAt: string,
  mailRule: MailRule,
  trouble: string[],
): PlanResult['mail'] {
  const previous = readWeeklyMail();
  if (previous && !mailsThisRun(previous, week, mailRule)) {
    trouble.push(alreadySentNote(previous));
    return 'already sent';
  }
  let sent: PlanResult['mail'];
  try {
    sent = sendMail(recipient, mail);
  } catch (e) {
    trouble.push(`mail to ${recipient} failed: ${messageOf(e)}`);
    return 'failed';
  }
  if (sent === 'quota used up') {
    trouble.push(`mail not sent: today's mail quota is used up`);
    return sent;
  }
  try {
    const record: WeeklyMail = { week, at: generatedAt, to: recipient };
    PropertiesService.getDocumentProperties().setProperty(MAIL_KEY, JSON.stringify(record));
  } catch (e) {
    trouble.push(
      `mail sent but not recorded (${messageOf(e)}): a second run this week mails again`,
    );
  }
  return sent;
}

function writePlanFor(
  ss: Spreadsheet,
  progress: RunProgress,
  mailRule: MailRule,
  startedAt: number,
  timeZone: string,
  today: string,
): PlanResult {
  // Compute: nothing is written until the plan and its mail are ready.
  const generatedAt = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
  progress.generatedAt = generatedAt;
  const snap = withShares(snapshotRegistry(ss, timeZone, today));
  const planTab = snap.read.roles.weeklyPlan;
  const historyTab = snap.read.roles.planHistory;
  if (!planTab || !historyTab) {
    throw new InputError(
      'The Weekly Plan or Plan History tab is missing: choose Set up registry to restore it.',
    );
  }
  // The week on the tab is closed first (once), so the new plan carries what was left unticked
  // and no longer calls a client drifting whose review was ticked.
  const previous = readPreviousPlan(planTab.grid);
  const history = historyOf(snap, historyTab);
  const closing = pendingClose(snap, previous, history, today);
  const plan = buildWeeklyPlan(
    snap.clients,
    snap.rollup,
    snap.settings,
    today,
    new Set(snap.shared.keys()),
    previous,
  );
  const recipient = summaryRecipient(snap.settings);
  const url = registryUrl(ss);

  // Commit: once the plan is on its tab, the run has succeeded.
  // A week being closed is recorded before the plan tab, which holds its ticks, is rewritten:
  // if this fails, the run fails and the next one closes it. Its rows and the new week's are
  // one write.
  if (closing) {
    commitClose(ss, closing, null, generatedAt, today);
    writeHistory(historyTab, history, closing, plan, generatedAt);
  }
  // Priorities' bold and colour below its list are left to the next Refresh priorities: with the
  // plan, its checkboxes and Plan History written, a restyle there too would take more than
  // tabs + 12 (ADR 24). Its values are current; the sidebar refreshes after every edit.
  refreshRollup(ss, snap, generatedAt, { restyleBelowList: false });
  const rows = planRows(plan, generatedAt);
  const drawn = writePlanTab(planTab, rows);
  progress.planWritten = true;
  // A client whose tab could not be read is left out of this plan, and the run says so.
  const trouble: string[] = snap.read.skipped.map(
    (s) => `${s.name} skipped, its tab could not be read (${s.error})`,
  );
  if (closing && previous?.unreadableHours.length)
    trouble.push(unrecordedHoursNote(previous, DEFAULT_TAB_NAMES.weeklyPlan));
  try {
    // Checkboxes and bold lines are set again only when they moved: most weeks keep the shape.
    const props = PropertiesService.getDocumentProperties();
    const style = planStyle(rows);
    if (previous === null || props.getProperty(STYLE_KEY) !== style) {
      stylePlanTab(drawn);
      props.setProperty(STYLE_KEY, style);
    }
    if (!planLaidOut()) layOutPlanTab(planTab.sheet);
  } catch (e) {
    trouble.push(`checkboxes and bold lines not applied: ${messageOf(e)}`);
  }
  try {
    if (!closing) writeHistory(historyTab, history, null, plan, generatedAt);
  } catch (e) {
    trouble.push(`Plan History not updated: ${messageOf(e)}`);
  }
  saveLastRun({ at: generatedAt, ok: true });

  // Founder views follow the week's plan; an Ended client's view is left as it was.
  const synced = syncAll(snap, plan, startedAt + RUN_BUDGET_MS);
  const syncProblem = syncTrouble(synced);
  if (syncProblem) trouble.push(syncProblem);
  trouble.push(...mailFounderDigests(snap, plan, synced));

  const mail = planMail(plan, url, trouble.join('; '));
  const sent = mailPlan(recipient, mail, plan.weekStart, generatedAt, mailRule, trouble);

  const partial = trouble.join('; ');
  if (partial) {
    saveLastRun({ at: generatedAt, ok: true, partial });
    writeRunStatus(planTab.sheet, `Last run ${generatedAt}: plan written; ${partial}`);
  }
  return {
    weekStart: plan.weekStart,
    clients: plan.clients.length,
    allocatedHours: plan.allocatedHours,
    flexHours: plan.flexHours,
    warnings: plan.warnings,
    mailedTo: recipient,
    mail: sent,
    partial,
    timeZone,
  };
}

/**
 * Records a run that threw, saying what is true: the previous plan when the new one was never
 * written, the new plan when it was. Never throws: what cannot be recorded goes to the log.
 */
export function recordFailure(ss: Spreadsheet, message: string, progress: RunProgress): void {
  let when = progress.generatedAt;
  try {
    when ||= Utilities.formatDate(new Date(), spreadsheetTimeZone(ss), 'yyyy-MM-dd HH:mm');
  } catch {
    when = new Date().toISOString();
  }
  const status = progress.planWritten
    ? `Last run ${when}: plan written; then failed: ${message}`
    : `Last run failed at ${when}: ${message.replace(/\.$/, '')}. The plan below is the previous one.`;
  const attempts: [string, () => void][] = [
    [
      'record the run',
      () =>
        saveLastRun(
          progress.planWritten
            ? { at: when, ok: true, partial: `then failed: ${message}` }
            : { at: when, ok: false, error: message },
        ),
    ],
    [
      'note it on the Weekly Plan tab',
      () => {
        const planTab = findRegistryTabs(ss).find((t) => t.role === 'weeklyPlan');
        if (planTab) writeRunStatus(planTab.sheet, status);
      },
    ],
    [
      'mail the failure',
      () =>
        sendMail(
          Session.getEffectiveUser().getEmail(),
          failureMail(message, when, registryUrl(ss), progress.planWritten),
        ),
    ],
  ];
  for (const [what, attempt] of attempts) {
    try {
      attempt();
    } catch (e) {
      console.error(`Weekly plan: could not ${what} after "${message}": ${messageOf(e)}`);
    }
  }
}

const AUTHORIZATION_MAILED = 'weekly.authorizationMailed';

/**
 * Google's pattern for triggers after the add-on's permissions changed: ask whether the user must
 * authorise again, and if so mail them the authorisation link once and stop, rather than fail
 * every week. The flag clears once authorised again.
 */
function waitingForAuthorization(registry: { url: string; name: string } | null): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const userProps = PropertiesService.getUserProperties();
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) {
    if (userProps.getProperty(AUTHORIZATION_MAILED)) userProps.deleteProperty(AUTHORIZATION_MAILED);
    return false;
  }
  if (userProps.getProperty(AUTHORIZATION_MAILED)) return true;
  try {
    sendMail(
      Session.getEffectiveUser().getEmail(),
      authorizationMail(info.getAuthorizationUrl() ?? '', registry?.name ?? 'your registry'),
    );
    userProps.setProperty(AUTHORIZATION_MAILED, new Date().toISOString());
  } catch (e) {
    console.error(
      `Weekly plan: authorisation is needed and the mail asking for it failed: ${messageOf(e)}`,
    );
  }
  return true;
}

/** A run that failed before it could open the registry: it can only log and mail. */
function failedBeforeTheRegistry(message: string, registry: { url: string } | null): void {
  console.error(`Weekly plan: the run failed before it reached the registry: ${message}`);
  try {
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    sendMail(
      Session.getEffectiveUser().getEmail(),
      failureMail(message, when, registry?.url ?? ''),
    );
  } catch (e) {
    console.error(`Weekly plan: could not mail the failure: ${messageOf(e)}`);
  }
}

/**
 * The weekly trigger's handler. Nobody is there to see an exception, so nothing is thrown: a run
 * that cannot start says why by mail, and a run that fails is recorded on the tab, in document
 * properties and by mail.
 */
export function runWeeklyFromTrigger(triggerUid: string | undefined): void {
  const startedAt = Date.now();
  let ss: Spreadsheet | null = null;
  const progress: RunProgress = { planWritten: false, generatedAt: '' };
  try {
    const registry = registryOfTrigger(triggerUid);
    if (waitingForAuthorization(registry)) return;
    ss = SpreadsheetApp.getActiveSpreadsheet();
    const props = ss ? PropertiesService.getDocumentProperties() : null;
    const lock = ss ? LockService.getDocumentLock() : null;
    if (!ss || !props || !lock) {
      const missing = !ss ? 'spreadsheet' : !props ? 'document properties' : 'document lock';
      console.error(`Weekly plan: the trigger ran with no ${missing}; nothing was done.`);
      sendMail(Session.getEffectiveUser().getEmail(), noDocumentMail(registry));
      return;
    }
    const registrySheet = ss;
    const runsAt = (): { weekday: Weekday; hour: number } => {
      const now = new Date();
      const tz = spreadsheetTimeZone(registrySheet);
      return {
        weekday: Utilities.formatDate(now, tz, 'EEEE') as Weekday,
        hour: Number(Utilities.formatDate(now, tz, 'H')),
      };
    };
    withDocumentLock(() => {
      if (!claimRun(registrySheet, props, triggerUid, runsAt)) return;
      const written = writeWeeklyPlan(registrySheet, progress, 'once a week', startedAt);
      followTimeZone(registrySheet, written.timeZone);
    });
  } catch (e) {
    if (ss) recordFailure(ss, messageOf(e), progress);
    else failedBeforeTheRegistry(messageOf(e), registryOfTrigger(triggerUid));
  }
}

/**
 * Generates this week's plan now (menu and sidebar), and says so in a toast. `again` (the
 * sidebar's Mail it again) mails it even when this week's mail was already sent.
 */
export function generateNow(mailRule: MailRule = 'once a week'): PlanResult {
  const ss = activeSpreadsheet();
  const progress: RunProgress = { planWritten: false, generatedAt: '' };
  const result = withDocumentLock(() => writeWeeklyPlan(ss, progress, mailRule));
  const mailed = mailRule === 'again' ? 'mailed again' : 'mailed';
  ss.toast(
    result.partial
      ? `Weekly plan for the week of ${result.weekStart} written; ${result.partial}`
      : `Weekly plan for the week of ${result.weekStart} written and ${mailed} to ${result.mailedTo}.`,
    ADDON_TITLE,
  );
  return result;
}
