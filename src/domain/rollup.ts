/** Everything the cross-client tabs show, computed from the registry in one pass. */
import { DEFAULT_THRESHOLDS, type Thresholds } from './debt.js';
import { dependencyNotices, type Dependency, type Notice } from './dependencies.js';
import { overviewRow, type OverviewRow } from './overview.js';
import { principleConflicts, type Conflict, type Principle } from './principles.js';
import { collectPriorities, type PriorityEntry } from './priorities.js';
import type { ClientRecord } from './client-record.js';
import { isActiveClient } from './item-states.js';
import type { Problem } from './section-items.js';

export interface Rollup {
  priorities: PriorityEntry[];
  conflicts: Conflict[];
  notices: Notice[];
  overview: OverviewRow[];
  problems: Problem[];
}

export function buildRollup(
  clients: readonly ClientRecord[],
  principles: readonly Principle[],
  dependencies: readonly Dependency[],
  today: string,
  dependenciesTab: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Rollup {
  const active = clients.filter((c) => isActiveClient(c.status));
  const { notices, problems } = dependencyNotices(clients, dependencies, today, dependenciesTab);
  return {
    priorities: collectPriorities(clients, today, thresholds),
    conflicts: principleConflicts(active, principles),
    notices,
    overview: clients.map((c) => overviewRow(c, today, thresholds)),
    problems,
  };
}
