import { describe, expect, it } from 'vitest';
import {
  relatedDecisionIndex,
  relatedDecisions,
  type ClientDecisions,
} from '../../src/domain/related-decisions.js';
import { item } from './registry-fixture.js';

const clients: ClientDecisions[] = [
  {
    clientId: '1',
    clientName: 'Acme',
    decisions: [
      item('decision', 'ADR-1', {
        title: 'Postgres for billing',
        status: 'Proposed',
        tags: ['postgres', 'billing'],
        proposedOn: '2026-11-10',
      }),
    ],
  },
  {
    clientId: '2',
    clientName: 'Beta',
    decisions: [
      item('decision', 'ADR-3', {
        title: 'Move to Postgres',
        status: 'Accepted',
        tags: ['postgres'],
        proposedOn: '2026-09-01',
        decidedOn: '2026-10-01',
      }),
      item('decision', 'ADR-4', {
        title: 'Stripe billing',
        status: 'Proposed',
        tags: ['billing', 'postgres'],
        proposedOn: '2026-11-05',
      }),
      item('decision', 'ADR-5', {
        title: 'Kafka',
        status: 'Rejected',
        tags: ['events'],
        proposedOn: '2026-11-15',
      }),
    ],
  },
  {
    clientId: '3',
    clientName: 'Cobalt',
    decisions: [
      item('decision', 'ADR-1', {
        title: 'Aurora Postgres',
        status: 'Accepted',
        tags: ['postgres', 'aws'],
        proposedOn: '2026-06-01',
        decidedOn: '2026-06-20',
      }),
      item('decision', 'ADR-2', {
        title: 'Undated Postgres note',
        status: 'Proposed',
        tags: ['postgres'],
      }),
    ],
  },
];

describe('related decisions while a decision is written', () => {
  it('are decisions at other clients sharing a tag, newest first by decided, else proposed, date', () => {
    const found = relatedDecisions(clients, ['postgres'], '1');
    // Beta ADR-4 proposed 5 Nov; Beta ADR-3 decided 1 Oct; Cobalt ADR-1 decided 20 Jun; undated last.
    expect(found.map((d) => `${d.clientName} ${d.id} ${d.date}`)).toEqual([
      'Beta ADR-4 2026-11-05',
      'Beta ADR-3 2026-10-01',
      'Cobalt ADR-1 2026-06-20',
      'Cobalt ADR-2 ',
    ]);
  });

  it('leave out every decision of the client being written for', () => {
    expect(
      relatedDecisions(clients, ['billing'], '2').map((d) => `${d.clientName} ${d.id}`),
    ).toEqual(['Acme ADR-1']);
    expect(relatedDecisions(clients, ['postgres'], '2').map((d) => d.clientName)).not.toContain(
      'Beta',
    );
  });

  it('list a decision once with every tag it shares', () => {
    const found = relatedDecisions(clients, ['billing', 'postgres'], '1');
    expect(found.find((d) => d.clientName === 'Beta' && d.id === 'ADR-4')).toEqual({
      clientId: '2',
      clientName: 'Beta',
      id: 'ADR-4',
      title: 'Stripe billing',
      status: 'Proposed',
      tags: ['billing', 'postgres'],
      sharedTags: ['billing', 'postgres'],
      date: '2026-11-05',
    });
    expect(found.filter((d) => d.id === 'ADR-4')).toHaveLength(1);
  });

  it('compare typed tags trimmed and whatever their case', () => {
    expect(
      relatedDecisions(clients, [' Postgres ', 'AWS'], '2').map((d) => `${d.clientName} ${d.id}`),
    ).toEqual(['Acme ADR-1', 'Cobalt ADR-1', 'Cobalt ADR-2']);
  });

  it('are none when no tag is shared or no tag is typed', () => {
    expect(relatedDecisions(clients, ['rust'], '1')).toEqual([]);
    expect(relatedDecisions(clients, [], '1')).toEqual([]);
    expect(relatedDecisions(clients, ['events'], '2')).toEqual([]);
  });
});

describe('related decisions beside each pending decision in the plan', () => {
  const lookUp = relatedDecisionIndex(clients);

  it('give the same answer as the sidebar, cut to the newest few', () => {
    expect(lookUp(['postgres'], '1', Number.POSITIVE_INFINITY)).toEqual(
      relatedDecisions(clients, ['postgres'], '1'),
    );
    expect(lookUp(['postgres'], '1', 2).map((d) => `${d.clientName} ${d.id}`)).toEqual([
      'Beta ADR-4',
      'Beta ADR-3',
    ]);
  });

  it('skip the excluded client before counting towards the limit', () => {
    // Acme ADR-1 (10 Nov) is the newest postgres decision, but it is Acme's own.
    expect(lookUp(['postgres'], '1', 1).map((d) => `${d.clientName} ${d.id}`)).toEqual([
      'Beta ADR-4',
    ]);
  });
});
