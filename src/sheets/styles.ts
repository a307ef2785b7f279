/** The registry's look: a title row, a header row and plain data rows. */

export interface RowStyle {
  background: string;
  fontColor: string;
  bold: boolean;
}

export const TITLE_STYLE: RowStyle = { background: '#1f3a5f', fontColor: '#ffffff', bold: true };
export const HEADER_STYLE: RowStyle = { background: '#dbe5f1', fontColor: '#1f2933', bold: true };
/** Generated tabs are restyled on every refresh; a light title needs no font colour call. */
export const GENERATED_TITLE_STYLE: RowStyle = {
  background: '#c9daf8',
  fontColor: '#1f2933',
  bold: true,
};
export const LABEL_STYLE: RowStyle = { background: '#f3f6fa', fontColor: '#1f2933', bold: true };

export function styleRow(range: GoogleAppsScript.Spreadsheet.Range, style: RowStyle): void {
  range
    .setBackground(style.background)
    .setFontColor(style.fontColor)
    .setFontWeight(style.bold ? 'bold' : 'normal');
}
