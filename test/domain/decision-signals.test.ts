/**
 * A decision form's signals (ADR 22): the sidebar computes them from the sources it asked for once,
 * with the domain's own code. Over random registries read from client tabs, that answer equals the
 * rules applied to the whole registry, and the sources hold only allow-listed fields, never a
 * private cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SIGNAL_FIELDS,
  signalSources,
  signalsFinder,
  type SignalSources,
} from '../../src/domain/decision-signals.js';
import { splitTags } from '../../src/domain/item-states.js';
import {
  PRINCIPLE_HEADERS,
  conflictMessage,
  conflictsOf,
  readPrinciples,
} from '../../src/domain/principles.js';
import { relatedDecisions, type ClientDecisions } from '../../src/domain/related-decisions.js';
import { draftRegistry, registryShape } from '../support/hand-edits.js';
import { recordOf } from './client-tab-fixture.js';
import { client, item } from './registry-fixture.js';

const RUNS = 500;
const TAGS = ['auth', 'data', 'infra', 'billing', 'mongodb'];

/** A Principles tab: each row's Category, Rationale and Since are text the signals never need. */
const principlesShape = fc.array(
  fc.record({
    avoid: fc.subarray(TAGS),
    status: fc.constantFrom('Active', '', 'Retired', 'superseded'),
    upper: fc.boolean(),
  }),
  { maxLength: 4 },
);

type PrincipleRow = { avoid: string[]; status: string; upper: boolean };

/** What a person types in the form: tags in any case and spacing, an Exception or none. */
const draftShape = fc.record({
  tags: fc.subarray(TAGS),
  upper: fc.boolean(),
  exception: fc.constantFrom('', '  ', 'Approved by the board'),
  exclude: fc.nat(3),
});

function principlesGrid(rows: readonly PrincipleRow[]) {
  return [
    [...PRINCIPLE_HEADERS],
    ...rows.map((p, n) => [
      `P-${n + 1}`,
      `Principle ${n + 1}`,
      `category-${n}`,
      `standard-${n}`,
      (p.upper ? p.avoid.map((t) => t.toUpperCase()) : p.avoid).join(', '),
      `rationale-${n}`,
      '2026-01-15',
      p.status,
    ]),
  ];
}

/** Every private token of the random registries (`s<client>x<n>y`), and the unshared principle text. */
const PRIVATE = /s\d+x\d+y|category-|standard-|rationale-/;

describe('a decision form signals, computed in the sidebar (property)', () => {
  it(`equal the related decisions and principle conflicts of the whole registry, over ${RUNS} random registries`, () => {
    const seen = { related: 0, conflicts: 0, excepted: 0 };
    fc.assert(
      fc.property(registryShape, principlesShape, draftShape, (shape, rows, typed) => {
        const draft = draftRegistry(shape);
        const clients: ClientDecisions[] = draft.tabs.map((tab, i) => {
          const record = recordOf(tab.grid, String(i), tab.name);
          return { clientId: record.id, clientName: record.name, decisions: record.items.decision };
        });
        const principles = readPrinciples(principlesGrid(rows));
        // A client of the registry, or none ('' when the index is past the last).
        const exclude = clients[typed.exclude]?.clientId ?? '';
        const text = typed.tags.map((t) => (typed.upper ? ` ${t.toUpperCase()} ` : t)).join(',');
        // What crosses google.script.run: JSON, once per form session.
        const sources = JSON.parse(
          JSON.stringify(signalSources(clients, principles, exclude)),
        ) as SignalSources;
        const inSidebar = signalsFinder(sources)({
          tags: splitTags(text),
          exception: typed.exception,
          excludeClientId: exclude,
        });
        const tags = splitTags(text);
        const written = { fields: { status: 'Proposed', tags, exception: typed.exception } };
        expect(inSidebar).toEqual({
          related: relatedDecisions(clients, tags, exclude),
          conflicts: conflictsOf(written, principles).map(({ principle, matched }) => ({
            principleId: principle.id,
            principle: principle.principle,
            matched,
            message: conflictMessage(principle),
          })),
        });
        if (inSidebar.related.length) seen.related++;
        if (inSidebar.conflicts.length) seen.conflicts++;
        if (
          typed.exception.trim() &&
          conflictsOf({ fields: { ...written.fields, exception: '' } }, principles).length
        )
          seen.excepted++;
      }),
      { numRuns: RUNS },
    );
    // The runs meet related decisions, conflicts, and conflicts an Exception silences.
    expect(seen.related).toBeGreaterThan(RUNS / 4);
    expect(seen.conflicts).toBeGreaterThan(RUNS / 10);
    expect(seen.excepted).toBeGreaterThan(RUNS / 20);
  });

  it(`send the sidebar only allow-listed fields, no private cell and nothing of the client being written for, over ${RUNS} random registries`, () => {
    let decisions = 0;
    let withPrivateNote = 0;
    fc.assert(
      fc.property(registryShape, principlesShape, fc.nat(3), (shape, rows, excludeAt) => {
        const draft = draftRegistry(shape);
        const clients: ClientDecisions[] = draft.tabs.map((tab, i) => {
          const record = recordOf(tab.grid, String(i), tab.name);
          return { clientId: record.id, clientName: record.name, decisions: record.items.decision };
        });
        const exclude = clients[excludeAt]?.clientId ?? '';
        const sources = signalSources(clients, readPrinciples(principlesGrid(rows)), exclude);
        expect(Object.keys(sources).sort()).toEqual(['decisions', 'principles']);
        for (const d of sources.decisions) {
          expect(Object.keys(d).sort()).toEqual([...SIGNAL_FIELDS.decision].sort());
          expect(d.clientId).not.toBe(exclude);
          expect(d.tags.length).toBeGreaterThan(0);
        }
        for (const p of sources.principles)
          expect(Object.keys(p).sort()).toEqual([...SIGNAL_FIELDS.principle].sort());
        const sent = JSON.stringify(sources);
        expect(sent).not.toMatch(PRIVATE);
        decisions += sources.decisions.length;
        for (const d of sources.decisions) {
          const row = clients
            .find((c) => c.clientId === d.clientId)
            ?.decisions.find((r) => r.id === d.id);
          if (String(row?.fields['privateNote'] ?? '')) withPrivateNote++;
        }
      }),
      { numRuns: RUNS },
    );
    // Decisions are sent, among them ones whose row has a Private note that stays behind.
    expect(decisions).toBeGreaterThan(RUNS / 2);
    expect(withPrivateNote).toBeGreaterThan(RUNS / 10);
  });
});

