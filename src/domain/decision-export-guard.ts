/**
 * Which of a client's decisions may leave the registry in an export: read as the founder view
 * reads a section (ADR 15), so what cannot be read with confidence is withheld and said, never
 * exported on a guess. A Decisions section in doubt (a header cell shifted over its data, a
 * missing title or ID column) exports nothing; rows below a heading typed inside the section (a
 * "Private" block) are not the section's; a row whose ID is not a decision's, or with a cell that
 * cannot be read (another section's row under Decisions headers, once its title row was
 * deleted), is left out, and so is a row with a formula in a field that travels: its value may
 * show text from anywhere, a private note included (only typed values leave, as for founders).
 */
import type { ClientTabLayout, Grid } from './client-tab-layout.js';
import { str } from './client-record.js';
import {
  ADR_PREFIX,
  EXPORTED_DECISION_KEYS,
  headerOf,
  type DecisionRow,
} from './decision-records.js';
import { spillSources, spilledFrom } from './formula-spill.js';
import { sectionDoubt } from './founder-doubts.js';
import { findRegions } from './founder-regions.js';
import { readSectionItems } from './section-items.js';

export interface WithheldRow {
  row: number;
  reason: string;
}

export type ExportableDecisions =
  | {
      decisions: DecisionRow[];
      /** Each decision's row in its client tab, in the same order. */
      rows: number[];
      withheld: WithheldRow[];
      /** The profile's Client name, typed (not a formula, nor a spill): safe to write. */
      typedName: boolean;
    }
  | { doubt: string };

/** Whether a cell holds a formula, or may show a value a formula spilled into it. */
function computed(
  formulas: Grid,
  spills: ReturnType<typeof spillSources>,
  row: number,
  column: number,
): string | null {
  const f = str(formulas[row - 1]?.[column - 1]);
  if (f) return 'a formula';
  const spill = spilledFrom(spills, row, column);
  return spill ? `a value the formula in ${spill.cell} may spill into it` : null;
}

const DECISION_ID = new RegExp(`^${ADR_PREFIX}-\\d+$`);

/** `formulas` are the tab's formulas (`Range.getFormulas`, '' where none), row for row with `grid`. */
export function exportableDecisions(
  grid: Grid,
  formulas: Grid,
  layout: ClientTabLayout,
  tabName: string,
): ExportableDecisions {
  const section = layout.sections.get('decision');
  if (!section) return { doubt: 'its Decisions section was not found' };
  const regions = findRegions(grid, layout);
  const others = [...layout.sections.values()].filter((s) => s !== section);
  const doubt = sectionDoubt(grid, section, others, regions);
  if (doubt) return { doubt: `its Decisions section cannot be read with confidence: ${doubt}` };
  const lastRow = regions.sections.get('decision')?.lastRow ?? 0;
  const { items, problems } = readSectionItems(section, tabName);
  const unreadable = new Map<number, string>();
  for (const p of problems) {
    const row = Number(/\d+$/.exec(p.cell)?.[0] ?? 0);
    if (!unreadable.has(row)) unreadable.set(row, `${p.cell}: ${p.reason}`);
  }
  const spills = spillSources(formulas);
  const travelling = EXPORTED_DECISION_KEYS.map((k) => section.columns.get(headerOf(k))).filter(
    (c): c is number => c !== undefined,
  );
  const computedIn = (row: number): string | null => {
    for (const column of travelling) {
      const why = computed(formulas, spills, row, column);
      if (why)
        return `${why} in ${headerOf(EXPORTED_DECISION_KEYS.find((k) => section.columns.get(headerOf(k)) === column) ?? 'id')}: only typed values are exported`;
    }
    return null;
  };
  const decisions: DecisionRow[] = [];
  const rows: number[] = [];
  const withheld: WithheldRow[] = [];
  for (const i of items) {
    if (i.row > lastRow) continue;
    const reason =
      unreadable.get(i.row) ??
      (i.id && !DECISION_ID.test(i.id) ? `its ID ${i.id} is not a decision's (ADR-n)` : null) ??
      computedIn(i.row);
    if (reason) withheld.push({ row: i.row, reason });
    else {
      decisions.push({ id: i.id, fields: i.fields });
      rows.push(i.row);
    }
  }
  const nameRow = layout.profile.get('Client')?.row;
  const typedName = nameRow !== undefined && computed(formulas, spills, nameRow, 2) === null;
  return { decisions, rows, withheld, typedName };
}
