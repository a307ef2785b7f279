import { describe, expect, it } from 'vitest';
import { updateItemSchema } from '../../src/domain/add-item.js';
import { locateClientTab, type LocatedSection } from '../../src/domain/client-tab-layout.js';
import { findItemRow, itemRefs, parseItemRef } from '../../src/domain/item-ids.js';
import { sectionOf, type SectionKind } from '../../src/domain/registry-layout.js';
import { readSectionItems } from '../../src/domain/section-items.js';
import '../../src/domain/validation.js';

const headers = (kind: SectionKind): string[] => sectionOf(kind).columns.map((c) => c.header);

/** A client tab holding one section, its data rows starting at row 3. */
function sectionOfGrid(kind: SectionKind, rows: unknown[][], header = headers(kind)) {
  const grid = [[sectionOf(kind).title], header, ...rows];
  return locateClientTab(grid).sections.get(kind) as LocatedSection;
}

const team = (person: string, gaps = '', extra: unknown[] = []) => [
  person,
  'Backend',
  gaps,
  '',
  '',
  ...extra,
];

function refAt(section: LocatedSection, row: number): string {
  return itemRefs(section)[section.rows.findIndex((r) => r.row === row)] as string;
}

describe('the identity of a row', () => {
  it('is its ID when the row has one of its own, else a row reference', () => {
    const debt = sectionOfGrid('debt', [
      ['D-1', 'Fix CI'],
      ['', 'Typed by hand'],
      ['d-2', 'Lower-case ID'],
      ['D-3', 'Twin'],
      ['D-3', 'Twin copied by hand'],
    ]);
    const refs = itemRefs(debt);
    expect(refs[0]).toBe('D-1');
    expect(refs.slice(1).every((r) => /^row:\d+:/.test(r))).toBe(true);
    expect(refs.slice(1).map((r) => r.split(':')[1])).toEqual(['4', '5', '6', '7']);
  });

  it('gives every Team and Review log row a row reference, and readSectionItems hands it out', () => {
    const section = sectionOfGrid('team', [team('Lead engineer'), team('Designer')]);
    const { items } = readSectionItems(section, 'Acme');
    expect(items.map((i) => [i.id, i.row])).toEqual([
      ['', 3],
      ['', 4],
    ]);
    expect(items.map((i) => i.ref)).toEqual(itemRefs(section));
    expect(items[0]?.ref).toMatch(/^row:3:[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/);
    expect(items[0]?.ref).not.toBe(items[1]?.ref);
  });

  it('is what updateItem accepts, and nothing else that is not an ID', () => {
    const ref = itemRefs(sectionOfGrid('review', [['2026-11-18', 'Yes']]))[0] as string;
    const parse = (id: string) =>
      updateItemSchema.safeParse({ clientId: '1', kind: 'review', id, fields: {} });
    expect(parse(ref).success).toBe(true);
    expect(parse(`  ${ref} `).success).toBe(true);
    expect(parse('ADR-2').success).toBe(true);
    expect(parse('row:3').success).toBe(false);
    expect(parse('').success).toBe(false);
    expect(parse('r1').error?.issues[0]?.message).toMatch(
      /^ID must be an item ID such as D-4 or ADR-2\./,
    );
    expect(parseItemRef(ref)).toEqual({ row: 3, fingerprint: ref.split(':')[2] });
    expect(parseItemRef(' D-4 ')).toEqual({ id: 'D-4' });
    expect(parseItemRef('D4')).toBeNull();
  });

  it('depends on the cells a person types, not on formulas nor on columns the add-on does not know', () => {
    const withUser = [...headers('risk'), 'Customer'];
    const before = sectionOfGrid(
      'risk',
      [['', 'Vendor lock-in', 3, 4, 12, 'High', 'Sam', '', '', 'Open', '', '', 'Globex']],
      withUser,
    );
    const after = sectionOfGrid(
      'risk',
      [['', 'Vendor lock-in', 3, 4, '#REF!', '', 'Sam', '', '', 'Open', '', '', 'Initech']],
      withUser,
    );
    expect(itemRefs(after)).toEqual(itemRefs(before));
    const edited = sectionOfGrid('risk', [['', 'Vendor lock-in', 3, 5, 15, 'High', 'Sam']]);
    expect(itemRefs(edited)).not.toEqual(itemRefs(before));
  });
});

describe('finding the row a reference names', () => {
  it('finds the row by ID, wherever it moved, and says when the ID is gone', () => {
    const debt = sectionOfGrid('debt', [
      ['D-2', 'Other'],
      ['D-1', 'Fix CI'],
    ]);
    expect(findItemRow(debt, { id: 'D-1' })).toEqual({ row: 4 });
    expect(findItemRow(debt, { id: 'D-9' })).toEqual({ missing: true });
  });

  it('finds a row without an ID where it was read', () => {
    const section = sectionOfGrid('team', [team('Lead engineer'), team('Designer')]);
    const ref = parseItemRef(refAt(section, 4));
    expect(ref && findItemRow(section, ref)).toEqual({ row: 4 });
  });

  it('follows a row moved by rows inserted or deleted above it', () => {
    const read = sectionOfGrid('team', [team('Lead engineer'), team('Designer')]);
    const ref = parseItemRef(refAt(read, 4));
    const inserted = sectionOfGrid('team', [
      team('New hire'),
      team('Lead engineer'),
      team('Designer'),
    ]);
    expect(ref && findItemRow(inserted, ref)).toEqual({ row: 5 });
    const deleted = sectionOfGrid('team', [team('Designer')]);
    expect(ref && findItemRow(deleted, ref)).toEqual({ row: 3 });
  });

  it('refuses a row changed by hand since it was read, even at the same place', () => {
    const read = sectionOfGrid('team', [team('Lead engineer'), team('Designer')]);
    const ref = parseItemRef(refAt(read, 4));
    const changed = sectionOfGrid('team', [team('Lead engineer'), team('Designer', 'Figma')]);
    expect(ref && findItemRow(changed, ref)).toEqual({ missing: true });
    const gone = sectionOfGrid('team', [team('Lead engineer')]);
    expect(ref && findItemRow(gone, ref)).toEqual({ missing: true });
  });

  it('tells two identical rows apart by where they are', () => {
    const section = sectionOfGrid('review', [
      ['2026-11-18', 'Yes', 'Yes', 'Yes', 'Weekly'],
      ['2026-11-18', 'Yes', 'Yes', 'Yes', 'Weekly'],
    ]);
    const refs = itemRefs(section);
    expect(refs.map((r) => r.split(':').slice(0, 2).join(':'))).toEqual(['row:3', 'row:4']);
    expect(refs[0]?.split(':')[2]).toBe(refs[1]?.split(':')[2]);
    const [first, second] = refs.map((r) => parseItemRef(r));
    expect(first && findItemRow(section, first)).toEqual({ row: 3 });
    expect(second && findItemRow(section, second)).toEqual({ row: 4 });
  });

  it('refuses to guess when the row moved and several rows now read exactly like it', () => {
    const same = ['2026-11-18', 'Yes', 'Yes', 'Yes', 'Weekly'];
    const read = sectionOfGrid('review', [same, same]);
    const ref = parseItemRef(refAt(read, 4));
    const moved = sectionOfGrid('review', [['2026-11-11', 'No'], ['2026-11-04'], same, same]);
    expect(ref && findItemRow(moved, ref)).toEqual({ ambiguous: 2 });
  });
});
