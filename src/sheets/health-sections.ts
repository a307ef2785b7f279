/**
 * The health sections' starting rows (health-layout.ts), drawn in a new client tab's one write:
 * Delivery's weeks with their live band formulas, the stage's deliverables, the exit criteria.
 * And the one later write: a client whose Stage moved it into a new stage group is given that
 * group's deliverables, appended below its own rows.
 */
import type { ClientTabLayout } from '../domain/client-tab-layout.js';
import { DELIVERABLE_STATUSES, EXIT_STATUSES } from '../domain/health-layout.js';
import type { HealthKind, SectionSpec } from '../domain/registry-layout.js';
import {
  deliverablesToSeed,
  EXIT_CRITERIA,
  STAGE_DELIVERABLES,
  stageGroupOf,
  type DeliverableLine,
} from '../domain/stage-deliverables.js';
import { writeCells, type CellInput } from './cell-text.js';
import { deliveryRowFormulas } from './formulas.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Blank rows a new tab's Deliverables section keeps below its stage's: room for the next stage
 * group's five, so that seeding them inserts no sheet row (and moves nothing below).
 */
export const DELIVERABLE_SPARE_ROWS = 6;

/** Weeks drawn with their formulas: a quarter. Later weeks: copy the last row down (README). */
export const DELIVERY_ROWS = 13;

/** Number formats of the health columns that are not dates, by header. */
export const HEALTH_FORMATS: Record<string, string> = {
  'Change failure (%)': '0%',
  Reliability: '0%',
};

function rowOf(
  spec: SectionSpec<HealthKind>,
  byHeader: ReadonlyMap<string, CellInput>,
): CellInput[] {
  return spec.columns.map((c) => byHeader.get(c.header) ?? '');
}

/** A deliverable as a new row: its name, its stage group, Not started. */
export function deliverableRow(
  spec: SectionSpec<HealthKind>,
  deliverable: string,
  group: string,
): CellInput[] {
  return rowOf(
    spec,
    new Map([
      ['Deliverable', deliverable],
      ['For stage', group],
      ['Status', DELIVERABLE_STATUSES[0]],
    ]),
  );
}

/** The data rows a health section starts with in a new tab; `firstRow` is the first one's row. */
export function healthRows(
  spec: SectionSpec<HealthKind>,
  stage: string,
  firstRow: number,
): CellInput[][] {
  switch (spec.kind) {
    case 'delivery': {
      const column = (header: string) => {
        const i = spec.columns.findIndex((c) => c.header === header);
        return i < 0 ? undefined : i + 1;
      };
      return Array.from({ length: DELIVERY_ROWS }, (_, i) =>
        rowOf(spec, deliveryRowFormulas(firstRow + i, column)),
      );
    }
    case 'deliverable': {
      const group = stageGroupOf(stage);
      const rows = group
        ? STAGE_DELIVERABLES[group].map((d) => deliverableRow(spec, d, group))
        : [];
      return [...rows, ...Array.from({ length: DELIVERABLE_SPARE_ROWS }, () => [])];
    }
    case 'exitCriterion':
      return [
        ...EXIT_CRITERIA.map((e) =>
          rowOf(
            spec,
            new Map([
              ['Exit criterion', e],
              ['Status', EXIT_STATUSES[0]],
            ]),
          ),
        ),
        [],
      ];
  }
}

/**
 * Gives a client its new stage group's deliverables when its Stage moved it into one it has none
 * of (stage-deliverables.ts): rows appended below the section's last filled row, inserting sheet
 * rows only where no blank row is left before the next section. Nothing is changed or removed.
 * Returns the deliverables added; none, and no call made, when there is nothing to add.
 */
export function seedStageDeliverables(
  sheet: Sheet,
  layout: ClientTabLayout,
  stage: string,
  existing: readonly DeliverableLine[] | null,
): { added: string[]; insertedRows: number } {
  const none = { added: [], insertedRows: 0 };
  const section = layout.health.get('deliverable');
  if (!section || !existing) return none;
  const seed = deliverablesToSeed(stage, existing);
  if (!seed) return none;
  const n = seed.deliverables.length;
  const empty = section.lastFilledRow === section.headerRow;
  const first = section.lastFilledRow + 1;
  const followed = [...layout.sections.values(), ...layout.health.values()].some(
    (s) => s.titleRow > section.titleRow,
  );
  // Keep one blank row before the next section's title; the last section may run to the end.
  const spare = followed ? section.endRow - section.lastFilledRow - 1 : Number.MAX_SAFE_INTEGER;
  const insertedRows = spare < n ? n - spare : 0;
  if (insertedRows) {
    if (empty) sheet.insertRowsBefore(first, insertedRows);
    else sheet.insertRowsAfter(section.lastFilledRow, insertedRows);
  }
  const width = Math.max(...section.columns.values());
  const lines = seed.deliverables.map((d) => {
    const line = new Array<CellInput>(width).fill('');
    const set = (header: string, v: CellInput) => {
      const c = section.columns.get(header);
      if (c !== undefined) line[c - 1] = v;
    };
    set('Deliverable', d);
    set('For stage', seed.group);
    set('Status', DELIVERABLE_STATUSES[0]);
    return line;
  });
  writeCells(sheet.getRange(first, 1, n, width), lines);
  return { added: seed.deliverables, insertedRows };
}
