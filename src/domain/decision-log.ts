/**
 * The Decision log: every decision across clients, newest first, each with its cycle time, its
 * supersede links both ways and one log line in the form the seeds use ("Acme: accepted ADR-4
 * Switch to MongoDB (2026-11-18). Rationale: …"), so a decision at one client reads as context
 * for another. Built from the allow-listed decision fields only: no private note reaches it.
 */
import type { ClientTabLayout, Grid } from './client-tab-layout.js';
import { daysBetween } from './dates.js';
import { exportableDecisions } from './decision-export-guard.js';
import { adrNumber, exportedFields, fieldText } from './decision-records.js';
import { SHOWN_TEXT_LIMIT } from './long-text.js';
import type { ItemFields } from './item-schemas.js';
import type { RegistryItem } from './section-items.js';

export interface DecisionLogClient {
  clientId: string;
  clientName: string;
  decisions: readonly Pick<RegistryItem, 'id' | 'row' | 'fields'>[];
}

export interface DecisionLogRow {
  clientId: string;
  clientName: string;
  id: string;
  /** The decision's row in its client tab, for the link to its cell. */
  row: number;
  title: string;
  status: string;
  proposedOn: string;
  decidedOn: string;
  /** Decided on − proposed on, in days; null unless both are dates. */
  cycleDays: number | null;
  tags: string;
  supersedes: string;
  supersededBy: string;
  summary: string;
}

/**
 * The rows of a client tab's decisions the log may show: those an export may carry (ADR 25). A
 * Decisions section in doubt, or a row that is another section's (its header row deleted, a
 * private note would stand under Tags), is left out rather than shown on a guess. The tab's
 * formulas are not read here (one more call per tab): the log stays inside the registry.
 */
export function loggableRows(grid: Grid, layout: ClientTabLayout, tabName: string): Set<number> {
  const kept = exportableDecisions(grid, [], layout, tabName);
  return new Set('doubt' in kept ? [] : kept.rows);
}

/** Decision cycle time: days from proposed to decided, when both are known. */
export function decisionCycleDays(fields: ItemFields): number | null {
  const proposed = fieldText(fields, 'proposedOn');
  const decided = fieldText(fields, 'decidedOn');
  return proposed && decided ? daysBetween(proposed, decided) : null;
}

/** The decision's date in the log: decided on, else proposed on. */
export function decisionDate(fields: ItemFields): string {
  return fieldText(fields, 'decidedOn') || fieldText(fields, 'proposedOn');
}

const RATIONALE_LENGTH = 160;

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** "Acme: accepted ADR-4 Switch to MongoDB (2026-11-18). Rationale: writes spike." */
export function decisionSummary(clientName: string, id: string, fields: ItemFields): string {
  const status = fieldText(fields, 'status').toLowerCase() || 'recorded';
  const date = decisionDate(fields);
  const head = `${clientName}: ${status} ${[id, oneLine(fieldText(fields, 'title'), 200)].filter(Boolean).join(' ')}${date ? ` (${date})` : ''}.`;
  const why = oneLine(
    fieldText(fields, 'decision') || fieldText(fields, 'context'),
    RATIONALE_LENGTH,
  );
  return oneLine(why ? `${head} Rationale: ${why}` : head, SHOWN_TEXT_LIMIT);
}

/** Every client's decisions, newest first (then by client name, then newest ID first). */
export function decisionLog(clients: readonly DecisionLogClient[]): DecisionLogRow[] {
  const rows: DecisionLogRow[] = [];
  for (const c of clients) {
    const supersededBy = new Map<string, string[]>();
    for (const d of c.decisions) {
      const target = fieldText(d.fields, 'supersedes');
      if (target && d.id) supersededBy.set(target, [...(supersededBy.get(target) ?? []), d.id]);
    }
    for (const d of c.decisions) {
      const fields = exportedFields(d.fields);
      rows.push({
        clientId: c.clientId,
        clientName: c.clientName,
        id: d.id,
        row: d.row,
        title: fieldText(fields, 'title'),
        status: fieldText(fields, 'status'),
        proposedOn: fieldText(fields, 'proposedOn'),
        decidedOn: fieldText(fields, 'decidedOn'),
        cycleDays: decisionCycleDays(fields),
        tags: fieldText(fields, 'tags'),
        supersedes: fieldText(fields, 'supersedes'),
        supersededBy: (d.id ? (supersededBy.get(d.id) ?? []) : []).join(', '),
        summary: decisionSummary(c.clientName, d.id, fields),
      });
    }
  }
  const date = (r: DecisionLogRow): string => r.decidedOn || r.proposedOn;
  const n = (r: DecisionLogRow): number => adrNumber(r.id) ?? 0;
  return rows.sort(
    (a, b) =>
      date(b).localeCompare(date(a)) || a.clientName.localeCompare(b.clientName) || n(b) - n(a),
  );
}
