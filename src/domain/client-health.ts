/**
 * A client's engineering health as read from its tab: the Delivery weeks with their DORA bands,
 * the Deliverables and the Exit criteria, with every cell that could not be read as a Problem.
 * A tab made before these sections has none of them: each reads as absent (null), never as a
 * problem.
 */
import type { ClientTabLayout, LocatedSection } from './client-tab-layout.js';
import { daysBetween } from './dates.js';
import { BAND_OF, MEASURES, bandRank, reliability, type Band, type Measure } from './dora.js';
import type { FieldValue } from './item-schemas.js';
import type { HealthKind, SectionSpec } from './registry-layout.js';
import { columnLetter, readCell, isNumeric, type Problem } from './section-items.js';
import { num, str } from './client-record.js';

export interface DeliveryWeek {
  row: number;
  /** The week's Monday (or whatever date the CTO types), ISO. */
  week: string;
  deployments: number | null;
  leadTime: number | null;
  changeFailure: number | null;
  restore: number | null;
  planned: number | null;
  shipped: number | null;
  blocked: number | null;
  incidents: number | null;
  bands: Record<Measure, Band | null>;
  reliability: number | null;
}

export interface Deliverable {
  row: number;
  deliverable: string;
  stage: string;
  status: string;
  due: string;
  deliveredOn: string;
  link: string;
}

export interface ExitCriterion {
  row: number;
  criterion: string;
  status: string;
}

export interface ClientHealth {
  /** Sorted by week, oldest first; null when the tab has no Delivery section. */
  delivery: DeliveryWeek[] | null;
  deliverables: Deliverable[] | null;
  exitCriteria: ExitCriterion[] | null;
}

type HealthSection = LocatedSection<SectionSpec<HealthKind>>;

/** Each data row's typed fields, by key; a cell that does not read is a Problem and reads blank. */
function readRows(
  section: HealthSection,
  tab: string,
  problems: Problem[],
): { row: number; fields: Record<string, FieldValue> }[] {
  const out: { row: number; fields: Record<string, FieldValue> }[] = [];
  for (const { row, cells } of section.rows) {
    const fields: Record<string, FieldValue> = {};
    for (const col of section.spec.columns) {
      const column = section.columns.get(col.header);
      if (column === undefined || col.type === 'formula') {
        fields[col.key] = isNumeric(col) ? null : '';
        continue;
      }
      const read = readCell(col, cells[column - 1]);
      fields[col.key] = read.value;
      if ('problem' in read)
        problems.push({ tab, cell: `${columnLetter(column)}${row}`, reason: read.problem });
    }
    const required = section.spec.required ?? '';
    if (required && !str(fields[required])) {
      const col = section.spec.columns.find((c) => c.key === required);
      const column = col && section.columns.get(col.header);
      // A row of only formula results is the pre-drawn row a week has not been typed into.
      if (!col || column === undefined) continue;
      const typed = section.spec.columns.some((c) => {
        const at = section.columns.get(c.header);
        return c.type !== 'formula' && at !== undefined && str(cells[at - 1]).trim() !== '';
      });
      if (typed)
        problems.push({
          tab,
          cell: `${columnLetter(column)}${row}`,
          reason: `${col.header} is empty: a ${section.spec.noun.toLowerCase()} row needs its ${col.header.toLowerCase()}${col.type === 'date' ? ' (a date)' : ''}`,
        });
      continue;
    }
    out.push({ row, fields });
  }
  return out;
}

/** A Delivery row's typed fields as a week with its bands. */
export function deliveryWeek(row: number, f: Record<string, FieldValue>): DeliveryWeek {
  const n = (k: string) => num(f[k]);
  const values: Record<Measure, number | null> = {
    deploy: n('deployments'),
    leadTime: n('leadTime'),
    changeFailure: n('changeFailure'),
    restore: n('timeToRestore'),
  };
  const bands = {} as Record<Measure, Band | null>;
  for (const m of MEASURES) bands[m] = BAND_OF[m](values[m]);
  return {
    row,
    week: str(f['week']),
    deployments: values.deploy,
    leadTime: values.leadTime,
    changeFailure: values.changeFailure,
    restore: values.restore,
    planned: n('planned'),
    shipped: n('shipped'),
    blocked: n('blockedItems'),
    incidents: n('incidents'),
    bands,
    reliability: reliability(n('planned'), n('shipped')),
  };
}

