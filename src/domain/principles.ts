/**
 * Principle conflicts: a Proposed or Accepted decision whose tags meet an active principle's
 * Avoid list, with no Exception written.
 */
import type { Grid } from './client-tab-layout.js';
import { readHeaderTable, splitList } from './header-table.js';
import { str, type ClientRecord } from './client-record.js';
import { tagsOf } from './item-states.js';
import type { RegistryItem } from './section-items.js';

export const PRINCIPLE_HEADERS = [
  'ID',
  'Principle',
  'Category',
  'Standard',
  'Avoid',
  'Rationale',
  'Since',
  'Status',
] as const;

export interface Principle {
  id: string;
  principle: string;
  category?: string;
  standard: string;
  avoid: string[];
  /** Avoid as typed, for the names the radar shows. */
  avoidText?: string;
  rationale?: string;
  /** As typed: an ISO date when the tab's dates were read as such. */
  since?: string;
  active: boolean;
}

export function readPrinciples(grid: Grid): Principle[] {
  return readHeaderTable(grid, PRINCIPLE_HEADERS)
    .map((r) => ({
      id: r.get('ID'),
      principle: r.get('Principle'),
      category: r.get('Category'),
      standard: r.get('Standard'),
      avoid: splitList(r.get('Avoid')),
      avoidText: r.get('Avoid'),
      rationale: r.get('Rationale'),
      since: r.get('Since'),
      active: !/^(retired|inactive|deprecated|superseded)$/i.test(r.get('Status')),
    }))
    .filter((p) => p.principle || p.id);
}

export interface Conflict {
  clientId: string;
  clientName: string;
  decisionId: string;
  decisionTitle: string;
  principleId: string;
  principle: string;
  matched: string[];
  /** "conflicts with P-2: Standardise on PostgreSQL" */
  message: string;
}

/** What a principle conflict needs of a principle; all the sidebar is given of one (ADR 22). */
export type PrincipleRule = Pick<Principle, 'id' | 'principle' | 'avoid' | 'active'>;

/** "conflicts with P-2: Standardise on PostgreSQL": the principle as the CTO wrote it ("AWS only" stays so). */
export function conflictMessage(p: Pick<Principle, 'id' | 'principle'>): string {
  return `conflicts with ${p.id}: ${p.principle}`;
}

export function conflictsOf<P extends PrincipleRule>(
  decision: Pick<RegistryItem, 'fields'>,
  principles: readonly P[],
): { principle: P; matched: string[] }[] {
  const status = str(decision.fields['status']);
  if (status !== 'Proposed' && status !== 'Accepted') return [];
  if (str(decision.fields['exception']).trim()) return [];
  const tags = (decision.fields['tags'] as string[] | undefined) ?? [];
  const out: { principle: P; matched: string[] }[] = [];
  for (const p of principles) {
    if (!p.active) continue;
    const matched = tags.filter((t) => p.avoid.includes(t));
    if (matched.length) out.push({ principle: p, matched });
  }
  return out;
}

export function principleConflicts(
  clients: readonly ClientRecord[],
  principles: readonly Principle[],
): Conflict[] {
  const out: Conflict[] = [];
  // Without an active principle nothing conflicts: the decisions are not read at all.
  if (!principles.some((p) => p.active)) return out;
  for (const c of clients) {
    for (const d of c.items.decision) {
      // Tags read from a tab are a list of texts already: only others are read (tagsOf) into a copy.
      const tags = d.fields['tags'];
      const listed = Array.isArray(tags) && tags.every((t) => typeof t === 'string');
      const decision = listed ? d : { fields: { ...d.fields, tags: tagsOf(d) } };
      for (const { principle, matched } of conflictsOf(decision, principles)) {
        out.push({
          clientId: c.id,
          clientName: c.name,
          decisionId: d.id,
          decisionTitle: str(d.fields['title']),
          principleId: principle.id,
          principle: principle.principle,
          matched,
          message: conflictMessage(principle),
        });
      }
    }
  }
  return out;
}
