/**
 * A client tab read for its founders: only the allow-listed fields (founder-allow-list.ts), read
 * through the registry's one parser, and only what can be read with confidence. Whatever cannot
 * is withheld and said, never shared on a guess: a section whose header row is missing, renamed
 * or moved; a column that may not be where its header says; a cell that does not read (a choice
 * outside its list); text outside any section; a formula in a shared field.
 */
import { columnLetter, readCell } from './section-items.js';
import { locateClientTab, type Grid } from './client-tab-layout.js';
import type { LocatedSection } from './client-tab-layout.js';
import { profileRule } from './client-summary.js';
import { quadrantOf, type Thresholds } from './debt.js';
import { riskBand, riskScore } from './risk.js';
import { isBlankValue, readLabelled } from './labelled-values.js';
import { SECTIONS, type SectionSpec } from './registry-layout.js';
import type { ItemFields } from './item-schemas.js';
import { num, str } from './client-record.js';
import {
  FOUNDER_DELIVERY_FIELDS,
  FOUNDER_COMPUTED,
  FOUNDER_FIELDS,
  FOUNDER_KEY_FIELD,
  FOUNDER_PROFILE,
} from './founder-allow-list.js';
import { findRegions, type Regions } from './founder-regions.js';
import { sectionDoubt } from './founder-doubts.js';
import { spilledFrom, spillSources, type SpillSource } from './formula-spill.js';

export interface Withheld {
  /** A1 address of the first cell withheld. */
  cell: string;
  /** Where, in the CTO's words: "Risks, rows 26–29", "Technical debt, row 21, Notes (N21)". */
  where: string;
  /** Why, as a clause without a full stop. */
  reason: string;
}

export interface FounderItem {
  /** 1-based row in the client's tab: what the week's plan refers to. */
  row: number;
  fields: ItemFields;
}

export interface FounderSection {
  spec: SectionSpec;
  /** False when the section cannot be read with confidence: none of its rows is shared. */
  shared: boolean;
  items: FounderItem[];
}

export interface FounderRecord {
  /** The client's name as typed beside Client; null when it cannot be shared. */
  name: string | null;
  /** Allow-listed profile values that were read, by label. */
  profile: Map<string, string | number>;
  sections: FounderSection[];
  /**
   * The Delivery weeks' allow-listed measures (FOUNDER_DELIVERY_FIELDS), for the Summary's bands;
   * null when the tab has no Delivery section or a shared column's header is missing.
   */
  delivery: FounderItem[] | null;
  withheld: Withheld[];
}

export interface FounderTab {
  /** The tab's values, dates as ISO dates. */
  grid: Grid;
  /** The tab's formulas (`Range.getFormulas`): '' where a cell holds none. */
  formulas: Grid;
  thresholds: Thresholds;
}

/** The tab with the formulas that can fill cells other than their own. */
interface ReadTab extends FounderTab {
  spills: readonly SpillSource[];
}

/** Why a shared cell cannot be taken as typed: it holds a formula, or may hold a spilled value. */
function formulaIn(tab: ReadTab, row: number, column: number): string | null {
  if (str(tab.formulas[row - 1]?.[column - 1])) return FORMULA;
  const spill = spilledFrom(tab.spills, row, column);
  return spill
    ? `may hold a value spilled from the formula in ${spill.cell}, which can fill the cells below and to its right`
    : null;
}

const FORMULA = 'a formula: only typed values are shared';

