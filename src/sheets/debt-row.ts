/** A technical debt item as the cells of its row, keyed by header. */
import type { DebtItem } from '../domain/debt.js';
import type { LocatedSection } from '../domain/client-tab-layout.js';
import { asDate, asNumber, asText, type CellInput } from './cell-text.js';
import { quadrantFormula } from './formulas.js';

export function debtRowValues(
  item: DebtItem,
  id: string,
  row: number,
  section: LocatedSection,
): Map<string, CellInput> {
  const values = new Map<string, CellInput>([
    ['ID', id],
    ['Title', asText(item.title)],
    ['Area', asText(item.area)],
    ['Priority', item.priority],
    ['Impact', asNumber(item.impact)],
    ['Effort', asNumber(item.effort)],
    ['Status', item.status],
    ['Owner', asText(item.owner)],
    ['Tracked in', asText(item.trackedIn)],
    ['Tags', asText(item.tags.join(', '))],
    ['Added', asDate(item.added)],
    ['Last reviewed', asDate(item.lastReviewed)],
    ['Notes', asText(item.notes)],
    ['Private note', asText(item.privateNote)],
  ]);
  const impact = section.columns.get('Impact');
  const effort = section.columns.get('Effort');
  if (impact !== undefined && effort !== undefined) {
    values.set('Quadrant', quadrantFormula(row, impact, effort));
  }
  return values;
}
