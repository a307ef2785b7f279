import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisionRecord } from '../../src/domain/decision-import.js';
import { planImport, type RecordText } from '../../src/domain/decision-import-plan.js';
import { clientRecordFiles, decisionRecordFiles } from '../../src/domain/decision-export.js';
import { EXPORTED_DECISION_KEYS } from '../../src/domain/decision-records.js';
import { escapeInline, unescapeInline } from '../../src/domain/markdown-text.js';
import { isPrivateHeader, sectionOf } from '../../src/domain/registry-layout.js';
import { addSchema, type ItemFields } from '../../src/domain/item-schemas.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/adr');

function fixtures(form: string): RecordText[] {
  const dir = join(FIXTURES, form);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

function decision(id: string, fields: Record<string, unknown>): { id: string; fields: ItemFields } {
  return { id, fields: { ...(addSchema('decision').parse(fields) as ItemFields), id } };
}

describe('decision records: what leaves the registry', () => {
  it('exports every Decisions column but the private ones, and names each on purpose', () => {
    const columns = sectionOf('decision')
      .columns.filter((c) => !isPrivateHeader(c.header))
      .map((c) => c.key);
    expect([...EXPORTED_DECISION_KEYS]).toEqual(columns);
    expect(EXPORTED_DECISION_KEYS).not.toContain('privateNote');
  });

  it('writes no private note, even one a row holds', () => {
    const row = decision('ADR-1', { title: 'Queue', privateNote: 'SECRET-NOTE founder wobbles' });
    const files = clientRecordFiles([row], 'madr').concat(clientRecordFiles([row], 'nygard'));
    for (const f of files) expect(f.text).not.toContain('SECRET-NOTE');
  });
});

describe('Markdown-safe text', () => {
  it.each([
    ['C# rewrite | phase #2', 'C\\# rewrite \\| phase \\#2'],
    ['use `jq` over *awk*', 'use \\`jq\\` over \\*awk\\*'],
    ['line one\nline two', 'line one<br>line two'],
    ['- not a list', '\\- not a list'],
    ['1. not a list either', '1\\. not a list either'],
    ['a literal <br> stays', 'a literal \\<br\\> stays'],
  ])('%j is written %j and reads back as typed', (text, markdown) => {
    expect(escapeInline(text)).toBe(markdown);
    expect(unescapeInline(escapeInline(text))).toBe(text);
  });
});

describe('MADR 4 export', () => {
  const rows = [
    decision('ADR-3', {
      title: 'Move to `Mongo` | #1 choice',
      status: 'Superseded',
      proposedOn: '2026-01-02',
      decidedOn: '2026-01-09',
      deciders: 'Dana, Lee',
      context: 'Writes are spiky.\n\n# not a heading',
      optionsConsidered: 'MongoDB\nPostgreSQL',
      decision: 'MongoDB.',
      consequences: 'Ops learns Mongo.',
      tags: 'database, storage',
    }),
    decision('ADR-4', {
      title: 'Switch to PostgreSQL',
      status: 'Accepted',
      proposedOn: '2026-11-10',
      decidedOn: '2026-11-18',
      supersedes: 'ADR-3',
      decision: 'PostgreSQL.',
    }),
  ];
  const files = clientRecordFiles(rows, 'madr');

  it('names files NNNN-title-slug.md and adds an index', () => {
    expect(files.map((f) => f.path)).toEqual([
      'docs/adr/0003-move-to-mongo-1-choice.md',
      'docs/adr/0004-switch-to-postgresql.md',
      'docs/adr/index.md',
    ]);
    expect(files[2]?.text).toContain(
      '| [ADR-0004](0004-switch-to-postgresql.md) | Switch to PostgreSQL | Accepted | 2026-11-18 |',
    );
  });

  it('writes front matter, the MADR sections, and superseded-by links both ways', () => {
    expect(files[0]?.text).toBe(
      [
        '---',
        'status: "superseded by ADR-0004"',
        'date: "2026-01-09"',
        'decision-makers: "Dana, Lee"',
        '---',
        '',
        '# Move to \\`Mongo\\` \\| \\#1 choice',
        '',
        '## Context and Problem Statement',
        '',
        'Writes are spiky.',
        '',
        '\\# not a heading',
        '',
        '## Considered Options',
        '',
        '* MongoDB',
        '* PostgreSQL',
        '',
        '## Decision Outcome',
        '',
        'MongoDB.',
        '',
        '### Consequences',
        '',
        'Ops learns Mongo.',
        '',
        '## More Information',
        '',
        '* Proposed on: 2026-01-02',
        '* Decided on: 2026-01-09',
        '* Tags: database, storage',
        '* Superseded by [ADR-0004](0004-switch-to-postgresql.md)',
        '',
      ].join('\n'),
    );
    expect(files[1]?.text).toContain('* Supersedes [ADR-0003](0003-move-to-mongo-1-choice.md)');
  });

  it('puts each client in a folder of its own when several are exported', () => {
    const paths = decisionRecordFiles(
      [
        { name: 'Acme', decisions: rows },
        { name: 'Beta Co', decisions: [rows[1] as (typeof rows)[1]] },
      ],
      'nygard',
    ).map((f) => f.path);
    expect(paths).toContain('acme/docs/adr/0004-switch-to-postgresql.md');
    expect(paths).toContain('beta-co/docs/adr/0004-switch-to-postgresql.md');
    expect(paths).toContain('beta-co/.adr-dir');
  });
});

describe('adr-tools (Nygard) export', () => {
  const rows = [
    decision('ADR-1', { title: 'Use a monolith', status: 'Superseded', decidedOn: '2026-02-03' }),
    decision('ADR-2', {
      title: 'Split payments out',
      status: 'Accepted',
      decidedOn: '2026-05-10',
      supersedes: 'ADR-1',
      context: 'PCI scope.',
    }),
  ];
  const [older, newer] = clientRecordFiles(rows, 'nygard');

  it("writes adr-tools' title, Date and Status, with its supersede wording", () => {
    expect(older?.text.startsWith('# 1. Use a monolith\n\nDate: 2026-02-03\n\n## Status\n\n')).toBe(
      true,
    );
    expect(older?.text).toContain(
      '## Status\n\nSuperceded by [2. Split payments out](0002-split-payments-out.md)\n\n## Context',
    );
    expect(newer?.text).toContain(
      '## Status\n\nAccepted\n\nSupercedes [1. Use a monolith](0001-use-a-monolith.md)\n\n## Context\n\nPCI scope.\n\n## Decision',
    );
    expect(newer?.text).toContain('## Consequences');
  });
});

describe('importing hand-written records', () => {
  it('reads MADR 4 front matter and sections', () => {
    const plan = planImport(fixtures('madr4'), [], 0);
    expect(plan.skipped).toEqual([]);
    const row = plan.rows[0];
    expect(row?.id).toBe('ADR-7');
    expect(row?.fields).toMatchObject({
      title: 'Use PostgreSQL for billing',
      status: 'Accepted',
      proposedOn: '2026-03-14',
      decidedOn: '2026-03-14',
      deciders: 'Dana Founder, Lee Lead',
      optionsConsidered: 'PostgreSQL\nMongoDB with multi-document transactions\nDynamoDB',
      consequences:
        '* Good, because reconciliation becomes one query\n* Bad, because invoices must be migrated',
      supersedes: '',
    });
    expect(row?.fields['decision']).toContain('Chosen option: "PostgreSQL", because');
    expect(row?.fields['decision']).toContain('Confirmation:\nA reconciliation run');
    expect(row?.fields['context']).toContain('Which database should hold invoices?');
    expect(row?.fields['context']).toContain('Decision Drivers:\n* Transactions');
    expect(row?.fields['context']).toContain('More Information:\nRevisit when');
    expect(row?.fields['context']).toContain('Consulted: Priya (DBA)\nInformed: Billing team');
  });

  it('reads MADR 2 "* Status:" bullets and links a superseded record to its successor', () => {
    const plan = planImport(fixtures('madr2'), [], 0);
    expect(plan.skipped).toEqual([]);
    const [fly, ecs] = plan.rows;
    expect(fly).toMatchObject({ id: 'ADR-3', file: '0003-deploy-on-fly.md' });
    expect(fly?.fields).toMatchObject({
      title: 'Deploy on Fly.io',
      status: 'Superseded',
      deciders: 'Sam, Lee',
      decidedOn: '2025-06-02',
      optionsConsidered: 'Fly.io\nHeroku\nAWS ECS',
      consequences:
        'Positive Consequences:\n* No servers to patch\n\nNegative Consequences:\n* Few regions near our customers',
    });
    expect(fly?.fields['context']).toContain('Technical Story: INFRA-12');
    expect(fly?.fields['context']).toContain('Links:\n* Refined by [ADR-0005]');
    expect(ecs?.fields).toMatchObject({ status: 'Accepted', supersedes: 'ADR-3' });
  });

  it("reads adr-tools' records, its Superceded by / Supercedes links included", () => {
    const plan = planImport(fixtures('nygard'), [], 0);
    expect(plan.rows.map((r) => [r.id, r.fields['title'], r.fields['status']])).toEqual([
      ['ADR-1', 'Record architecture decisions', 'Accepted'],
      ['ADR-2', 'Use a monolith', 'Superseded'],
      ['ADR-3', 'Split payments out of the monolith', 'Accepted'],
    ]);
    expect(plan.rows[2]?.fields).toMatchObject({
      supersedes: 'ADR-2',
      decidedOn: '2026-05-10',
      context: 'PCI scope covers the whole monolith while it handles card data.',
      decision: 'Payments becomes its own service with its own database.',
      consequences: 'PCI scope shrinks to one service; we run two deployables.',
    });
  });

  it("reads log4brains' template: dash bullets, draft status, space-separated tags, a dated file name", () => {
    const plan = planImport(fixtures('log4brains'), [], 0);
    const row = plan.rows[0];
    expect(row?.id).toBe('ADR-1');
    expect(row?.fields).toMatchObject({
      title: 'Use Lunr for search',
      status: 'Proposed',
      proposedOn: '2020-10-28',
      decidedOn: '',
      deciders: 'Thomas, Ana',
      tags: ['search', 'frontend'],
      optionsConsidered: 'Lunr\nAlgolia',
    });
  });

  it('lists what is not a decision record as skipped, with the reason', () => {
    const plan = planImport([...fixtures('not-adr'), { name: 'empty.md', text: '  \n' }], [], 0);
    expect(plan.rows).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        file: 'README.md',
        reason: 'Not a decision record: it has no title line ("# Title").',
      },
      {
        file: 'index.md',
        reason:
          'Not a decision record: it has no Status and none of the sections Context, Considered Options, Decision or Decision Outcome.',
      },
      { file: 'template.md', reason: 'A template, not a decision: its title is the placeholder.' },
      { file: 'empty.md', reason: 'The file is empty.' },
    ]);
  });
});

