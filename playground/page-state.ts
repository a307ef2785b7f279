/**
 * What the playground's page shows, as JSON: the registry open in the editor (its tabs, one tab
 * drawn, the add-on's menu, sidebar, toasts, alerts, outbox, Drive and triggers), or another file
 * of the emulated Drive as its viewers see it.
 */
import type { Runtime, SentMail, SheetsEditor, Workbook } from '../emulator/index.js';
import { wallClock } from '../emulator/time.js';
import { drawSheet, type DrawnSheet } from './drawn-sheet.js';

export interface TabEntry {
  id: number;
  name: string;
}

export interface DriveFile {
  id: string;
  name: string;
  url: string;
  owner: string;
  viewers: string[];
  commenters: string[];
  editors: string[];
  trashed: boolean;
}

export interface PageState {
  title: string;
  timeZone: string;
  now: string;
  nowText: string;
  tabs: TabEntry[];
  tab: { id: number; name: string; frozenRows: number } | null;
  /** The drawn tab's cells, kept under this name for the tests that read it. */
  grid: DrawnSheet['grid'];
  sheet: DrawnSheet | null;
  menu: { title: string; items: unknown[] }[];
  sidebarOpen: boolean;
  /** The add-on's open dialog (showModalDialog), by its title. */
  dialog: { title: string } | null;
  toasts: { title: string; message: string }[];
  alerts: { title: string; prompt: string }[];
  outbox: SentMail[];
  drive: DriveFile[];
  triggers: { handler: string; nextRun: string | null }[];
  triggerRuns: { handler: string; at: string; error?: string }[];
  empty: boolean;
  /** The person's edit Edit ▸ Undo would take back, if any. */
  undo: string | null;
  user: string;
}

export interface FileState {
  file: DriveFile;
  timeZone: string;
  tabs: TabEntry[];
  sheet: DrawnSheet | null;
}

function driveFile(f: Workbook): DriveFile {
  return {
    id: f.id,
    name: f.name,
    url: f.url,
    owner: f.owner,
    viewers: [...f.viewers],
    commenters: [...f.commenters],
    editors: [...f.editors],
    trashed: f.trashed,
  };
}

/** The tab asked for if it is still there and shown, else the active one, else the first shown. */
function pickTab(wb: Workbook, tabId: number | undefined) {
  const shown = wb.sheets.filter((s) => !s.hidden);
  return (
    shown.find((s) => s.id === tabId) ??
    shown.find((s) => s.id === wb.activeSheetId) ??
    shown[0] ??
    wb.sheets[0]
  );
}

function tabsOf(wb: Workbook): TabEntry[] {
  return wb.sheets.filter((s) => !s.hidden).map((s) => ({ id: s.id, name: s.name }));
}

export function pageState(rt: Runtime, tabId: number | undefined, editor: SheetsEditor): PageState {
  const wb = rt.spreadsheet;
  const sheet = pickTab(wb, tabId);
  const drawn = sheet ? drawSheet(wb, sheet, new Set(rt.drive.files.keys())) : null;
  const w = wallClock(rt.now.getTime(), wb.timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    title: wb.name,
    timeZone: wb.timeZone,
    now: rt.now.toISOString(),
    nowText: `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`,
    tabs: tabsOf(wb),
    tab: sheet ? { id: sheet.id, name: sheet.name, frozenRows: sheet.frozenRows } : null,
    grid: drawn?.grid ?? [],
    sheet: drawn,
    menu: rt.ui.menus.map((m) => ({ title: m.title, items: m.items })),
    sidebarOpen: rt.ui.sidebars.length > 0,
    dialog: rt.ui.dialogs.length > 0 ? { title: rt.ui.dialogs.at(-1)?.title ?? '' } : null,
    toasts: rt.ui.toasts.slice(-5),
    alerts: rt.ui.alerts.slice(-5),
    outbox: rt.outbox.slice(-20),
    drive: [...rt.drive.files.values()].filter((f) => f !== wb).map(driveFile),
    triggers: rt.triggers.map((t) => ({
      handler: t.handler,
      nextRun: t.nextRun ? new Date(t.nextRun).toISOString() : null,
    })),
    triggerRuns: rt.triggerRuns.slice(-5),
    empty: !wb.sheets.some((s) => s.name !== 'Sheet1') && wb.sheets.every((s) => s.lastRow() === 0),
    undo: editor.lastEdit(wb.id),
    user: rt.user,
  };
}

/** Another file of the emulated Drive, as the people it is shared with see it; null if none. */
export function fileState(
  rt: Runtime,
  fileId: string,
  tabId: number | undefined,
): FileState | null {
  const wb = rt.drive.files.get(fileId);
  if (!wb || wb.trashed) return null;
  const sheet = pickTab(wb, tabId);
  return {
    file: driveFile(wb),
    timeZone: wb.timeZone,
    tabs: tabsOf(wb),
    sheet: sheet ? drawSheet(wb, sheet, new Set(rt.drive.files.keys())) : null,
  };
}
