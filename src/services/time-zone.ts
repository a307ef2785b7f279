/**
 * The spreadsheet's time zone (and address), remembered in document properties so that adding an item does not
 * spend a Spreadsheet call on it. Refreshed whenever the registry is opened or set up.
 */
const KEY = 'registry.timeZone';

const URL_KEY = 'registry.url';

export function rememberTimeZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const tz = ss.getSpreadsheetTimeZone();
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(KEY) !== tz) props.setProperty(KEY, tz);
  if (!props.getProperty(URL_KEY)) props.setProperty(URL_KEY, ss.getUrl());
  return tz;
}

/** The registry's address, for links in mail; remembered with the time zone. */
export function registryUrl(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return PropertiesService.getDocumentProperties().getProperty(URL_KEY) ?? ss.getUrl();
}

export function registryTimeZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return PropertiesService.getDocumentProperties().getProperty(KEY) ?? rememberTimeZone(ss);
}

export function todayIn(timeZone: string): string {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}
