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
 * can look up every pending decision's relatives without scanning the registry each time.
 */
export function relatedDecisionIndex(
  clients: readonly ClientDecisions[],
): (tags: readonly string[], excludeClientId: string, limit: number) => RelatedDecision[] {
  const byTag = new Map<string, RelatedDecision[]>();
  for (const c of clients) {
    for (const d of c.decisions) {
      const own = (d.fields['tags'] as string[] | undefined) ?? [];
      const entry: RelatedDecision = {
        clientId: c.clientId,
        clientName: c.clientName,
        id: d.id,
        title: String(d.fields['title'] ?? ''),
        status: String(d.fields['status'] ?? ''),
        tags: own,
        sharedTags: [],
        date: String(d.fields['decidedOn'] || d.fields['proposedOn'] || ''),
      };
      for (const t of own) {
        let list = byTag.get(t);
        if (!list) byTag.set(t, (list = []));
        list.push(entry);
      }
    }
  }
  const newest = (a: RelatedDecision, b: RelatedDecision) =>
    b.date.localeCompare(a.date) ||
    a.clientName.localeCompare(b.clientName) ||
    a.id.localeCompare(b.id);
  for (const list of byTag.values()) list.sort(newest);
  return (tags, excludeClientId, limit) => {
    const wanted = splitTags(tags.join(','));
    const found = new Map<RelatedDecision, string[]>();
    for (const t of wanted) {
      let taken = 0;
      for (const d of byTag.get(t) ?? []) {
        if (taken >= limit) break;
        if (d.clientId === excludeClientId) continue;
        found.set(d, [...(found.get(d) ?? []), t]);
        taken++;
      }
    }
    return [...found.entries()]
      .map(([d, shared]) => ({ ...d, sharedTags: shared }))
      .sort(newest)
      .slice(0, limit);
  };
}
