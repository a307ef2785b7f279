import { describe, expect, it } from 'vitest';
import type { Principle } from '../../src/domain/principles.js';
import {
  RADAR_QUADRANTS,
  RINGS,
  readRadarOverrides,
  type RadarOverride,
  type RadarQuadrant,
  type Ring,
} from '../../src/domain/radar-overrides.js';
import {
  founderRadar,
  radarVocabulary,
  registryRadar,
  type RadarBlip,
  type RadarClient,
} from '../../src/domain/radar.js';
import { radarTabRows, readRadarTab } from '../../src/domain/radar-tab.js';
import { radarSvg } from '../../src/domain/radar-svg.js';

const TODAY = '2026-11-18';

const principle = (over: Partial<Principle>): Principle => ({
  id: 'P-1',
  principle: 'Standardise on PostgreSQL',
  category: 'Data',
  standard: 'PostgreSQL',
  avoid: ['mongodb'],
  avoidText: 'MongoDB',
  rationale: 'One database to run',
  since: '2026-01-15',
  active: true,
  ...over,
});

let next = 1;
const decision = (
  status: string,
  tags: string,
  proposedOn = '2026-01-01',
  title = 'A decision',
) => ({
  id: `ADR-${next++}`,
  fields: { status, tags: tags.split(',').map((t) => t.trim().toLowerCase()), proposedOn, title },
});

const client = (id: string, ...decisions: ReturnType<typeof decision>[]): RadarClient => ({
  id,
  name: id.toUpperCase(),
  decisions,
});

const override = (over: Partial<RadarOverride> & { name: string }): RadarOverride => ({
  key: over.name.toLowerCase(),
  row: 2,
  cell: 'A2',
  ...over,
});

function radar(
  principles: Principle[],
  overrides: RadarOverride[],
  clients: RadarClient[],
  today = TODAY,
) {
  return registryRadar(radarVocabulary(principles, overrides), clients, today);
}

const ringOf = (r: ReturnType<typeof radar>, name: string) =>
  r.entries.find((e) => e.name === name)?.ring ?? null;

describe('radar rings', () => {
  it("a principle's Standard is Adopt and its Avoid is Hold", () => {
    const r = radar([principle({})], [], []);
    expect(r.entries.map((e) => [e.name, e.ring])).toEqual([
      ['PostgreSQL', 'Adopt'],
      ['MongoDB', 'Hold'],
    ]);
  });

  it('a technology both standard and avoided is Hold, and says both', () => {
    const r = radar(
      [
        principle({}),
        principle({ id: 'P-2', standard: '', avoid: ['postgresql'], avoidText: 'postgresql' }),
      ],
      [],
      [],
    );
    const pg = r.entries.find((e) => e.key === 'postgresql');
    expect(pg?.ring).toBe('Hold');
    expect(pg?.source).toMatch(/^avoided by P-2 \(also the standard of P-1\);/);
  });

  it('a retired principle places nothing', () => {
    expect(radar([principle({ active: false })], [], []).entries).toEqual([]);
  });

  it('an Accepted decision is Trial, Adopt once accepted at two clients, and two at one client stay Trial', () => {
    const kafka = override({ name: 'Kafka' });
    expect(ringOf(radar([], [kafka], [client('a', decision('Accepted', 'kafka'))]), 'Kafka')).toBe(
      'Trial',
    );
    expect(
      ringOf(
        radar(
          [],
          [kafka],
          [client('a', decision('Accepted', 'kafka'), decision('Accepted', 'kafka'))],
        ),
        'Kafka',
      ),
    ).toBe('Trial');
    expect(
      ringOf(
        radar(
          [],
          [kafka],
          [client('a', decision('Accepted', 'kafka')), client('b', decision('Accepted', 'kafka'))],
        ),
        'Kafka',
      ),
    ).toBe('Adopt');
  });

  it('a Proposed decision is Assess; Rejected, Deprecated and Superseded ones place nothing', () => {
    const kafka = override({ name: 'Kafka' });
    expect(ringOf(radar([], [kafka], [client('a', decision('Proposed', 'kafka'))]), 'Kafka')).toBe(
      'Assess',
    );
    for (const status of ['Rejected', 'Deprecated', 'Superseded', '']) {
      const r = radar([], [kafka], [client('a', decision(status, 'kafka'))]);
      expect(r.entries).toEqual([]);
      expect(r.unplaced.map((o) => o.name)).toEqual(['Kafka']);
    }
  });

  it('a tag names a technology only when a principle or an override names it', () => {
    const r = radar(
      [principle({})],
      [],
      [client('a', decision('Accepted', 'auth, kafka, postgresql'))],
    );
    expect(r.entries.map((e) => e.key)).toEqual(['postgresql', 'mongodb']);
    expect(r.entries[0]?.clients).toEqual(['A']);
  });

  it('an override ring wins over a principle and over decisions', () => {
    const r = radar(
      [principle({})],
      [override({ name: 'MongoDB', ring: 'Trial' }), override({ name: 'Kafka', ring: 'Hold' })],
      [client('a', decision('Accepted', 'kafka')), client('b', decision('Accepted', 'kafka'))],
    );
    expect(ringOf(r, 'MongoDB')).toBe('Trial');
    expect(ringOf(r, 'Kafka')).toBe('Hold');
  });

  it("the quadrant comes from the override, else a naming principle's Category, else Tools", () => {
    const r = radar(
      [principle({ category: 'platforms' })],
      [override({ name: 'PostgreSQL', quadrant: 'Languages & Frameworks' })],
      [],
    );
    expect(r.entries.map((e) => [e.name, e.quadrant])).toEqual([
      ['PostgreSQL', 'Languages & Frameworks'],
      ['MongoDB', 'Platforms'],
    ]);
    expect(radar([principle({})], [], []).entries.map((e) => e.quadrant)).toEqual([
      'Tools',
      'Tools',
    ]);
  });

  it('lists clients with an Accepted decision, and those with only a Proposed one marked so', () => {
    const r = radar(
      [],
      [override({ name: 'Kafka' })],
      [
        client('b', decision('Proposed', 'kafka')),
        client('a', decision('Proposed', 'kafka'), decision('Accepted', 'kafka')),
      ],
    );
    expect(r.entries[0]?.clients).toEqual(['A', 'B (proposed)']);
    expect(r.entries[0]?.description).toBe('Accepted at 1 client; proposed at 2 clients.');
  });
});

