/**
 * Random registries and the hand edits people make to them, for the founder-view privacy
 * properties. A registry is a set of client tabs as grids of values and formulas; every text in
 * it is a token that says whose it is and whether it is private (`t<client>x<n>y` public,
 * `s<client>x<n>y` private), so a founder's view can be searched for anything it must not hold.
 * The domain property reads the grids directly; the bundle property writes them into the
 * emulated spreadsheet first.
 */
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates.js';
import { quadrantOf } from '../../src/domain/debt.js';
import { riskBand, riskScore } from '../../src/domain/risk.js';
import { locateClientTab } from '../../src/domain/client-tab-layout.js';
import { columnLetter } from '../../src/domain/section-items.js';
import { PROFILE, SECTIONS, type ColumnSpec } from '../../src/domain/registry-layout.js';
import { HEALTH_SECTIONS } from '../../src/domain/health-layout.js';
import { deliveryWeek } from '../../src/domain/client-health.js';
import type { Band } from '../../src/domain/dora.js';

export const TODAY = '2026-11-18';

/** Line and paragraph separators, bidi controls and ordinary spaces, between the words of a text. */
export const SEPARATORS = [' ', '\n', '\u2028', '\u2029', '\u202E', '\u2066', '\u200F', '\r\n'];
const TAGS = ['auth', 'data', 'infra', 'billing'];

export type Value = string | number;

export interface TabDraft {
  name: string;
  /** The client whose tab this is (a duplicated tab keeps it). */
  owner: number;
  grid: Value[][];
  /** '' where a cell holds no formula. */
  formulas: string[][];
}

export interface Draft {
  tabs: TabDraft[];
  /** Each client's name and founder email, by index. */
  clients: { name: string; founder: string }[];
  /** Tokens handed out so far. */
  next: number;
}

const itemShape = fc.record({
  words: fc.integer({ min: 1, max: 2 }),
  separator: fc.nat(SEPARATORS.length - 1),
  filled: fc.nat(),
  tags: fc.subarray(TAGS),
  scales: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
  choice: fc.nat(),
  day: fc.integer({ min: -20, max: 20 }),
  secret: fc.boolean(),
});
type ItemShape = typeof itemShape extends fc.Arbitrary<infer T> ? T : never;

const items = fc.array(itemShape, { maxLength: 2 });
export const registryShape = fc.array(
  fc.record({
    sections: fc.record({
      goal: items,
      debt: items,
      decision: items,
      risk: items,
      team: items,
      review: items,
    }),
    /** Delivery weeks; each also makes a deliverable and an exit criterion. */
    delivery: items,
    stage: fc.nat(6),
    hours: fc.integer({ min: 1, max: 8 }),
    /** Lines of private text typed below the Review log, each in a column. */
    below: fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 17 })), {
      maxLength: 2,
    }),
  }),
  { minLength: 2, maxLength: 3 },
);
type RegistryShape = typeof registryShape extends fc.Arbitrary<infer T> ? T : never;

function token(draft: Draft, owner: number, secret: boolean): string {
  return `${secret ? 's' : 't'}${owner}x${draft.next++}y`;
}

function text(draft: Draft, owner: number, shape: ItemShape, secret = false): string {
  const words: string[] = [];
  for (let i = 0; i < shape.words; i++) words.push(token(draft, owner, secret));
  return words.join(SEPARATORS[shape.separator]);
}

/** A cell of a row as the add-on would write it, and its formula for the live columns. */
function cellOf(
  draft: Draft,
  owner: number,
  col: ColumnSpec,
  bit: number,
  shape: ItemShape,
  key: string,
): Value {
  const filled = col.key === key || (shape.filled >> bit) % 2 === 1;
  if (col.key === 'privateNote') return shape.secret ? text(draft, owner, shape, true) : '';
  if (!filled) return '';
  switch (col.type) {
    case 'text':
    case 'longText':
    case 'link':
      return text(draft, owner, shape);
    case 'date':
      return addDays(TODAY, shape.day + bit);
    case 'scale':
      return shape.scales[bit % 2] as number;
    case 'choice': {
      const choices = col.choices ?? [];
      return choices[(shape.choice + bit) % choices.length] as string;
    }
    case 'tags':
      // A technology of this client's own among the shared tags: the radar may show it to this
      // client's founders only.
      return [...shape.tags, token(draft, owner, false)].join(', ');
    default:
      return '';
  }
}

