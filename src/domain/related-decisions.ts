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
 * place in it orders what a question finds without comparing texts again. Only the decisions a
 * question finds are written out.
 */
export function relatedDecisionIndex(
  clients: readonly ClientDecisions[],
): (tags: readonly string[], excludeClientId: string, limit: number) => RelatedDecision[] {
  const owners: ClientDecisions[] = [];
  const decisions: RegistryItem[] = [];
  const dates: string[] = [];
  for (const c of clients) {
    for (const d of c.decisions) {
      owners.push(c);
      decisions.push(d);
      // Decided on, else proposed on.
      dates.push(String(d.fields['decidedOn'] || d.fields['proposedOn'] || ''));
    }
  }
  const tagsOf = (i: number) => (decisions[i]?.fields['tags'] as string[] | undefined) ?? [];
  const newest = (a: number, b: number) =>
    (dates[b] as string).localeCompare(dates[a] as string) ||
    (owners[a] as ClientDecisions).clientName.localeCompare(
      (owners[b] as ClientDecisions).clientName,
    ) ||
    (decisions[a] as RegistryItem).id.localeCompare((decisions[b] as RegistryItem).id);
  // A stable sort: decisions that compare equal keep the registry's order, as they did when each
  // tag's list was sorted on its own, and share one place.
  const sorted = decisions.map((_, i) => i).sort(newest);
  const places: number[] = [];
  const byTag = new Map<string, number[]>();
  sorted.forEach((i, at) => {
    const before = sorted[at - 1];
    places.push(before !== undefined && newest(before, i) === 0 ? (places[at - 1] as number) : at);
    for (const t of tagsOf(i)) {
      let list = byTag.get(t);
      if (!list) byTag.set(t, (list = []));
      list.push(at);
    }
  });
  const written = (at: number, sharedTags: string[]): RelatedDecision => {
    const i = sorted[at] as number;
    const owner = owners[i] as ClientDecisions;
    const d = decisions[i] as RegistryItem;
    return {
      clientId: owner.clientId,
      clientName: owner.clientName,
      id: d.id,
      title: String(d.fields['title'] ?? ''),
      status: String(d.fields['status'] ?? ''),
      tags: tagsOf(i),
      sharedTags,
      date: dates[i] as string,
    };
  };
  return (tags, excludeClientId, limit) => {
    const wanted = splitTags(tags.join(','));
    const found = new Map<number, string[]>();
    for (const t of wanted) {
      let taken = 0;
      for (const at of byTag.get(t) ?? []) {
        if (taken >= limit) break;
        if (owners[sorted[at] as number]?.clientId === excludeClientId) continue;
        const shared = found.get(at);
        if (shared) shared.push(t);
        else found.set(at, [t]);
        taken++;
      }
    }
    return [...found.keys()]
      .sort((a, b) => (places[a] as number) - (places[b] as number))
      .slice(0, limit)
      .map((at) => written(at, found.get(at) ?? []));
  };
}
