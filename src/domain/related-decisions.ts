/** Decisions at other clients that share a tag with the one being written: context, not copying. */
import { splitTags } from './item-states.js';
import type { RegistryItem } from './section-items.js';

export interface RelatedDecision {
  clientId: string;
  clientName: string;
  id: string;
  title: string;
  status: string;
  tags: string[];
  sharedTags: string[];
  /** Decided on, else proposed on: what "newest" is measured by. */
  date: string;
}

/** A decision that may be related to another: every field a related-decision line shows. */
export type RelatedCandidate = Omit<RelatedDecision, 'sharedTags'>;

export interface ClientDecisions {
  clientId: string;
  clientName: string;
  decisions: RegistryItem[];
}

/** Every decision at another client sharing a tag, newest first. */
export function relatedDecisions(
  clients: readonly ClientDecisions[],
  tags: readonly string[],
  excludeClientId: string,
): RelatedDecision[] {
  return relatedDecisionIndex(clients)(tags, excludeClientId, Number.POSITIVE_INFINITY);
}

/**
 * The decisions a related list can name, each reduced to the fields the list shows (an allow-list:
 * no other column of a decision is copied); a decision without a tag is never related.
 */
export function relatedCandidates(clients: readonly ClientDecisions[]): RelatedCandidate[] {
  const out: RelatedCandidate[] = [];
  for (const c of clients) {
    for (const d of c.decisions) {
      const tags = (d.fields['tags'] as string[] | undefined) ?? [];
      if (tags.length === 0) continue;
      out.push({
        clientId: c.clientId,
        clientName: c.clientName,
        id: d.id,
        title: String(d.fields['title'] ?? ''),
        status: String(d.fields['status'] ?? ''),
        tags,
        date: String(d.fields['decidedOn'] || d.fields['proposedOn'] || ''),
      });
    }
  }
  return out;
}

/**
 * The same answer for many questions: decisions indexed by tag, newest first, so the weekly plan
 * can look up every pending decision's relatives without scanning the registry each time. The
 * decisions are sorted once, all together, and each tag's list keeps that order; each decision's
 * place in it orders what a question finds without comparing texts again. Only the decisions a
 * question finds are written out.
 */
export function relatedDecisionIndex(
  clients: readonly ClientDecisions[],
): (tags: readonly string[], excludeClientId: string, limit: number) => RelatedDecision[] {
  return relatedIndex(relatedCandidates(clients));
}

/** The index over candidates already reduced: what the sidebar builds from its one server call. */
export function relatedIndex(
  candidates: readonly RelatedCandidate[],
): (tags: readonly string[], excludeClientId: string, limit: number) => RelatedDecision[] {
  const newest = (a: RelatedCandidate, b: RelatedCandidate) =>
    b.date.localeCompare(a.date) ||
    a.clientName.localeCompare(b.clientName) ||
    a.id.localeCompare(b.id);
  // A stable sort: candidates that compare equal keep the registry's order, as they did when each
  // tag's list was sorted on its own, and share one place.
  const sorted = [...candidates].sort(newest);
  const places: number[] = [];
  const byTag = new Map<string, number[]>();
  sorted.forEach((d, at) => {
    const before = sorted[at - 1];
    places.push(before !== undefined && newest(before, d) === 0 ? (places[at - 1] as number) : at);
    for (const t of d.tags) {
      let list = byTag.get(t);
      if (!list) byTag.set(t, (list = []));
      list.push(at);
    }
  });
  return (tags, excludeClientId, limit) => {
    const wanted = splitTags(tags.join(','));
    const found = new Map<number, string[]>();
    for (const t of wanted) {
      let taken = 0;
      for (const at of byTag.get(t) ?? []) {
        if (taken >= limit) break;
        if (sorted[at]?.clientId === excludeClientId) continue;
        const shared = found.get(at);
        if (shared) shared.push(t);
        else found.set(at, [t]);
        taken++;
      }
    }
    return [...found.keys()]
      .sort((a, b) => (places[a] as number) - (places[b] as number))
      .slice(0, limit)
      .map((at) => ({ ...(sorted[at] as RelatedCandidate), sharedTags: found.get(at) ?? [] }));
  };
}