export function draftRegistry(shape: RegistryShape): Draft {
  const draft: Draft = { tabs: [], clients: [], next: 1 };
  shape.forEach((c, owner) => {
    const name = token(draft, owner, false);
    const founder = `founder${owner}@example.com`;
    draft.clients.push({ name, founder });
    const profile: Record<string, Value> = {
      name,
      stage: ['Idea', 'Pre-seed', 'Seed', 'Series A', 'Series B', 'Series C+', 'Bootstrapped'][
        c.stage
      ] as string,
      status: 'Active',
      founderEmails: founder,
      leadEngineer: token(draft, owner, false),
      hoursPerWeek: c.hours,
      reviewCadence: 7,
      // What the Summary's "This week" line shows, and a digest for the weekly run to mail.
      focusThisWeek: token(draft, owner, false),
      founderDigest: 'Weekly',
      privateNotes: token(draft, owner, true),
    };
    const grid: Value[][] = PROFILE.map((p) => [p.label, profile[p.key] ?? '']);
    const formulas: string[][] = grid.map(() => []);
    grid.push([]);
    formulas.push([]);
    for (const spec of SECTIONS) {
      // The health sections sit between Team and the Review log, as the add-on draws them.
      if (spec.kind === 'review') drawHealth(draft, owner, c.delivery, grid, formulas);
      grid.push(
        [spec.title],
        spec.columns.map((col) => col.header),
      );
      formulas.push([], []);
      c.sections[spec.kind].forEach((item, n) => {
        const row = grid.length + 1;
        const cells = spec.columns.map((col, bit) =>
          col.type === 'id'
            ? `${spec.idPrefix}-${n + 1}`
            : cellOf(draft, owner, col, bit, item, spec.required ?? 'date'),
        );
        const live = spec.columns.map(() => '');
        const at = (key: string) => spec.columns.findIndex((col) => col.key === key);
        const num = (key: string) => {
          const v = cells[at(key)];
          return typeof v === 'number' ? v : null;
        };
        if (spec.kind === 'debt') {
          cells[at('quadrant')] = quadrantOf(num('impact'), num('effort')) ?? '';
          live[at('quadrant')] = `=IF(E${row}="","",IF(E${row}>=3,"Do now","Quick win"))`;
        }
        if (spec.kind === 'risk') {
          const score = riskScore(num('likelihood'), num('impact'));
          cells[at('score')] = score ?? '';
          cells[at('band')] = riskBand(score) ?? '';
          live[at('score')] = `=IF(OR(C${row}="",D${row}=""),"",C${row}*D${row})`;
          live[at('band')] = `=IF(E${row}="","",IF(E${row}>=10,"High","Low"))`;
        }
        grid.push(cells);
        formulas.push(live);
      });
      grid.push([]);
      formulas.push([]);
    }
    for (const column of c.below) {
      grid.push([...new Array<Value>(column - 1).fill(''), token(draft, owner, true)]);
      formulas.push([]);
    }
    draft.tabs.push({ name, owner, grid, formulas });
  });
  return draft;
}

/**
 * Delivery weeks with their band formulas, deliverables and exit criteria: public tokens where a
 * founder could be shown them, and private ones in the columns the founder view never reads
 * (Notes, Evidence), so any path that shared them is found.
 */
function drawHealth(
  draft: Draft,
  owner: number,
  weeks: readonly ItemShape[],
  grid: Value[][],
  formulas: string[][],
): void {
  const push = (cells: Value[], live: string[] = []) => {
    grid.push(cells);
    formulas.push(live);
  };
  for (const spec of HEALTH_SECTIONS) {
    push([spec.title]);
    push(spec.columns.map((col) => col.header));
    weeks.forEach((w, n) => {
      const row = grid.length + 1;
      const byKey: Record<string, Value> =
        spec.kind === 'delivery'
          ? {
              week: addDays(TODAY, -7 * (weeks.length - n)),
              deployments: w.scales[0] * 2 - 2,
              leadTime: w.scales[1] * 40,
              changeFailure: w.scales[0] / 25,
              timeToRestore: w.scales[1] * 10,
              planned: 10,
              shipped: w.scales[1],
              notes: text(draft, owner, w, true),
            }
          : spec.kind === 'deliverable'
            ? {
                deliverable: text(draft, owner, w),
                forStage: 'Growth',
                status: 'In progress',
                due: addDays(TODAY, w.day),
                notes: text(draft, owner, w, true),
              }
            : {
                exitCriterion: text(draft, owner, w),
                status: 'Met',
                evidence: text(draft, owner, w, true),
              };
      const cells = spec.columns.map((col) => byKey[col.key] ?? '');
      const live = spec.columns.map(() => '');
      if (spec.kind === 'delivery') {
        const week = deliveryWeek(row, byKey);
        const at = (key: string) => spec.columns.findIndex((col) => col.key === key);
        const bands: [string, Band | null, string][] = [
          ['deployBand', week.bands.deploy, `B${row}`],
          ['leadTimeBand', week.bands.leadTime, `C${row}`],
          ['changeFailureBand', week.bands.changeFailure, `D${row}`],
          ['restoreBand', week.bands.restore, `E${row}`],
        ];
        for (const [key, band, cell] of bands) {
          cells[at(key)] = band ?? '';
          live[at(key)] = `=IF(COUNT(${cell})=0,"","${band ?? ''}")`;
        }
      }
      push(cells, live);
    });
    push([]);
  }
}

