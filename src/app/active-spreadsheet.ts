/** The spreadsheet the add-on is open in; Apps Script gives none outside a document. */
import { InputError } from '../domain/input-error.js';

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss)
    throw new InputError(
      'CTO Registry works inside its spreadsheet: open the registry and try again from its menu.',
    );
  return ss;
}

export const ADDON_TITLE = 'CTO Registry';
