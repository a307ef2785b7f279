/** Everything the cross-client tabs show, computed from the registry in one pass. */
import { DEFAULT_THRESHOLDS, type Thresholds } from './debt.js';
import { dependencyNotices, type Dependency, type Notice } from './dependencies.js';
import { overviewRow, type OverviewRow } from './overview.js';
import { principleConflicts, type Conflict, type Principle } from './principles.js';
import { collectPriorities, type PriorityEntry } from './priorities.js';
import type { ClientRecord } from './client-record.js';
import { isActiveClient } from './item-states.js';
import type { Problem } from './section-items.js';
import { changeFailureFalling } from './client-health.js';

/** An active client whose change failure band fell two weeks running (client-health.ts). */
export interface DeliverySignal {
  clientId: string;
  clientName: string;
  /** The last three weeks' bands, oldest first: "High → Medium → Low". */
  bands: string;
  /** The latest of them, ISO. */
  week: string;
}

function deliverySignals(active: readonly ClientRecord[]): DeliverySignal[] {
  const out: DeliverySignal[] = [];
  for (const c of active) {
    const weeks = (c.health?.delivery ?? []).filter((w) => w.bands.changeFailure && w.week);
    if (!changeFailureFalling(weeks)) continue;
    const last = weeks.slice(-3);
    out.push({
      clientId: c.id,
      clientName: c.name,
      bands: last.map((w) => w.bands.changeFailure).join(' → '),
      week: last[last.length - 1]?.week ?? '',
    });
  }
  return out;
}

export interface Rollup {
  priorities: PriorityEntry[];
  conflicts: Conflict[];
  notices: Notice[];
  deliveryFalls: DeliverySignal[];
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
    deliveryFalls: deliverySignals(active),
    overview: clients.map((c) => overviewRow(c, today, thresholds)),
    problems,
  };
}