const section = fc.nat(SECTIONS.length - 1);
/** A column, most often one of the first few, where every section has data. */
const column = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 17 }), weight: 2 },
);
/** A person's edits, the ones that move or break a section's rows most often. */
export const editShape = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deleteHeaderRow' as const), section }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteTitleRow' as const), section }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('deleteTitleAndHeaderRows' as const), section }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('renameHeaderRow' as const),
      section,
      only: fc.option(column, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertColumn' as const), at: column }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteColumn' as const), at: column }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('moveColumn' as const), from: column, to: column }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('insertHeaderCell' as const), section, at: column }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('deleteHeaderCell' as const), section, at: column }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('privateHeading' as const),
      before: fc.nat(SECTIONS.length),
      heading: fc.constantFrom('Private notes', 'PRIVATE', 'Private — do not share', 'private'),
      lines: fc.array(column, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('belowReviewLog' as const),
      lines: fc.array(column, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('formula' as const),
      row: fc.nat(),
      column,
      from: fc.constantFrom('private' as const, 'other client' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('spillingFormula' as const),
      row: fc.nat(),
      column,
      spill: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('separators' as const),
      row: fc.nat(),
      column,
      separator: fc.nat(SEPARATORS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('renameTab' as const), toOtherClient: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateTab' as const) }) },
);
export type Edit = typeof editShape extends fc.Arbitrary<infer T> ? T : never;
export const editsShape = fc.array(fc.record({ tab: fc.nat(), edit: editShape }), {
  maxLength: 5,
});

function isBlank(v: Value | undefined): boolean {
  return v === undefined || v === '';
}

/** Every row as wide as `width`, so columns can be moved. */
function widen(tab: TabDraft, width: number): void {
  for (const rows of [tab.grid, tab.formulas] as Value[][][])
    for (const r of rows) while (r.length < width) r.push('');
}

function insertRows(tab: TabDraft, at: number, rows: Value[][]): void {
  tab.grid.splice(at - 1, 0, ...rows);
  tab.formulas.splice(at - 1, 0, ...rows.map(() => []));
}

/** Where a private value of the tab is: a Private note, the profile's Private notes. */
function privateCells(tab: TabDraft): [number, number][] {
  const out: [number, number][] = [];
  tab.grid.forEach((r, i) =>
    r.forEach((v, j) => {
      if (typeof v === 'string' && /s\d+x\d+y/.test(v)) out.push([i, j]);
    }),
  );
  return out;
}

/** The edit, made to the draft as a person would make it in Sheets. */
export function applyEdit(draft: Draft, index: number, edit: Edit): void {
  const tab = draft.tabs[index % draft.tabs.length] as TabDraft;
  const located = (n: number) => {
    const spec = SECTIONS[n];
    return spec && locateClientTab(tab.grid).sections.get(spec.kind);
  };
  const secret = () => token(draft, tab.owner, true);
  switch (edit.kind) {
    case 'deleteHeaderRow':
    case 'deleteTitleRow':
    case 'deleteTitleAndHeaderRows': {
      const s = located(edit.section);
      if (!s || (edit.kind !== 'deleteHeaderRow' && s.titleMissing)) return;
      const row = edit.kind === 'deleteHeaderRow' ? s.headerRow : s.titleRow;
      const count = edit.kind === 'deleteTitleAndHeaderRows' ? 2 : 1;
      tab.grid.splice(row - 1, count);
      tab.formulas.splice(row - 1, count);
      return;
    }
    case 'renameHeaderRow': {
      const s = located(edit.section);
      if (!s) return;
      const header = tab.grid[s.headerRow - 1] as Value[];
      header.forEach((h, j) => {
        if (!isBlank(h) && (edit.only === null || edit.only === j + 1))
          header[j] = `Renamed ${token(draft, tab.owner, false)}`;
      });
      return;
    }
    case 'insertColumn':
      widen(tab, edit.at - 1);
      for (const r of [...tab.grid, ...tab.formulas]) r.splice(edit.at - 1, 0, '');
      return;
    case 'deleteColumn':
      for (const r of [...tab.grid, ...tab.formulas]) r.splice(edit.at - 1, 1);
      return;
    case 'moveColumn':
      widen(tab, Math.max(edit.from, edit.to));
      for (const r of [...tab.grid, ...tab.formulas] as Value[][]) {
        const [moved] = r.splice(edit.from - 1, 1);
        r.splice(edit.to - 1, 0, moved as Value);
      }
      return;
    case 'insertHeaderCell': {
      const s = located(edit.section);
      if (!s) return;
      const header = tab.grid[s.headerRow - 1] as Value[];
      while (header.length < edit.at - 1) header.push('');
      header.splice(edit.at - 1, 0, '');
      return;
    }
    case 'deleteHeaderCell': {
      const s = located(edit.section);
      if (s) (tab.grid[s.headerRow - 1] as Value[]).splice(edit.at - 1, 1);
      return;
    }
    case 'privateHeading': {
      const s = located(edit.before);
      const at = s ? s.titleRow : tab.grid.length + 2;
      const lines = edit.lines.map((c) => {
        const row: Value[] = new Array<Value>(c - 1).fill('');
        row.push(secret());
        return row;
      });
      insertRows(tab, at, [[edit.heading], ...lines]);
      return;
    }
    case 'belowReviewLog': {
      const review = locateClientTab(tab.grid).sections.get('review');
      if (!review || review.endRow < tab.grid.length) return;
      const rows = edit.lines.map((c) => [...new Array<Value>(c - 1).fill(''), secret()]);
      insertRows(tab, tab.grid.length + 2, [[], ...rows]);
      return;
    }
    case 'formula': {
      const row = edit.row % tab.grid.length;
      widen(tab, edit.column);
      let value: Value;
      let formula: string;
      if (edit.from === 'private') {
        const cells = privateCells(tab);
        const [i, j] = cells[edit.pick % Math.max(1, cells.length)] ?? [0, 1];
        value = tab.grid[i]?.[j] ?? '';
        formula = `=${columnLetter(j + 1)}${i + 1}`;
      } else {
        const others = draft.tabs.filter((t) => t.owner !== tab.owner);
        const other = others[edit.pick % Math.max(1, others.length)];
        if (!other) return;
        const cells = privateCells(other);
        const [i, j] = cells[edit.pick % Math.max(1, cells.length)] ?? [0, 1];
        value = other.grid[i]?.[j] ?? '';
        formula = `='${other.name.replace(/'/g, "''")}'!${columnLetter(j + 1)}${i + 1}`;
      }
      (tab.grid[row] as Value[])[edit.column - 1] = value;
      (tab.formulas[row] as string[])[edit.column - 1] = formula;
      return;
    }
    case 'spillingFormula': {
      // An array formula whose values fill the cells below and to its right: private ones here.
      const row = edit.row % tab.grid.length;
      const [down, across] = edit.spill;
      widen(tab, edit.column + across);
      while (tab.grid.length < row + down) insertRows(tab, tab.grid.length + 1, [[]]);
      for (let i = 0; i < down; i++) {
        widen(tab, edit.column + across);
        for (let j = 0; j < across; j++) {
          (tab.grid[row + i] as Value[])[edit.column - 1 + j] = secret();
          (tab.formulas[row + i] as string[])[edit.column - 1 + j] = '';
        }
      }
      (tab.formulas[row] as string[])[edit.column - 1] = '=TRANSPOSE(Z1:Z3)';
      return;
    }
    case 'separators': {
      const row = tab.grid[edit.row % tab.grid.length] as Value[];
      const v = row[edit.column - 1];
      if (typeof v !== 'string' || !/[ts]\d+x\d+y/.test(v)) return;
      const secretText = /s\d+x\d+y/.test(v);
      row[edit.column - 1] =
        `${v}${SEPARATORS[edit.separator]}${token(draft, tab.owner, secretText)}`;
      return;
    }
    case 'renameTab': {
      const other = draft.clients.find((_, i) => i !== tab.owner);
      tab.name =
        edit.toOtherClient && other
          ? `${other.name} (renamed)`
          : `Renamed ${token(draft, tab.owner, false)}`;
      return;
    }
    case 'duplicateTab':
      draft.tabs.push({
        name: `Copy of ${tab.name}`,
        owner: tab.owner,
        grid: tab.grid.map((r) => [...r]),
        formulas: tab.formulas.map((r) => [...r]),
      });
      return;
  }
}

/**
 * What a founder of `owner` must not see in `text`: any private token, any token of another
 * client. Returns the first one found.
 */
export function leakIn(text: string, owner: number): string | null {
  for (const m of text.matchAll(/([ts])(\d+)x\d+y/g)) {
    if (m[1] === 's' || Number(m[2]) !== owner) return m[0];
  }
  return null;
}
