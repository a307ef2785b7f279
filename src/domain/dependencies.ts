/**
 * Dependency notices: a decision or debt item at the provider client, dated in the last 7 days,
 * whose tags meet the dependency's Match tags (or its Component): the consumer must be told.
 */
import type { Grid } from './client-tab-layout.js';
import { daysBetween } from './dates.js';
import { readHeaderTable, splitList } from './header-table.js';
import { str, type ClientRecord } from './client-record.js';
import { tagsOf } from './item-states.js';
import type { Problem } from './section-items.js';

export const DEPENDENCY_HEADERS = [
  'Consumer client',
  'Provider client',
  'Component',
  'Match tags',
  'Notes',
] as const;
export const NOTICE_WINDOW_DAYS = 7;

export interface Dependency {
  row: number;
  consumer: string;
  provider: string;
  component: string;
  matchTags: string[];
}

export function readDependencies(grid: Grid): Dependency[] {
  return readHeaderTable(grid, DEPENDENCY_HEADERS)
    .map((r) => ({
      row: r.row,
      consumer: r.get('Consumer client'),
      provider: r.get('Provider client'),
      component: r.get('Component'),
      matchTags: splitList(r.get('Match tags')),
    }))
    .filter((d) => d.consumer || d.provider);
}

export interface Notice {
  consumerId: string;
  consumerName: string;
  providerId: string;
  providerName: string;
  component: string;
  kind: 'decision' | 'debt';
  itemId: string;
  title: string;
  date: string;
  matched: string[];
}

function findClient(clients: readonly ClientRecord[], name: string): ClientRecord | undefined {
  const n = name.trim().toLowerCase();
  return clients.find((c) => c.name.toLowerCase() === n);
}

export function dependencyNotices(
  clients: readonly ClientRecord[],
  dependencies: readonly Dependency[],
  today: string,
  tab: string,
): { notices: Notice[]; problems: Problem[] } {
  const notices: Notice[] = [];
  const problems: Problem[] = [];
  for (const dep of dependencies) {
    const consumer = findClient(clients, dep.consumer);
    const provider = findClient(clients, dep.provider);
    if (!consumer || !provider) {
      const missing = !consumer ? dep.consumer : dep.provider;
      problems.push({
        tab,
        cell: `${!consumer ? 'A' : 'B'}${dep.row}`,
        reason: `No client named "${missing}" in the registry`,
      });
      continue;
    }
    const wanted = new Set([
      ...dep.matchTags,
      ...(dep.matchTags.length ? [] : splitList(dep.component)),
    ]);
    const candidates = [
      ...provider.items.decision.map((i) => ({
        kind: 'decision' as const,
        item: i,
        date: str(i.fields['decidedOn']) || str(i.fields['proposedOn']),
      })),
      ...provider.items.debt.map((i) => ({
        kind: 'debt' as const,
        item: i,
        date: str(i.fields['added']),
      })),
    ];
    for (const { kind, item, date } of candidates) {
      if (!date) continue;
      const age = daysBetween(date, today);
      if (age < 0 || age >= NOTICE_WINDOW_DAYS) continue;
      const matched = tagsOf(item).filter((t) => wanted.has(t));
      if (!matched.length) continue;
      notices.push({
        consumerId: consumer.id,
        consumerName: consumer.name,
        providerId: provider.id,
        providerName: provider.name,
        component: dep.component,
        kind,
        itemId: item.id,
        title: str(item.fields['title']),
        date,
        matched,
      });
    }
  }
  return { notices, problems };
}
