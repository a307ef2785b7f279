/**
 * The spreadsheet's time zone, remembered in document properties so that adding an item does not
 * spend a Spreadsheet call on it. Refreshed whenever the registry is opened or set up.
 */
const KEY = 'registry.timeZone';

export function rememberTimeZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const tz = ss.getSpreadsheetTimeZone();
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(KEY) !== tz) props.setProperty(KEY, tz);
  return tz;
}

export function registryTimeZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return PropertiesService.getDocumentProperties().getProperty(KEY) ?? rememberTimeZone(ss);
}

export function todayIn(timeZone: string): string {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}
