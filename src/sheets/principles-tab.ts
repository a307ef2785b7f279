/** The Principles tab's look when setup makes it: column widths, header notes, a Status dropdown. */
import { PRINCIPLE_HEADERS } from '../domain/principles.js';
import { PRINCIPLE_HEADER_NOTES, PRINCIPLE_STATUSES } from '../domain/principles-tab-notes.js';

/** ID, Principle, Category, Standard, Avoid, Rationale, Since, Status: readable at 1,280 pixels. */
const WIDTHS = [60, 260, 110, 140, 180, 280, 100, 90];

export function layOutPrinciplesTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  WIDTHS.forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  sheet
    .getRange(1, 1, 1, PRINCIPLE_HEADERS.length)
    .setNotes([PRINCIPLE_HEADERS.map((h) => PRINCIPLE_HEADER_NOTES[h] ?? '')]);
  const status = PRINCIPLE_HEADERS.indexOf('Status') + 1;
  // Other words a person types (Inactive, Deprecated) are read too: a warning, not a refusal.
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...PRINCIPLE_STATUSES], true)
    .setAllowInvalid(true)
    .setHelpText(PRINCIPLE_HEADER_NOTES.Status ?? '')
    .build();
  sheet.getRange(2, status, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
}
