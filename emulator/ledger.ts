/**
 * Counts every service call by `Class.method` and turns the counts into an estimated Apps Script
 * run time. The figures are round numbers: a service call is a round trip to Google, reads and
 * writes cost more per cell, and anything that creates a file or sends mail costs far more. Where
 * each comes from (Google's guidance, published measurements, or, for most, our own guess where
 * nothing is published) is in emulator/README.md, "Where the figures come from". They rank
 * operations; they do not promise seconds.
 */

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/** Fixed cost of starting an execution (loading the script, authorising). */
export const STARTUP_MS = 250;

const FIXED_MS: Record<string, number> = {
  'SpreadsheetApp.getActiveSpreadsheet': 40,
  'SpreadsheetApp.create': 1500,
  'SpreadsheetApp.openById': 600,
  'SpreadsheetApp.flush': 150,
  'Spreadsheet.insertSheet': 300,
  'Spreadsheet.deleteSheet': 250,
  'Spreadsheet.getSheets': 30,
  'Spreadsheet.getSheetById': 20,
  'Spreadsheet.getSheetByName': 20,
  'Spreadsheet.createDeveloperMetadataFinder': 5,
  'DeveloperMetadataFinder.find': 120,
  'Range.getValues': 60,
  'Sheet.getSheetValues': 60,
  'Range.getDisplayValues': 70,
  'Range.getFormulas': 60,
  'Range.setValues': 90,
  'Range.setValue': 60,
  'Range.setFormulas': 90,
  'Range.setDataValidation': 80,
  'Range.setDataValidations': 90,
  'Sheet.insertRowsBefore': 120,
  'Sheet.insertRowsAfter': 120,
  'Sheet.insertRowBefore': 120,
  'Sheet.insertRowAfter': 120,
  'Sheet.deleteRows': 120,
  'Sheet.getDataRange': 10,
  'Sheet.getRange': 5,
  'MailApp.sendEmail': 500,
  'DriveApp.getFileById': 300,
  'DriveApp.createFile': 800,
  'File.addViewer': 600,
  'File.addEditor': 600,
  'File.addCommenter': 600,
  'File.removeViewer': 500,
  'File.removeEditor': 500,
  'ScriptApp.newTrigger': 10,
  'TriggerBuilder.create': 400,
  'Sheets.Spreadsheets.create': 1500,
  'Sheets.Spreadsheets.batchUpdate': 300,
  'Sheets.Spreadsheets.Values.batchUpdate': 300,
  'Sheets.Spreadsheets.Values.batchClear': 200,
  'Sheets.Spreadsheets.get': 200,
  'Drive.Files.get': 250,
  'Drive.Files.create': 800,
  'Drive.Permissions.create': 600,
  'Drive.Permissions.list': 250,
  'Drive.Permissions.remove': 500,
  'ScriptApp.deleteTrigger': 300,
  'ScriptApp.getProjectTriggers': 150,
  'LockService.getDocumentLock': 20,
  'Lock.waitLock': 30,
  'Lock.tryLock': 30,
};

const PER_CELL_MS: Record<string, number> = {
  'Sheet.getSheetValues': 0.005,
  'Range.getValues': 0.005,
  'Range.getDisplayValues': 0.01,
  'Range.getFormulas': 0.005,
  'Range.setValues': 0.03,
  'Range.setFormulas': 0.03,
  'Range.setDataValidations': 0.03,
  'Range.setNumberFormats': 0.02,
  'Range.setBackgrounds': 0.02,
  'Range.setFontWeights': 0.02,
  'Sheets.Spreadsheets.Values.batchUpdate': 0.02,
};

function defaultCost(method: string): number {
  const [cls] = method.split('.');
  if (cls === 'Logger' || cls === 'Utilities' || cls === 'Session') return 0.2;
  if (cls === 'PropertiesService' || cls === 'Properties') return 25;
  if (cls === 'HtmlService' || cls === 'HtmlOutput') return 5;
  if (cls === 'Range' || cls === 'Sheet') return 30;
  return 15;
}

export function costOf(method: string, cells = 0): number {
  return (FIXED_MS[method] ?? defaultCost(method)) + (PER_CELL_MS[method] ?? 0) * cells;
}

/** The Apps Script services whose calls the budgets count as "Spreadsheet service calls". */
const SPREADSHEET_CLASSES = new Set([
  'Sheets',
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'NamedRange',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'Protection',
  'Filter',
]);

/** Builders are made in the script itself; building a rule makes no round trip to Sheets. */
const LOCAL_METHODS = new Set(['SpreadsheetApp.newDataValidation']);

export function isSpreadsheetCall(method: string): boolean {
  return SPREADSHEET_CLASSES.has(method.split('.')[0] ?? '') && !LOCAL_METHODS.has(method);
}

export class Ledger {
  readonly counts: Record<string, number> = {};
  estimatedMs = 0;

  record(method: string, cells = 0): void {
    this.counts[method] = (this.counts[method] ?? 0) + 1;
    this.estimatedMs += costOf(method, cells);
  }

  spreadsheetCalls(): number {
    let n = 0;
    for (const [method, count] of Object.entries(this.counts)) {
      if (isSpreadsheetCall(method)) n += count;
    }
    return n;
  }

  total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }
}
