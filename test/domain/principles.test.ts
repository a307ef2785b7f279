import { describe, expect, it } from 'vitest';
import {
  conflictMessage,
  conflictsOf,
  principleConflicts,
  readPrinciples,
  type Principle,
} from '../../src/domain/principles.js';
import { client, item } from './registry-fixture.js';

const postgres: Principle = {
  id: 'P-2',
  principle: 'Standardise on PostgreSQL',
  standard: 'PostgreSQL',
  avoid: ['mongodb', 'dynamodb'],
  active: true,
};
const boring: Principle = {
  id: 'P-3',
  principle: 'Boring technology first',
  standard: '',
  avoid: ['graphql', 'mongodb'],
  active: true,
};
const retired: Principle = {
  id: 'P-1',
  principle: 'Everything on Heroku',
  standard: 'Heroku',
  avoid: ['kubernetes'],
  active: false,
};

const decision = (status: string, tags: string[], exception = '') => ({
  fields: { status, tags, exception },
});

describe('reading the Principles tab', () => {
  const grid = [
    ['ID', 'Principle', 'Category', 'Standard', 'Avoid', 'Rationale', 'Since', 'Status'],
    ['P-1', 'Everything on Heroku', 'Hosting', 'Heroku', 'Kubernetes', '', '', 'Retired'],
    ['P-2', 'Standardise on PostgreSQL', 'Data', 'PostgreSQL', ' MongoDB, dynamodb ,', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['', '', 'Data', '', 'redis', 'a row with neither ID nor principle', '', ''],
    ['P-4', 'Typed APIs', 'API', 'OpenAPI', '', '', '', 'Active'],
  ];

  it('reads each principle with its Avoid list trimmed and lower-cased', () => {
    expect(readPrinciples(grid)).toEqual([
      { ...retired, avoid: ['kubernetes'] },
      {
        id: 'P-2',
        principle: 'Standardise on PostgreSQL',
        standard: 'PostgreSQL',
        avoid: ['mongodb', 'dynamodb'],
        active: true,
      },
      { id: 'P-4', principle: 'Typed APIs', standard: 'OpenAPI', avoid: [], active: true },
    ]);
  });

  it.each([
    ['', true],
    ['Active', true],
    ['Retired', false],
    ['inactive', false],
    ['Deprecated', false],
    ['Superseded', false],
  ])('a principle with status "%s" is active: %s', (status, active) => {
    const [p] = readPrinciples([
      ['ID', 'Principle', 'Avoid', 'Status'],
      ['P-9', 'No Friday deploys', 'friday', status],
    ]);
    expect(p?.active).toBe(active);
  });
});

describe('a principle conflict', () => {
  it('is a Proposed or Accepted decision whose tags meet an active Avoid list', () => {
    expect(conflictsOf(decision('Proposed', ['mongodb']), [postgres])).toHaveLength(1);
    expect(conflictsOf(decision('Accepted', ['dynamodb']), [postgres])).toHaveLength(1);
  });

  it.each([['Rejected'], ['Deprecated'], ['Superseded'], ['']])(
    'is not raised by a %s decision',
    (status) => {
      expect(conflictsOf(decision(status, ['mongodb']), [postgres])).toEqual([]);
    },
  );

  it('is not raised when an Exception is written', () => {
    expect(
      conflictsOf(decision('Accepted', ['mongodb'], 'Analytics only, approved by the board'), [
        postgres,
      ]),
    ).toEqual([]);
  });

  it('is raised when the Exception holds only spaces: an empty Exception', () => {
    expect(conflictsOf(decision('Accepted', ['mongodb'], '   '), [postgres])).toHaveLength(1);
  });

  it('is not raised by a principle that is no longer active', () => {
    expect(conflictsOf(decision('Proposed', ['kubernetes']), [retired])).toEqual([]);
  });

  it('is not raised when no tag meets the Avoid list', () => {
    expect(conflictsOf(decision('Proposed', ['postgres', 'auth']), [postgres])).toEqual([]);
  });

  it('lists the tags that met each principle, one entry per principle broken', () => {
    const found = conflictsOf(decision('Proposed', ['graphql', 'mongodb', 'auth']), [
      postgres,
      boring,
    ]);
    expect(found.map((f) => [f.principle.id, f.matched])).toEqual([
      ['P-2', ['mongodb']],
      ['P-3', ['graphql', 'mongodb']],
    ]);
  });

  it('is told as "conflicts with <ID>: <principle>", the principle as written, capitals kept', () => {
    expect(conflictMessage(postgres)).toBe('conflicts with P-2: Standardise on PostgreSQL');
    expect(conflictMessage({ id: 'P-4', principle: 'AWS only' })).toBe(
      'conflicts with P-4: AWS only',
    );
  });
});

describe('principle conflicts across clients', () => {
  it("names each client's conflicting decision, reading its tags whatever their case", () => {
    const acme = client({
      id: '4',
      name: 'Acme',
      items: {
        decision: [
          item('decision', 'ADR-1', {
            title: 'Store events in Mongo',
            status: 'Proposed',
            tags: ' MongoDB, Events',
          }),
          item('decision', 'ADR-2', {
            title: 'Use Postgres',
            status: 'Accepted',
            tags: ['postgres'],
          }),
          item('decision', 'ADR-3', {
            title: 'Mongo for logs',
            status: 'Accepted',
            tags: ['mongodb'],
            exception: 'Logs are throwaway',
          }),
        ],
      },
    });
    expect(principleConflicts([acme], [postgres, retired])).toEqual([
      {
        clientId: '4',
        clientName: 'Acme',
        decisionId: 'ADR-1',
        decisionTitle: 'Store events in Mongo',
        principleId: 'P-2',
        principle: 'Standardise on PostgreSQL',
        matched: ['mongodb'],
        message: 'conflicts with P-2: Standardise on PostgreSQL',
      },
    ]);
  });
});
