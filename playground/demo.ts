/**
 * The demo registry: three clients with realistic debt, a pending decision that breaks a
 * principle, and a dependency between two clients. Debt goes in through the add-on; decisions,
 * risks, the principle and the dependency are typed into the sheet, as a person would.
 */
import {
  SheetsEditor,
  type LoadedScript,
  type Runtime,
  type SheetData,
} from '../emulator/index.js';
import { sectionOf, type SectionKind } from '../src/domain/registry-layout.js';

interface DemoClient {
  fields: Record<string, unknown>;
  debt: Record<string, unknown>[];
  decisions?: Record<string, string>[];
  risks?: Record<string, string | number>[];
}

const CLIENTS: DemoClient[] = [
  {
    fields: {
      name: 'Northwind Health',
      stage: 'Series A',
      hoursPerWeek: 2,
      founderEmails: 'maya@northwind.health',
      leadEngineer: 'Priya Raman',
      pmTool: 'Linear',
      pmLink: 'https://linear.app/northwind',
      repoLink: 'https://github.com/northwind/platform',
      engagementStart: '2026-03-02',
      privateNotes: 'Board wants SOC 2 before the next raise.',
    },
    debt: [
      {
        title: 'Patient export runs as one 40-minute cron job',
        area: 'Data',
        priority: 'High',
        impact: 5,
        effort: 2,
        owner: 'Priya',
        trackedIn: 'NW-212',
        tags: 'data, reliability',
      },
      {
        title: 'No audit log on admin actions',
        area: 'Security',
        priority: 'High',
        impact: 5,
        effort: 4,
        tags: 'soc2, security',
      },
      {
        title: 'Flaky end-to-end suite blocks deploys',
        area: 'CI',
        priority: 'Medium',
        impact: 3,
        effort: 2,
        tags: 'ci',
      },
      {
        title: 'Hand-rolled session handling in the web app',
        area: 'Auth',
        priority: 'Medium',
        impact: 4,
        effort: 3,
        tags: 'auth',
        privateNote: 'Lead is attached to this code; raise gently.',
      },
    ],
    risks: [
      {
        ID: 'R-1',
        Risk: 'Single engineer knows the billing integration',
        Likelihood: 4,
        Impact: 4,
        Owner: 'Maya',
        Due: '2026-11-30',
        Status: 'Open',
        Tags: 'team',
      },
    ],
  },
  {
    fields: {
      name: 'Lumen Logistics',
      stage: 'Seed',
      hoursPerWeek: 1.5,
      founderEmails: 'sam@lumen.dev',
      leadEngineer: 'Tomás Ortega',
      pmTool: 'Jira',
      pmLink: 'https://lumen.atlassian.net',
      repoLink: 'https://github.com/lumen/core',
    },
    debt: [
      {
        title: 'Shipment events table has no partitioning',
        area: 'Data',
        priority: 'High',
        impact: 4,
        effort: 3,
        tags: 'database, postgres',
      },
      {
        title: 'Secrets in the repository history',
        area: 'Security',
        priority: 'High',
        impact: 5,
        effort: 1,
        tags: 'security',
      },
      {
        title: 'Manual staging deploys',
        area: 'Infra',
        priority: 'Low',
        impact: 2,
        effort: 2,
        tags: 'ci, infra',
      },
    ],
    decisions: [
      {
        ID: 'ADR-1',
        Title: 'Move shipment events to MongoDB',
        Status: 'Proposed',
        'Proposed on': '2026-11-12',
        Due: '2026-11-27',
        Deciders: 'Sam, Tomás',
        Context: 'Event volume grows 30% a month.',
        'Options considered': 'Partition Postgres; MongoDB; ClickHouse',
        Tags: 'database, mongodb',
      },
    ],
  },
  {
    fields: {
      name: 'Acorn Pay',
      stage: 'Pre-seed',
      hoursPerWeek: 1,
      founderEmails: 'lee@acornpay.io',
      pmTool: 'GitHub Projects',
      repoLink: 'https://github.com/acornpay/app',
    },
    debt: [
      {
        title: 'Auth library pinned to an unmaintained major version',
        area: 'Auth',
        priority: 'High',
        impact: 4,
        effort: 2,
        tags: 'auth',
      },
      {
        title: 'No staging environment',
        area: 'Infra',
        priority: 'Medium',
        impact: 3,
        effort: 4,
        tags: 'infra',
      },
    ],
    decisions: [
      {
        ID: 'ADR-1',
        Title: 'Upgrade the shared auth library to v3',
        Status: 'Accepted',
        'Proposed on': '2026-11-10',
        'Decided on': '2026-11-16',
        Deciders: 'Lee',
        Tags: 'auth',
        Decision: 'Upgrade in two steps behind a flag.',
      },
    ],
  },
];