function shown(v: unknown): string {
  const s = str(v).replace(/\s+/g, ' ').trim();
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function rows(from: number, to: number): string {
  return from === to ? `row ${from}` : `rows ${from}–${to}`;
}

function readProfile(
  tab: ReadTab,
  profileRows: Map<string, { row: number; value: unknown }>,
  withheld: Withheld[],
): { name: string | null; profile: Map<string, string | number> } {
  const profile = new Map<string, string | number>();
  let name: string | null = null;
  for (const label of FOUNDER_PROFILE) {
    const cell = profileRows.get(label);
    if (!cell) continue;
    const where = `Profile, ${label} (B${cell.row})`;
    const formula = formulaIn(tab, cell.row, 2);
    if (formula) {
      withheld.push({ cell: `B${cell.row}`, where, reason: formula });
      continue;
    }
    const raw = cell.value;
    if (isBlankValue(raw) || (typeof raw === 'string' && !raw.trim())) {
      profile.set(label, '');
      continue;
    }
    const rule = profileRule(label)?.rule ?? { type: 'text' as const };
    const read = readLabelled(label, rule, raw);
    if ('problem' in read) {
      withheld.push({ cell: `B${cell.row}`, where, reason: read.problem });
      continue;
    }
    profile.set(label, read.value);
    if (label === 'Client' && typeof read.value === 'string') name = read.value;
  }
  return { name, profile };
}

/**
 * Why a row may not be a row of its section at all: no ID of the section's own form. Only such
 * an ID tells a row of Risks from a row of another section read under its header (a header row
 * deleted below it); a row typed without one waits for one.
 */
function foreignRow(
  tab: ReadTab,
  section: LocatedSection,
  row: number,
  cells: readonly unknown[],
): { column: number; reason: string } | null {
  const spec = section.spec;
  const prefix = spec.idPrefix;
  const column = section.columns.get('ID');
  if (!prefix || column === undefined) return null;
  const formula = formulaIn(tab, row, column);
  if (formula) return { column, reason: formula };
  const id = str(cells[column - 1]).trim();
  if (new RegExp(`^${prefix}-\\d+$`).test(id)) return null;
  return {
    column,
    reason: id
      ? `"${shown(id)}" is not a ${spec.noun.toLowerCase()} ID (${prefix}-n): the row may belong to another section`
      : `no ID: a row is shared once it has one (${prefix}-n), so that it cannot be another section's row`,
  };
}

/** The row's allow-listed fields, or every reason it cannot be shared. */
function readRow(
  tab: ReadTab,
  section: LocatedSection,
  row: number,
  cells: readonly unknown[],
): { fields: ItemFields } | { withheld: Withheld[] } {
  const spec = section.spec;
  const at = (column: number, what: string, reason: string): Withheld => ({
    cell: `${columnLetter(column)}${row}`,
    where: `${spec.title}, row ${row}, ${what} (${columnLetter(column)}${row})`,
    reason,
  });
  const foreign = foreignRow(tab, section, row, cells);
  if (foreign) return { withheld: [at(foreign.column, 'ID', foreign.reason)] };
  const reasons: Withheld[] = [];
  const computed = FOUNDER_COMPUTED[spec.kind] ?? [];
  const fields: ItemFields = {};
  for (const key of FOUNDER_FIELDS[spec.kind]) {
    if (computed.includes(key)) continue;
    const col = spec.columns.find((c) => c.key === key);
    const column = col && section.columns.get(col.header);
    if (!col || column === undefined) continue;
    const formula = formulaIn(tab, row, column);
    if (formula) {
      reasons.push(at(column, col.header, formula));
      continue;
    }
    const read = readCell(col, cells[column - 1]);
    if ('problem' in read) reasons.push(at(column, col.header, read.problem));
    fields[key] = read.value;
  }
  const key = FOUNDER_KEY_FIELD[spec.kind];
  if (reasons.length === 0 && !str(fields[key])) {
    const keyHeader = spec.columns.find((c) => c.key === key)?.header ?? key;
    reasons.push({
      cell: `A${row}`,
      where: `${spec.title}, row ${row}`,
      reason: `no ${keyHeader}: the row may not belong to this section`,
    });
  }
  if (reasons.length) return { withheld: reasons };
  if (spec.kind === 'debt')
    fields['quadrant'] =
      quadrantOf(num(fields['impact']), num(fields['effort']), tab.thresholds) ?? '';
  if (spec.kind === 'risk') {
    const score = riskScore(num(fields['likelihood']), num(fields['impact']));
    fields['score'] = score;
    fields['band'] = riskBand(score) ?? '';
  }
  return { fields };
}

function readSection(
  tab: ReadTab,
  section: LocatedSection,
  regions: Regions,
  others: readonly LocatedSection[],
  withheld: Withheld[],
): FounderSection {
  const spec = section.spec;
  const doubt = sectionDoubt(tab.grid, section, others, regions);
  if (doubt) {
    withheld.push({
      cell: `A${section.headerRow}`,
      where: `${spec.title}, ${rows(section.titleRow, section.endRow)}`,
      reason: doubt,
    });
    return { spec, shared: false, items: [] };
  }
  for (const key of FOUNDER_FIELDS[spec.kind]) {
    const col = spec.columns.find((c) => c.key === key);
    if (!col || (FOUNDER_COMPUTED[spec.kind] ?? []).includes(key)) continue;
    if (!section.columns.has(col.header))
      withheld.push({
        cell: `A${section.headerRow}`,
        where: `${spec.title}, ${col.header} column`,
        reason: `row ${section.headerRow} has no "${col.header}" header: that field is not shared`,
      });
  }
  const items: FounderItem[] = [];
  for (const { row, cells } of section.rows) {
    if (row > (regions.sections.get(spec.kind)?.lastRow ?? 0)) break;
    const read = readRow(tab, section, row, cells);
    if ('withheld' in read) withheld.push(...read.withheld);
    else items.push({ row, fields: read.fields });
  }
  return { spec, shared: true, items };
}

/** The client tab as a founder may see it, with everything withheld and why. */
export function readFounderRecord(founderTab: FounderTab): FounderRecord {
  const tab: ReadTab = { ...founderTab, spills: spillSources(founderTab.formulas) };
  const layout = locateClientTab(tab.grid);
  const withheld: Withheld[] = [];
  const regions = findRegions(tab.grid, layout);
  const { name, profile } = readProfile(tab, layout.profile, withheld);
  const located = [...layout.sections.values()];
  const sections = SECTIONS.map((spec): FounderSection => {
    const section = layout.sections.get(spec.kind);
    if (!section) return { spec, shared: false, items: [] };
    return readSection(
      tab,
      section,
      regions,
      located.filter((o) => o !== section),
      withheld,
    );
  });
  const delivery = readDelivery(tab, layout, withheld);
  withheld.push(...regions.withheld);
  withheld.sort((a, b) => rowOf(a.cell) - rowOf(b.cell));
  return { name, profile, sections, delivery, withheld };
}

/**
 * The Delivery rows' typed measures, each cell through the one parser: a row with a formula in a
 * shared column, or a cell that does not read, is withheld whole. The band columns are formulas
 * and never read: the Summary computes the bands from the measures (dora.ts).
 */
function readDelivery(
  tab: ReadTab,
  layout: ReturnType<typeof locateClientTab>,
  withheld: Withheld[],
): FounderItem[] | null {
  const section = layout.health.get('delivery');
  if (!section) return null;
  const spec = section.spec;
  const columns = FOUNDER_DELIVERY_FIELDS.map((key) => {
    const col = spec.columns.find((c) => c.key === key);
    return { key, col, column: col && section.columns.get(col.header) };
  });
  const missing = columns.find((c) => c.column === undefined);
  if (missing) {
    withheld.push({
      cell: `A${section.headerRow}`,
      where: `${spec.title}, ${missing.col?.header ?? missing.key} column`,
      reason: `row ${section.headerRow} has no "${missing.col?.header ?? missing.key}" header: the delivery bands are not shared`,
    });
    return null;
  }
  const items: FounderItem[] = [];
  for (const { row, cells } of section.rows) {
    const fields: ItemFields = {};
    const reasons: Withheld[] = [];
    for (const { key, col, column } of columns) {
      if (!col || column === undefined) continue;
      const at = `${columnLetter(column)}${row}`;
      const where = `${spec.title}, row ${row}, ${col.header} (${at})`;
      const formula = formulaIn(tab, row, column);
      if (formula) {
        reasons.push({ cell: at, where, reason: formula });
        continue;
      }
      const read = readCell(col, cells[column - 1]);
      if ('problem' in read) reasons.push({ cell: at, where, reason: read.problem });
      fields[key] = read.value;
    }
    if (reasons.length) withheld.push(...reasons);
    else if (str(fields['week'])) items.push({ row, fields });
  }
  return items;
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}