describe('a decision form signals, from its sources', () => {
  const acme = client({
    id: '1',
    name: 'Acme',
    items: {
      decision: [
        item('decision', 'ADR-1', {
          title: 'Mongo for events',
          status: 'Accepted',
          tags: ['mongodb', 'events'],
          decidedOn: '2026-10-02',
          privateNote: 'the CFO hates this',
        }),
        item('decision', 'ADR-2', { title: 'Untagged', status: 'Proposed', tags: [] }),
      ],
    },
  });
  const beta = client({ id: '2', name: 'Beta' });
  const clients = [acme, beta].map((c) => ({
    clientId: c.id,
    clientName: c.name,
    decisions: c.items.decision,
  }));
  const principles = readPrinciples([
    [...PRINCIPLE_HEADERS],
    ['P-1', 'Standardise on PostgreSQL', 'Data', 'PostgreSQL', 'mongodb', 'One DB', '', 'Active'],
    ['P-2', 'Everything on Heroku', 'Hosting', 'Heroku', 'kubernetes', '', '', 'Retired'],
    ['P-3', 'Write things down', 'Process', '', '', '', '', 'Active'],
  ]);

  it('hold the tagged decisions of other clients and the active principles that avoid something', () => {
    expect(signalSources(clients, principles, '2')).toEqual({
      decisions: [
        {
          clientId: '1',
          clientName: 'Acme',
          id: 'ADR-1',
          title: 'Mongo for events',
          status: 'Accepted',
          tags: ['mongodb', 'events'],
          date: '2026-10-02',
        },
      ],
      principles: [
        { id: 'P-1', principle: 'Standardise on PostgreSQL', avoid: ['mongodb'], active: true },
      ],
    });
    expect(signalSources(clients, principles, '1').decisions).toEqual([]);
  });

  it('name the related decision and the principle broken by a tag typed in any case, until an Exception is written', () => {
    const find = signalsFinder(signalSources(clients, principles, '2'));
    const signals = find({ tags: [' MongoDB', 'queues'], exception: '', excludeClientId: '2' });
    expect(signals.related.map((d) => `${d.clientName} ${d.id} ${d.sharedTags.join()}`)).toEqual([
      'Acme ADR-1 mongodb',
    ]);
    expect(signals.conflicts).toEqual([
      {
        principleId: 'P-1',
        principle: 'Standardise on PostgreSQL',
        matched: ['mongodb'],
        message: 'conflicts with P-1: Standardise on PostgreSQL',
      },
    ]);
    expect(
      find({ tags: ['mongodb'], exception: 'Agreed with P-1 owner', excludeClientId: '2' })
        .conflicts,
    ).toEqual([]);
    expect(find({ tags: [], exception: '', excludeClientId: '2' })).toEqual({
      related: [],
      conflicts: [],
    });
  });
});
