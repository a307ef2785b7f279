/**
 * The demo registry: three clients with realistic debt, a pending decision that breaks a
 * principle, a dependency between two clients, and six weeks of delivery each (one whose change
 * failure band falls two weeks running). Debt goes in through the add-on; decisions, risks,
 * delivery weeks, the principle and the dependency are typed into the sheet, as a person would.
 */
import {
  SheetsEditor,
  type LoadedScript,
  type Runtime,
  type SheetData,
} from '../emulator/index.js';
import { sectionOf, type SectionKind } from '../src/domain/registry-layout.js';
import { bandFormula, scoreFormula } from '../src/sheets/formulas.js';

interface DemoClient {
  fields: Record<string, unknown>;
  debt: Record<string, unknown>[];
  decisions?: Record<string, string>[];
  risks?: Record<string, string | number>[];
  /**
   * The last six weeks of Delivery, oldest first, from Deployments to Incidents (Week is filled
   * in from the clock); a note on the latest week.
   */
  weeks: (string | number)[][];
  lastWeekNote?: string;
  /** Deliverable → Status, and days from today to its Due date. */
  deliverables?: Record<string, [string, number?]>;
  /** How many of the exit criteria are met, from the first. */
  exitMet?: number;
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
    weeks: [
      [4, 52, '10%', 6, 12, 9, 3, 1],
      [5, 40, '8%', 3, 12, 11, 2, 1],
      [3, 60, '15%', 9, 10, 7, 4, 2],
      [6, 30, '6%', 2, 12, 11, 1, 1],
      [7, 22, '5%', '', 12, 12, 1, 0],
      [8, 20, '4%', 0.5, 12, 11, 1, 1],
    ],
    lastWeekNote: 'Feature flags on the export job: deploys no longer wait for the weekly window.',
    deliverables: {
      'Debt inventory': ['Done', -40],
      'Engineering process playbook': ['In progress', 14],
      'Security and compliance review': ['In progress', -5],
    },
    exitMet: 2,
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
    weeks: [
      [2, 120, '5%', 20, 8, 7, 2, 1],
      [3, 96, '4%', '', 8, 6, 3, 0],
      [2, 140, '5%', 30, 8, 7, 2, 1],
      [3, 100, '9%', 12, 9, 6, 4, 1],
      [2, 160, '14%', 26, 8, 5, 5, 2],
      [1, 200, '25%', 48, 8, 4, 6, 3],
    ],
    lastWeekNote: 'Two rollbacks after the carrier API changed its date format.',
    deliverables: { 'Scalability assessment': ['In progress', 9] },
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
    weeks: [
      [1, 200, '0%', '', 6, 4, 1, 0],
      [0, '', '', '', 6, 3, 2, 0],
      [2, 150, '0%', '', 5, 5, 0, 0],
      [1, 170, '0%', '', 6, 4, 1, 0],
      [2, 120, '0%', '', 6, 5, 1, 0],
      [3, 90, '33%', 4, 6, 6, 0, 1],
    ],
    deliverables: { 'Architecture document': ['Done', -20], 'MVP scope': ['In progress', 5] },
  },
];

/** The Monday `weeksBack` weeks before this week's, as an ISO date in UTC. */
function monday(now: Date, weeksBack: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) - 7 * weeksBack);
  return d.toISOString().slice(0, 10);
}

function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86400000).toISOString().slice(0, 10);
}

/** The Delivery weeks, deliverables' progress and exit criteria met, typed as a person would. */
function typeHealth(rt: Runtime, person: SheetsEditor, sheet: SheetData, c: DemoClient): void {
  const file = rt.spreadsheet.id;
  const at = (row: number, column: number) => ({ sheetId: sheet.id, row, column });
  const first = findRow(rt, sheet, 'Delivery') + 2;
  const weeks = c.weeks.map((w, i) => [monday(rt.now, c.weeks.length - 1 - i), ...w.map(String)]);
  person.paste(file, at(first, 1), weeks);
  if (c.lastWeekNote) person.paste(file, at(first + weeks.length - 1, 15), [[c.lastWeekNote]]);
  for (const [name, [status, due]] of Object.entries(c.deliverables ?? {})) {
    const row = findRow(rt, sheet, name);
    person.paste(file, at(row, 3), [[status, due === undefined ? '' : daysFrom(rt.now, due)]]);
  }
  const exit = findRow(rt, sheet, 'Exit criteria') + 2;
  for (let i = 0; i < (c.exitMet ?? 0); i++) person.paste(file, at(exit + i, 2), [['Met']]);
}

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
  // The pasted blanks cleared Score and Band: a person copies their formulas down again.
  if (kind === 'risk') {
    const column = (h: string) => headers.indexOf(h) + 1;
    rows.forEach((_, i) => {
      const row = header + 1 + i;
      const cells = [
        scoreFormula(row, column('Likelihood'), column('Impact')).formula,
        bandFormula(row, column('Score')).formula,
      ];
      person.paste(file, { sheetId: sheet.id, row, column: column('Score') }, [cells]);
    });
  }
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
    typeHealth(rt, person, sheet, c);
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
  // Refreshed once, as the CTO would after typing all this in: the demo opens on Priorities ranked
  // and the Overview filled, not on "Not refreshed yet".
  addon.call('refreshPriorities');
}
