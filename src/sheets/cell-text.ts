/**
 * What the add-on writes into a cell. Sheets reads a written string as if a person typed it:
 * `=...` becomes a formula, `+1` a number, `2026-01-05` a date. Text a person typed is therefore
 * written behind a leading apostrophe, which Sheets keeps as "this is text" and never shows.
 */

export type CellInput = string | number | boolean;

export function asText(value: string): CellInput {
  return value === '' ? '' : `'${value}`;
}

/** ISO dates are written bare so that Sheets stores a real date in the spreadsheet's time zone. */
export function asDate(iso: string): CellInput {
  return iso;
}

export function asNumber(value: number | null): CellInput {
  return value === null ? '' : value;
}
