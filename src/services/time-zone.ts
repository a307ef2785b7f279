/**
 * The spreadsheet's time zone, asked of the spreadsheet on every run: a person may change it in
 * File ▸ Settings at any time, and a remembered copy would then put every date in the wrong day.
 * The registry's address never changes, so it is remembered for the mail's links.
 */
const URL_KEY = 'registry.url';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function spreadsheetTimeZone(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone();
}

/** The registry's address, for links in mail. */
export function registryUrl(ss: Spreadsheet): string {
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperty(URL_KEY);
  if (known) return known;
  const url = ss.getUrl();
  props.setProperty(URL_KEY, url);
  return url;
}

export function todayIn(timeZone: string): string {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}

/** Today in the spreadsheet's zone, asked of the spreadsheet only when a date is needed. */
export function lazyToday(ss: Spreadsheet): () => string {
  let today: string | undefined;
  return () => (today ??= todayIn(spreadsheetTimeZone(ss)));
}
