/** Rows a person types (or pastes as text) straight into a client tab, under a section's headers. */
import type { Runtime, SheetData } from '../../emulator/index.js';
import type { Content } from '../../emulator/workbook.js';

/**
 * Inserts `rows` under the header row of the section titled `title`, each value under the header
 * its key names. Values go in as cell values, not as typed input: a string starting with `=` is
 * the text a person pasted as text or typed behind an apostrophe, never a formula.
 */
export function typeRows(
  rt: Runtime,
  sheet: SheetData,
  title: string,
  rows: Record<string, string | number>[],
): void {
  let header = 0;
  for (let r = 1; r <= sheet.lastRow() && !header; r++) {
    if (rt.spreadsheet.read(sheet, r, 1) === title) header = r + 1;
  }
  if (!header) throw new Error(`no section titled ${title} on ${sheet.name}`);
  const headers: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c++)
    headers.push(String(rt.spreadsheet.read(sheet, header, c)));
  rt.spreadsheet.insertRows(sheet, header + 1, rows.length, header + 1);
  const contents: Content[][] = rows.map((row) =>
    headers.map((h) =>
      h in row ? { kind: 'value', value: row[h] as string | number } : { kind: 'empty' },
    ),
  );
  rt.spreadsheet.writeBlock(sheet, header + 1, 1, contents);
}