describe('import plan', () => {
  const existing = [
    decision('ADR-1', { title: 'Record architecture decisions' }),
    decision('ADR-2', { title: 'Something else' }),
  ];

  it('flags a title the client already has instead of adding it again', () => {
    const plan = planImport(fixtures('nygard'), existing, 2);
    expect(plan.duplicates).toEqual([
      {
        file: '0001-record-architecture-decisions.md',
        title: 'Record architecture decisions',
        existingId: 'ADR-1',
      },
    ]);
    // File 0003's number is free, so it keeps ADR-3; 0002's is taken and gets the next, ADR-4.
    expect(plan.rows.map((r) => [r.id, r.fields['title'], r.fields['supersedes']])).toEqual([
      ['ADR-3', 'Split payments out of the monolith', 'ADR-4'],
      ['ADR-4', 'Use a monolith', ''],
    ]);
  });

  it("keeps a file's number as the ID only when it is free, and numbers the rest after every ID in use", () => {
    // ADR-2 is taken, ADR-3 was issued once and deleted: neither is free; 7 is.
    const files = [...fixtures('nygard').slice(1), ...fixtures('madr4')];
    const plan = planImport(files, existing, 3);
    expect(plan.rows.map((r) => [r.file, r.id])).toEqual([
      ['0007-use-postgresql-for-billing.md', 'ADR-7'],
      ['0002-use-a-monolith.md', 'ADR-8'],
      ['0003-split-payments-out-of-the-monolith.md', 'ADR-9'],
    ]);
    // The supersede link follows the records to their new IDs.
    expect(plan.rows[2]?.fields['supersedes']).toBe('ADR-8');
  });

  it('says when a superseded record was not among the files, and leaves Supersedes empty', () => {
    const plan = planImport(fixtures('nygard').slice(2), [], 0);
    expect(plan.rows[0]?.fields['supersedes']).toBe('');
    expect(plan.notes).toEqual([
      {
        file: '0003-split-payments-out-of-the-monolith.md',
        note: 'It supersedes 0002-use-a-monolith.md, which is not among the imported decisions: Supersedes was left empty.',
      },
    ]);
  });

  it('skips a record the Decisions section cannot hold, naming the field', () => {
    const plan = planImport(
      [{ name: '0001-x.md', text: `# ${'x'.repeat(201)}\n\n## Status\n\nAccepted\n` }],
      [],
      0,
    );
    expect(plan.skipped).toEqual([
      { file: '0001-x.md', reason: 'Title must be at most 200 characters.' },
    ]);
  });

  it('reads one record as the parser sees it', () => {
    const parsed = parseDecisionRecord(
      'notes/0012-x.md',
      '# 12. Cache at the edge\n\n## Status\n\nProposed\n',
    );
    expect(parsed).toMatchObject({
      record: {
        file: '0012-x.md',
        number: 12,
        fields: { title: 'Cache at the edge', status: 'Proposed' },
      },
    });
  });
});
