import { describe, expect, it } from 'vitest';
import { buildRollup } from '../../src/domain/rollup.js';
import type { Principle } from '../../src/domain/principles.js';
import type { Dependency } from '../../src/domain/dependencies.js';
import { client, item } from './registry-fixture.js';

const TODAY = '2026-11-18';

const acme = client({
  id: '1',
  name: 'Acme',
  items: {
    debt: [
      item('debt', 'D-1', {
        title: 'Flaky CI',
        status: '',
        impact: 4,
        effort: 2,
        quadrant: 'Do now',
      }),
      item('debt', 'D-2', { title: 'Old ORM', status: 'Done', impact: 5, effort: 1 }),
    ],
    risk: [
      item('risk', 'R-1', {
        risk: 'Single DBA',
        likelihood: 4,
        impact: 4,
        status: '',
        due: '2026-11-10',
        band: 'Critical',
      }),
    ],
    decision: [
      item('decision', 'ADR-1', {
        title: 'Adopt MongoDB',
        status: 'Proposed',
        tags: ['mongodb'],
        proposedOn: '2026-11-01',
        decidedOn: '',
      }),
      item('decision', 'ADR-2', {
        title: 'Use Postgres',
        status: 'Accepted',
        tags: ['postgres'],
        proposedOn: '2026-10-01',
        decidedOn: '2026-10-03',
      }),
    ],
  },
});
const beta = client({
  id: '2',
  name: 'Beta',
  items: {
    decision: [
      item('decision', 'ADR-1', {
        title: 'New billing API',
        status: 'Accepted',
        tags: ['billing'],
        proposedOn: '2026-11-10',
        decidedOn: '2026-11-16',
      }),
    ],
  },
});
const paused = client({
  id: '3',
  name: 'Paused Co',
  status: 'Paused',
  items: {
    debt: [item('debt', 'D-1', { title: 'Paused debt', status: 'Open' })],
    decision: [
      item('decision', 'ADR-1', { title: 'Mongo for logs', status: 'Proposed', tags: ['mongodb'] }),
    ],
  },
});

const principles: Principle[] = [
  {
    id: 'P-1',
    principle: 'Standardise on PostgreSQL',
    standard: 'PostgreSQL',
    avoid: ['mongodb'],
    active: true,
  },
];
const dependencies: Dependency[] = [
  { row: 2, consumer: 'Acme', provider: 'Beta', component: 'Billing API', matchTags: ['billing'] },
  { row: 3, consumer: 'Gamma', provider: 'Beta', component: 'Search', matchTags: ['search'] },
];

describe('the cross-client rollup', () => {
  const rollup = buildRollup([acme, beta, paused], principles, dependencies, TODAY, 'Dependencies');

  it('ranks open debt, open risks and pending decisions of active clients only, overdue first', () => {
    expect(rollup.priorities.map((p) => `${p.clientName} ${p.id}`)).toEqual([
      // R-1 is overdue (due 10 Nov); then ADR-1 (a pending decision is Medium) above D-1
      // (Do now, but no priority set). Done debt and the paused client are left out.
      'Acme R-1',
      'Acme ADR-1',
      'Acme D-1',
    ]);
  });

  it('lists principle conflicts of active clients only', () => {
    expect(rollup.conflicts.map((c) => `${c.clientName} ${c.decisionId} ${c.principleId}`)).toEqual(
      ['Acme ADR-1 P-1'],
    );
  });

  it("tells the consumer of a provider's recent change and reports a dependency on an unknown client", () => {
    expect(rollup.notices.map((n) => `${n.consumerName} ← ${n.providerName} ${n.itemId}`)).toEqual([
      'Acme ← Beta ADR-1',
    ]);
    expect(rollup.problems).toEqual([
      { tab: 'Dependencies', cell: 'A3', reason: 'No client named "Gamma" in the registry' },
    ]);
  });

  it('has an Overview row for every client, paused ones included', () => {
    expect(rollup.overview.map((o) => o.name)).toEqual(['Acme', 'Beta', 'Paused Co']);
    const [a, b] = rollup.overview;
    expect(a).toMatchObject({
      doNow: 1,
      pendingDecisions: 1,
      overdue: 1,
      openHighRisks: 1,
      medianDecisionDays: 2,
    });
    expect(a?.openDebt).toEqual({ High: 0, Medium: 0, Low: 0 });
    expect(b).toMatchObject({ pendingDecisions: 0, overdue: 0, medianDecisionDays: 6 });
  });
});