describe('radar: new in the last 90 days', () => {
  const kafka = override({ name: 'Kafka' });
  const at = (proposedOn: string) =>
    radar([], [kafka], [client('a', decision('Accepted', 'kafka', proposedOn))]).entries[0]?.isNew;

  it('is new when first named 90 days ago or since, and not 91 days ago', () => {
    expect(at('2026-08-20')).toBe(true);
    expect(at('2026-08-19')).toBe(false);
    expect(at(TODAY)).toBe(true);
  });

  it('an older decision of any status, or an older principle Since, makes it not new', () => {
    const r = radar(
      [],
      [kafka],
      [
        client(
          'a',
          decision('Accepted', 'kafka', '2026-11-01'),
          decision('Rejected', 'kafka', '2025-03-01'),
        ),
      ],
    );
    expect(r.entries[0]?.isNew).toBe(false);
    const pg = radar(
      [principle({ since: '2026-02-01' })],
      [],
      [client('a', decision('Accepted', 'postgresql', '2026-11-01'))],
    );
    expect(pg.entries[0]?.isNew).toBe(false);
  });

  it('with no date known it is not new', () => {
    expect(radar([principle({ since: '' })], [], []).entries[0]?.isNew).toBe(false);
  });
});

describe('Radar overrides', () => {
  const header = ['Technology', 'Ring', 'Quadrant', 'Description'];

  it('reads rings and quadrants as Build Your Own Radar does: case aside, "and" for &', () => {
    const { overrides, problems } = readRadarOverrides(
      [header, ['Kafka', 'trial', 'languages and frameworks', 'Events'], ['Rust', '', '', '']],
      'Radar overrides',
    );
    expect(problems).toEqual([]);
    expect(overrides).toEqual([
      {
        key: 'kafka',
        name: 'Kafka',
        row: 2,
        cell: 'A2',
        ring: 'Trial',
        quadrant: 'Languages & Frameworks',
        description: 'Events',
      },
      { key: 'rust', name: 'Rust', row: 3, cell: 'A3' },
    ]);
  });

  it('names the cell of a mistyped ring or quadrant, where the column stands, and what is allowed', () => {
    const { overrides, problems } = readRadarOverrides(
      [
        ['Notes', ...header],
        ['', 'Kafka', 'Trail', 'Tool', 'Events'],
      ],
      'Tech',
    );
    expect(problems).toEqual([
      {
        tab: 'Tech',
        cell: 'C2',
        reason:
          'Ring must be Adopt, Trial, Assess or Hold (or blank), not "Trail": Kafka keeps the ring the registry gives it',
      },
      {
        tab: 'Tech',
        cell: 'D2',
        reason:
          'Quadrant must be Techniques, Tools, Platforms or Languages & Frameworks (or blank), not "Tool": Kafka keeps the quadrant the registry gives it',
      },
    ]);
    // The description still counts.
    expect(overrides).toEqual([
      { key: 'kafka', name: 'Kafka', row: 2, cell: 'B2', description: 'Events' },
    ]);
  });

  it('a row without a technology and a second row for one are problems, never used silently', () => {
    const { overrides, problems } = readRadarOverrides(
      [header, ['', 'Hold', '', ''], ['Kafka', 'Hold', '', ''], ['kafka ', 'Adopt', '', '']],
      'Radar overrides',
    );
    expect(overrides.map((o) => o.ring)).toEqual(['Hold']);
    expect(problems.map((p) => p.cell)).toEqual(['A2', 'A4']);
    expect(problems[1]?.reason).toBe(
      'kafka is already set in row 3: this row is not used; keep one row per technology',
    );
  });
});

