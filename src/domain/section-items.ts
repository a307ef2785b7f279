/**
 * Reading a section's rows into items, column by column through the header names. A cell that
 * cannot be read is reported with its tab, cell and reason, and the rest is still read.
 */
import { splitTags } from './item-states.js';
import type { LocatedSection } from './client-tab-layout.js';
import type { FieldValue, ItemFields } from './item-schemas.js';
import type { ColumnSpec, SectionKind } from './registry-layout.js';
import { isIsoDate } from './dates.js';
import { itemRefs } from './item-ids.js';
import { num, str } from './client-record.js';
import { riskBand, riskScore } from './risk.js';

export interface Problem {
  tab: string;
  /** A1 address of the cell. */
  cell: string;
  reason: string;
}

export interface RegistryItem {
  kind: SectionKind;
  /** '' for a row typed by hand without an ID, and for every Team and Review log row. */
  id: string;
  /** What `updateItem` is given to change this row: its ID, or a row reference (see item-ids.ts). */
  ref: string;
  row: number;
  fields: ItemFields;
}

const ERROR_VALUE = /^#(REF!|N\/A|NAME\?|VALUE!|DIV\/0!|NUM!|ERROR!|NULL!)$/;

export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A column read as a number or null: the 1–5 scale and the delivery measures. */
export function isNumeric(col: ColumnSpec): boolean {
  return ['scale', 'count', 'hours', 'percent'].includes(col.type);
}

function shown(v: unknown): string {
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** A cell's value for its column, or the reason it cannot be read. */
export function readCell(
  col: ColumnSpec,
  raw: unknown,
): { value: FieldValue } | { problem: string; value: FieldValue } {
  const empty = raw === '' || raw === null || raw === undefined;
  if (typeof raw === 'string' && ERROR_VALUE.test(raw)) {
    return {
      problem: `${col.header} shows the error ${raw}`,
      value: isNumeric(col) ? null : '',
    };
  }
  switch (col.type) {
    case 'id':
    case 'text':
    case 'longText':
    case 'link':
      return { value: empty ? '' : str(raw).trim() };
    case 'formula':
      return { value: empty ? '' : typeof raw === 'number' ? raw : str(raw) };
    case 'tags':
      return {
        value: empty ? [] : splitTags(str(raw)),
      };
    case 'date':
      if (empty) return { value: '' };
      if (typeof raw === 'string' && isIsoDate(raw.trim())) return { value: raw.trim() };
      return { problem: `${col.header} must be a date; found "${shown(raw)}"`, value: '' };
    case 'scale':
      if (empty) return { value: null };
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 5)
        return { value: raw };
      return {
        problem: `${col.header} must be a whole number from 1 to 5; found "${shown(raw)}"`,
        value: null,
      };
    case 'count':
    case 'hours':
    case 'percent':
      return readMeasure(col.header, col.type, raw, empty);
    case 'choice': {
      if (empty) return { value: '' };
      const text = str(raw).trim();
      const match = (col.choices ?? []).find((c) => c.toLowerCase() === text.toLowerCase());
      if (match) return { value: match };
      return {
        problem: `${col.header} must be one of: ${(col.choices ?? []).join(', ')}; found "${shown(raw)}"`,
        value: text,
      };
    }
  }
}

const MEASURE_RULE: Record<'count' | 'hours' | 'percent', string> = {
  count: 'a whole number from 0, such as 4',
  hours: 'a number of hours from 0, such as 36 or 1.5',
  percent: 'a percentage from 0% to 100%, such as 12%',
};

/** A count, a number of hours, or a percentage (stored as a fraction, as Sheets stores 12%). */
function readMeasure(
  header: string,
  type: 'count' | 'hours' | 'percent',
  raw: unknown,
  empty: boolean,
): { value: FieldValue } | { problem: string; value: FieldValue } {
  if (empty) return { value: null };
  const ok =
    typeof raw === 'number' &&
    Number.isFinite(raw) &&
    raw >= 0 &&
    (type !== 'count' || Number.isInteger(raw)) &&
    (type !== 'percent' || raw <= 1);
  if (ok) return { value: raw };
  return {
    problem: `${header} must be ${MEASURE_RULE[type]}; found "${shown(raw)}"`,
    value: null,
  };
}

export function readSectionItems(
  section: LocatedSection,
  tab: string,
): { items: RegistryItem[]; problems: Problem[] } {
  const items: RegistryItem[] = [];
  const problems: Problem[] = [];
  const refs = itemRefs(section);
  section.rows.forEach(({ row, cells }, i) => {
    const fields: ItemFields = {};
    for (const col of section.spec.columns) {
      const column = section.columns.get(col.header);
      if (column === undefined) {
        fields[col.key] = isNumeric(col) ? null : col.type === 'tags' ? [] : '';
        continue;
      }
      const read = readCell(col, cells[column - 1]);
      fields[col.key] = read.value;
      if ('problem' in read)
        problems.push({ tab, cell: `${columnLetter(column)}${row}`, reason: read.problem });
    }
    items.push({
      kind: section.spec.kind,
      id: String(fields['id'] ?? ''),
      ref: refs[i] as string,
      row,
      fields,
    });
  });
  return { items, problems };
}

/**
 * A decision that names another in Supersedes while that one is not marked Superseded: what a
 * write cut short between the two rows leaves behind, or a hand edit. Reported, never rewritten.
 */
export function supersedeProblems(
  decisions: readonly RegistryItem[],
  section: LocatedSection,
  tab: string,
): Problem[] {
  const problems: Problem[] = [];
  const status = section.columns.get('Status');
  for (const d of decisions) {
    const target = String(d.fields['supersedes'] ?? '');
    if (!target) continue;
    const older = decisions.find((x) => x.id === target);
    if (older && older.fields['status'] !== 'Superseded' && status !== undefined) {
      problems.push({
        tab,
        cell: `${columnLetter(status)}${older.row}`,
        reason: `${d.id} supersedes ${target}, whose status is still ${String(older.fields['status']) || 'empty'}: set it to Superseded.`,
      });
    }
  }
  return problems;
}

/**
 * A risk whose Band cell does not show the band its Likelihood and Impact give: the formula was
 * pasted or typed over. Priorities ranks by the band the two numbers give; the Overview's live
 * count reads the cell, so the two would disagree without a word. Reported, never rewritten.
 */
export function riskBandProblems(
  risks: readonly RegistryItem[],
  section: LocatedSection,
  tab: string,
): Problem[] {
  const problems: Problem[] = [];
  const column = section.columns.get('Band');
  if (column === undefined) return problems;
  for (const r of risks) {
    const given = riskBand(riskScore(num(r.fields['likelihood']), num(r.fields['impact'])));
    const shownBand = str(r.fields['band']);
    if (given === null || shownBand === given) continue;
    problems.push({
      tab,
      cell: `${columnLetter(column)}${r.row}`,
      reason: `Band shows ${shownBand ? `"${shownBand}"` : 'nothing'} where Likelihood × Impact gives ${given}: its formula was pasted or typed over, so the Overview's count of high risks misses it. Copy Score and Band down from a row above.`,
    });
  }
  return problems;
}
