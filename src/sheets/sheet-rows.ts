/**
 * Generated tabs grow as the registry grows. Their row count is remembered in document
 * properties, so growing costs one insert only when needed and no call to ask the size.
 */
const DEFAULT_ROWS = 1000;

export function ensureRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: string,
  needed: number,
): void {
  const props = PropertiesService.getDocumentProperties();
  const known = Number(props.getProperty(key) ?? DEFAULT_ROWS);
  if (needed <= known) return;
  sheet.insertRowsAfter(known, needed - known);
  props.setProperty(key, String(needed));
}
