/**
 * The client index: the marks on the Priorities tab, live formulas reading each client's id,
 * name and status, one per client, written by every refresh and by Add client. Read in one call
 * from the tab the last refresh or full read remembered. See ADR 21.
 */
import type { ClientSummary } from '../domain/client.js';
import { clientKey } from '../domain/discover-clients.js';
import { columnLetter } from '../domain/section-items.js';
import { INDEX_COLUMN, MARK_OFFSET, readMark } from '../sheets/client-marks.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the Priorities tab's sheet id, where the client index is read. */
export const PRIORITIES_TAB_KEY = 'registry.prioritiesTab';

/** A client as the switcher lists it. */
export type ClientEntry = Pick<ClientSummary, 'id' | 'name' | 'status'>;

/** Remembers which tab is Priorities, for the next open; one call, and only when it changed. */
export function rememberPrioritiesTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const id = String(sheet.getSheetId());
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(PRIORITIES_TAB_KEY) !== id) props.setProperty(PRIORITIES_TAB_KEY, id);
}

/**
 * The client index as the Priorities tab's marks show it now, or null when it cannot answer:
 * no remembered tab, a tab that is no longer Priorities, or a mark written before the index
 * (no status), which the next refresh rewrites.
 */
export function readClientIndex(ss: Spreadsheet): {
  entries: ClientEntry[];
  grid: unknown[][];
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  maxRows: number;
} | null {
  const id = PropertiesService.getDocumentProperties().getProperty(PRIORITIES_TAB_KEY);
  if (!id) return null;
  const sheet = ss.getSheetById(Number(id));
  if (!sheet) return null;
  // Only the index columns, to the tab's last row (`O1:R`, open-ended as Sheets' A1 notation
  // allows: the Sheets API's GridRange reference reads `Sheet1!A5:B` so): the ranked list beside
  // them is thousands of rows nobody needs here.
  const columns = `${columnLetter(INDEX_COLUMN)}1:${columnLetter(INDEX_COLUMN + MARK_OFFSET)}`;
  const checks: unknown[][] = sheet.getRange(columns).getValues();
  const entries: ClientEntry[] = [];
  const seen = new Set<string>();
  let last = 0;
  checks.forEach((row, i) => {
    if (row.some((v) => v !== '')) last = i + 1;
  });
  for (const row of checks) {
    const mark = readMark(row[MARK_OFFSET]);
    if (!mark || seen.has(mark.id)) continue;
    if (mark.status === undefined) return null;
    seen.add(mark.id);
    entries.push({ id: mark.id, name: mark.name, status: mark.status || 'Active' });
  }
  if (entries.length === 0) return null;
  // A name two marks claim (a tab copied by hand) is the full read's to sort out.
  const keys = new Set(entries.map((e) => clientKey(e.name)));
  if (keys.size !== entries.length) return null;
  entries.sort((a, b) => a.name.localeCompare(b.name));
  // The grid as `noteNewClient` reads it: the checks where they stand on the tab.
  const grid = checks
    .slice(0, last)
    .map((row) => [...new Array<unknown>(INDEX_COLUMN - 1).fill(''), ...row]);
  return { entries, grid, sheet, maxRows: checks.length };
}

/** Document property: how many clients were ever added, so a refresh sees one added meanwhile. */
export const CLIENTS_ADDED_KEY = 'registry.clientsAdded';

export function clientsAdded(): string {
  return PropertiesService.getDocumentProperties().getProperty(CLIENTS_ADDED_KEY) ?? '0';
}

export function noteClientAdded(): void {
  PropertiesService.getDocumentProperties().setProperty(
    CLIENTS_ADDED_KEY,
    String(Number(clientsAdded()) + 1),
  );
}