/** Weeks oldest first, as the trends and signals read them. */
export function byWeek(weeks: DeliveryWeek[]): DeliveryWeek[] {
  return weeks.sort((a, b) => a.week.localeCompare(b.week) || a.row - b.row);
}

/** The health sections of a located client tab; `problems` names every cell that did not read. */
export function readClientHealth(
  layout: ClientTabLayout,
  tab: string,
): { health: ClientHealth; problems: Problem[] } {
  const problems: Problem[] = [];
  const rowsOf = (kind: HealthKind) => {
    const section = layout.health.get(kind);
    return section ? readRows(section, tab, problems) : null;
  };
  const delivery = rowsOf('delivery');
  const deliverables = rowsOf('deliverable');
  const exit = rowsOf('exitCriterion');
  return {
    health: {
      delivery: delivery ? byWeek(delivery.map((r) => deliveryWeek(r.row, r.fields))) : null,
      deliverables:
        deliverables?.map((r) => ({
          row: r.row,
          deliverable: str(r.fields['deliverable']),
          stage: str(r.fields['forStage']),
          status: str(r.fields['status']),
          due: str(r.fields['due']),
          deliveredOn: str(r.fields['deliveredOn']),
          link: str(r.fields['link']),
        })) ?? null,
      exitCriteria:
        exit?.map((r) => ({
          row: r.row,
          criterion: str(r.fields['exitCriterion']),
          status: str(r.fields['status']),
        })) ?? null,
    },
    problems,
  };
}

export type Trend = '↑' | '→' | '↓' | '';

export interface MeasureNow {
  band: Band | null;
  /** The latest week's band against the band four weeks back (the oldest in the window). */
  trend: Trend;
  /** The week the band is from. */
  week: string;
}

/** How many days back, from the latest week with a band, a trend looks: four weekly rows. */
export const TREND_WINDOW_DAYS = 21;

/** The latest band of each measure and its four-week trend. */
export function latestBands(delivery: readonly DeliveryWeek[]): Record<Measure, MeasureNow> {
  const out = {} as Record<Measure, MeasureNow>;
  for (const m of MEASURES) {
    const banded = delivery.filter((w) => w.bands[m] !== null && w.week);
    const last = banded[banded.length - 1];
    if (!last) {
      out[m] = { band: null, trend: '', week: '' };
      continue;
    }
    const first = banded.find((w) => daysBetween(w.week, last.week) <= TREND_WINDOW_DAYS);
    const now = bandRank(last.bands[m] as Band);
    const then = first && first !== last ? bandRank(first.bands[m] as Band) : null;
    const trend: Trend = then === null ? '' : now > then ? '↑' : now < then ? '↓' : '→';
    out[m] = { band: last.bands[m], trend, week: last.week };
  }
  return out;
}

/**
 * The change failure band fell two weeks running: the last three weeks with a band, each worse
 * than the one before.
 */
export function changeFailureFalling(delivery: readonly DeliveryWeek[]): boolean {
  const ranks = delivery
    .filter((w) => w.bands.changeFailure !== null && w.week)
    .map((w) => bandRank(w.bands.changeFailure as Band));
  const [a, b, c] = ranks.slice(-3);
  return a !== undefined && b !== undefined && c !== undefined && b < a && c < b;
}

/** "n of m met": Exit criteria rows whose Status is Met, of all of them. */
export function exitCriteriaMet(exit: readonly ExitCriterion[]): { met: number; total: number } {
  return { met: exit.filter((e) => e.status === 'Met').length, total: exit.length };
}

const FINISHED_DELIVERABLE = ['Done', 'Dropped'];

/** A deliverable not done or dropped whose Due date has passed. */
export function isOverdueDeliverable(d: Deliverable, today: string): boolean {
  return !FINISHED_DELIVERABLE.includes(d.status) && d.due !== '' && d.due < today;
}
