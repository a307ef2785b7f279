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
 * The same answer for many questions: decisions indexed by tag, newest first, so the weekly plan
 * can look up every pending decision's relatives without scanning the registry each time. The
 * decisions are sorted once, all together, and each tag's list keeps that order; each decision's
 * place in it orders what a question finds without comparing texts again.
 */
export function relatedDecisionIndex(
  clients: readonly ClientDecisions[],
): (tags: readonly string[], excludeClientId: string, limit: number) => RelatedDecision[] {
  const all: RelatedDecision[] = [];
  for (const c of clients) {
    for (const d of c.decisions) {
      all.push({
        clientId: c.clientId,
        clientName: c.clientName,
        id: d.id,
        title: String(d.fields['title'] ?? ''),
        status: String(d.fields['status'] ?? ''),
        tags: (d.fields['tags'] as string[] | undefined) ?? [],
        sharedTags: [],
        date: String(d.fields['decidedOn'] || d.fields['proposedOn'] || ''),
      });
    }
  }
  const newest = (a: RelatedDecision, b: RelatedDecision) =>
    b.date.localeCompare(a.date) ||
    a.clientName.localeCompare(b.clientName) ||
    a.id.localeCompare(b.id);
  // A stable sort: decisions that compare equal keep the registry's order, as they did when each
  // tag's list was sorted on its own, and share one place.
  all.sort(newest);
  const place = new Map<RelatedDecision, number>();
  const byTag = new Map<string, RelatedDecision[]>();
  all.forEach((entry, i) => {
    const previous = all[i - 1];
    place.set(entry, previous && newest(previous, entry) === 0 ? (place.get(previous) ?? i) : i);
    for (const t of entry.tags) {
      let list = byTag.get(t);
      if (!list) byTag.set(t, (list = []));
      list.push(entry);
    }
  });
  return (tags, excludeClientId, limit) => {
    const wanted = splitTags(tags.join(','));
    const found = new Map<RelatedDecision, string[]>();
    for (const t of wanted) {
      let taken = 0;
      for (const d of byTag.get(t) ?? []) {
        if (taken >= limit) break;
        if (d.clientId === excludeClientId) continue;
        const shared = found.get(d);
        if (shared) shared.push(t);
        else found.set(d, [t]);
        taken++;
      }
    }
    return [...found.keys()]
      .sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0))
      .slice(0, limit)
      .map((d) => ({ ...d, sharedTags: found.get(d) ?? [] }));
  };
}
