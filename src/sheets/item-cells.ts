/** An item as the cells of its row, keyed by header; formula columns get their formula. */
import type { LocatedSection } from '../domain/client-tab-layout.js';
import type { FieldValue, ItemFields } from '../domain/item-schemas.js';
import type { ColumnSpec } from '../domain/registry-layout.js';
import { asDate, asNumber, type CellInput, type Formula } from './cell-text.js';
import { bandFormula, quadrantFormula, scoreFormula } from './formulas.js';

export function cellFor(col: ColumnSpec, value: FieldValue | undefined): CellInput {
  const v = value ?? (col.type === 'scale' ? null : '');
  switch (col.type) {
    case 'id':
    case 'choice':
      return String(v ?? '');
    case 'scale':
    case 'count':
    case 'hours':
    case 'percent':
      return asNumber(typeof v === 'number' ? v : null);
    case 'date':
      return asDate(String(v ?? ''));
    case 'tags':
      return Array.isArray(v) ? v.join(', ') : String(v ?? '');
    case 'text':
    case 'longText':
    case 'link':
      return String(v ?? '');
    case 'formula':
      return '';
  }
}

export function formulaFor(
  col: ColumnSpec,
  row: number,
  section: LocatedSection,
): Formula | undefined {
  const at = (header: string): number | undefined => section.columns.get(header);
  switch (`${section.spec.kind}.${col.key}`) {
    case 'debt.quadrant': {
      const i = at('Impact');
      const e = at('Effort');
      return i && e ? quadrantFormula(row, i, e) : undefined;
    }
    case 'risk.score': {
      const l = at('Likelihood');
      const i = at('Impact');
      return l && i ? scoreFormula(row, l, i) : undefined;
    }
    case 'risk.band': {
      const s = at('Score');
      return s ? bandFormula(row, s) : undefined;
    }
    default:
      return undefined;
  }
}

/** Every known column of a new row: values from `fields`, the ID, and the formulas. */
export function newRowCells(
  section: LocatedSection,
  fields: ItemFields,
  id: string,
  row: number,
): Map<string, CellInput> {
  const cells = new Map<string, CellInput>();
  for (const col of section.spec.columns) {
    if (col.type === 'id') cells.set(col.header, id);
    else if (col.type === 'formula') {
      const f = formulaFor(col, row, section);
      if (f) cells.set(col.header, f);
    } else cells.set(col.header, cellFor(col, fields[col.key]));
  }
  return cells;
}