describe("a founder's radar", () => {
  const vocabulary = radarVocabulary(
    [principle({ rationale: 'Secret rationale' })],
    [
      override({ name: 'Kafka', description: 'Used at Other Co' }),
      override({ name: 'Temporal', ring: 'Assess' }),
    ],
  );

  it("holds only the client's own technologies, described by its own decisions, never by the CTO's text", () => {
    const blips = founderRadar(
      vocabulary,
      [
        {
          id: 'ADR-1',
          fields: {
            status: 'Accepted',
            tags: ['kafka', 'auth'],
            title: 'Kafka for events',
            proposedOn: '2026-11-01',
          },
        },
        {
          id: 'ADR-2',
          fields: {
            status: 'Proposed',
            tags: ['mongodb'],
            title: 'Mongo for logs',
            proposedOn: '2026-01-01',
          },
        },
      ],
      TODAY,
    );
    expect(blips).toEqual([
      {
        name: 'Kafka',
        ring: 'Trial',
        quadrant: 'Tools',
        isNew: true,
        description: 'Accepted: ADR-1 Kafka for events',
      },
      {
        name: 'MongoDB',
        ring: 'Hold',
        quadrant: 'Tools',
        isNew: false,
        description: 'Proposed: ADR-2 Mongo for logs',
      },
    ]);
    expect(JSON.stringify(blips)).not.toMatch(/Secret|Other Co|PostgreSQL|Temporal/);
  });

  it('is never Adopt for being accepted elsewhere: one client is all it sees', () => {
    const blips = founderRadar(
      vocabulary,
      [
        { id: 'ADR-1', fields: { status: 'Accepted', tags: ['kafka'] } },
        { id: 'ADR-2', fields: { status: 'Accepted', tags: ['kafka'] } },
      ],
      TODAY,
    );
    expect(blips.map((b) => b.ring)).toEqual(['Trial']);
  });
});

describe('the Radar tab and its drawing', () => {
  const entries = radar(
    [principle({})],
    [override({ name: 'A <b>"tag"</b> & co', ring: 'Trial', quadrant: 'Techniques' })],
    [],
  ).entries;

  it('reads back what it wrote', () => {
    const grid = radarTabRows(entries);
    expect(readRadarTab(grid)).toEqual(
      entries.map(({ name, ring, quadrant, isNew, description }) => ({
        name,
        ring,
        quadrant,
        isNew,
        description,
      })),
    );
    expect(
      readRadarTab([
        ['name', 'ring'],
        ['x', 'Adopt'],
      ]),
    ).toEqual([]);
    expect(readRadarTab([grid[0] as string[], ['x', 'Adopted', 'Tools', false, '']])).toEqual([]);
  });

  it('draws four rings, one focusable blip per technology, a triangle when new, every text escaped', () => {
    const svg = radarSvg([
      ...readRadarTab(radarTabRows(entries)),
      { name: 'New one', ring: 'Assess', quadrant: 'Platforms', isNew: true, description: '' },
    ]);
    expect(svg.match(/<circle cx="138" cy="138"/g)).toHaveLength(4);
    expect(svg.match(/<g class="rb" tabindex="0" role="img"/g)).toHaveLength(4);
    expect(svg.match(/<path d=/g)).toHaveLength(1);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &lt;b&gt;&quot;tag&quot;&lt;/b&gt; &amp; co');
    expect(svg).toContain('aria-label="Technology radar: 4 technologies"');
  });

  it('keeps every blip inside its quadrant and its ring', () => {
    const many: RadarBlip[] = Array.from({ length: 40 }, (_, i) => ({
      name: `T${i}`,
      ring: RINGS[i % 4] as Ring,
      quadrant: RADAR_QUADRANTS[Math.floor(i / 10)] as RadarQuadrant,
      isNew: false,
      description: '',
    }));
    const svg = radarSvg(many);
    const edges = [0, 0.38, 0.62, 0.82, 1].map((e) => e * 132);
    const points = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="7"/g)].map((m) => [
      Number(m[1]) - 138,
      Number(m[2]) - 138,
    ]);
    expect(points).toHaveLength(40);
    // Drawn in the order given, each where its quadrant and ring say.
    const signs: Record<RadarQuadrant, [number, number]> = {
      Techniques: [-1, -1],
      Tools: [1, -1],
      Platforms: [-1, 1],
      'Languages & Frameworks': [1, 1],
    };
    many.forEach((b, i) => {
      const [x, y] = points[i] as [number, number];
      expect([Math.sign(x), Math.sign(y)]).toEqual(signs[b.quadrant]);
      const r = RINGS.indexOf(b.ring);
      const d = Math.hypot(x, y);
      expect(d).toBeGreaterThan(edges[r] as number);
      expect(d).toBeLessThan(edges[r + 1] as number);
    });
  });

  it('says how to put something on an empty radar', () => {
    expect(radarSvg([])).toContain("in a principle's Standard or Avoid, or in Radar overrides.");
  });
});
