/** Finding client tabs, by role metadata or by the client's id (the tab's sheet id). */
import { InputError } from '../domain/input-error.js';
import { findRegistryTabs } from './registry-tabs.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function clientIdOf(sheet: Sheet): string {
  return String(sheet.getSheetId());
}

export function listClientTabs(ss: Spreadsheet): Sheet[] {
  return findRegistryTabs(ss)
    .filter((t) => t.role === 'client')
    .map((t) => t.sheet);
}

/** The client's tab by id, in one call; the caller checks the tab really is a client tab by its layout. */
export function clientTabById(ss: Spreadsheet, clientId: string): Sheet {
  const sheet = ss.getSheetById(Number(clientId));
  if (!sheet) {
    throw new InputError(
      'That client is no longer in the registry (its tab was deleted). Reload the client list.',
      'clientId',
    );
  }
  return sheet;
}