function findRow(rt: Runtime, sheet: SheetData, first: string): number {
  for (let r = 1; r <= sheet.lastRow(); r++)
    if (rt.spreadsheet.read(sheet, r, 1) === first) return r;
  throw new Error(`no row ${first} on ${sheet.name}`);
}

/** Types rows under a section's header, inserting rows as a person would to make room. */
function typeRows(
  rt: Runtime,
  person: SheetsEditor,
  sheet: SheetData,
  kind: SectionKind,
  rows: Record<string, string | number>[],
): void {
  const headers = sectionOf(kind).columns.map((c) => c.header);
  const header = findRow(rt, sheet, sectionOf(kind).title) + 1;
  const file = rt.spreadsheet.id;
  if (rows.length > 1) person.insertRows(file, sheet.id, header + 1, rows.length - 1, true);
  const block = rows.map((r) => headers.map((h) => (r[h] === undefined ? '' : String(r[h]))));
  person.paste(file, { sheetId: sheet.id, row: header + 1, column: 1 }, block);
}

function typeTable(rt: Runtime, person: SheetsEditor, name: string, rows: string[][]): void {
  const sheet = rt.spreadsheet.sheetByName(name);
  if (sheet) person.paste(rt.spreadsheet.id, { sheetId: sheet.id, row: 2, column: 1 }, rows);
}

export function loadDemo(rt: Runtime, addon: LoadedScript): void {
  const person = new SheetsEditor(rt.drive, () => rt.user);
  addon.call('setupRegistry');
  for (const c of CLIENTS) {
    const { id } = addon.call('addClient', c.fields) as { id: string };
    for (const fields of c.debt) addon.call('addItem', { clientId: id, kind: 'debt', fields });
    const sheet = rt.spreadsheet.sheetById(Number(id)) as SheetData;
    if (c.decisions) typeRows(rt, person, sheet, 'decision', c.decisions);
    if (c.risks) typeRows(rt, person, sheet, 'risk', c.risks);
  }
  typeTable(rt, person, 'Principles', [
    [
      'P-1',
      'Standardise on PostgreSQL',
      'Data',
      'PostgreSQL',
      'mongodb, dynamodb',
      'One database to run, back up and hire for',
      '2026-01-15',
      'Active',
    ],
  ]);
  // The radar: what the CTO places by hand; PostgreSQL, MongoDB and DynamoDB come from P-1.
  typeTable(rt, person, 'Radar overrides', [
    ['Trunk-based development', 'Adopt', 'Techniques', 'Short-lived branches, merged daily'],
    ['TypeScript', 'Adopt', 'Languages & Frameworks', ''],
    ['GitHub Actions', 'Trial', 'Tools', ''],
    ['Temporal', 'Assess', 'Platforms', 'Durable workflows for long jobs'],
    ['PostgreSQL', '', 'Platforms', ''],
    ['MongoDB', '', 'Platforms', ''],
    ['DynamoDB', '', 'Platforms', ''],
  ]);
  typeTable(rt, person, 'Dependencies', [
    [
      'Northwind Health',
      'Acorn Pay',
      'auth library',
      'auth',
      'Northwind reuses Acorn’s auth package',
    ],
  ]);
}
