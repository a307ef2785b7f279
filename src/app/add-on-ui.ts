/**
 * What the add-on shows in the editor: its menu, the sidebar, and the Decision records dialog.
 * The menu is built in AuthMode.NONE too, so it touches nothing but the menu.
 */
import { clientRefSchema } from '../domain/add-item.js';
import { parseInput } from '../domain/validation.js';
import { ADDON_TITLE } from './active-spreadsheet.js';

export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open registry', 'showSidebar')
    .addItem('Refresh priorities', 'refreshPriorities')
    .addItem('Generate weekly plan', 'generateWeeklyPlan')
    .addItem('Close the week', 'closeWeek')
    .addItem('Sync shared views', 'syncSharedViews')
    .addItem('Decision records…', 'showDecisionRecords')
    .addSeparator()
    .addItem('Set up registry', 'setupRegistry')
    .addToUi();
}

export function showSidebarPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Import and export of decision records, in a dialog of its own (dist/DecisionRecords.html).
 * Opened from the sidebar, the client it shows is the dialog's first choice; from the menu, the
 * first client is.
 */
export function showRecordsDialog(input?: { clientId?: string }): void {
  const clientId =
    input?.clientId === undefined ? '' : parseInput(clientRefSchema, input, 'Client').clientId;
  const html = HtmlService.createHtmlOutputFromFile('DecisionRecords').setWidth(640).setHeight(600);
  // JSON with "<" escaped: nothing in the id can close the script element.
  const chosen = JSON.stringify(clientId).replace(/</g, '\\u003c');
  if (clientId) html.append(`<script>window.ctorClientId = ${chosen};</script>`);
  SpreadsheetApp.getUi().showModalDialog(html, 'Decision records');
}
