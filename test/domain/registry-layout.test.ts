/** The section table as the sheets and the sidebar use it, from its compact column lists. */
import { describe, expect, it } from 'vitest';
import {
  DECISION_STATUSES,
  REVIEW_MARKS,
  SCALE,
  SECTIONS,
  sectionOf,
  type ColumnType,
} from '../../src/domain/registry-layout.js';

const TYPES: ColumnType[] = [
  'id',
  'text',
  'longText',
  'date',
  'scale',
  'choice',
  'tags',
  'link',
  'formula',
];

describe('the sections of a client tab', () => {
  it('key a column by its header in camelCase, leaving out a part in brackets', () => {
    const keys = (kind: Parameters<typeof sectionOf>[0]) =>
      sectionOf(kind).columns.map((c) => `${c.header} → ${c.key}`);
    expect(keys('goal')).toEqual([
      'ID → id',
      'Goal → goal',
      'Why (business milestone) → why',
      'Metric / target → metricTarget',
      'Target date → targetDate',
      'Status → status',
      'Owner → owner',
      'Link → link',
    ]);
    expect(keys('review').slice(0, 3)).toEqual([
      'Date → date',
      'PM reviewed → pmReviewed',
      'Code reviewed → codeReviewed',
    ]);
    expect(keys('team')[0]).toBe('Person / role → personRole');
  });

  it('type every column, text where none is written, and offer each choice and scale its list', () => {
    const decision = sectionOf('decision').columns;
    expect(decision.map((c) => c.type)).toEqual([
      'id',
      'text',
      'choice',
      'date',
      'date',
      'date',
      'text',
      'longText',
      'longText',
      'longText',
      'longText',
      'tags',
      'text',
      'text',
      'link',
      'longText',
    ]);
    expect(decision.find((c) => c.key === 'status')?.choices).toBe(DECISION_STATUSES);
    expect(sectionOf('debt').columns.find((c) => c.key === 'impact')?.choices).toBe(SCALE);
    expect(sectionOf('review').columns.find((c) => c.key === 'leadSync')?.choices).toBe(
      REVIEW_MARKS,
    );
    for (const s of SECTIONS) {
      for (const c of s.columns) {
        expect(TYPES, `${s.title}: ${c.header}`).toContain(c.type);
        expect(
          c.choices !== undefined,
          `${s.title}: ${c.header} has choices only when a choice or a scale`,
        ).toBe(c.type === 'choice' || c.type === 'scale');
      }
      expect(new Set(s.columns.map((c) => c.key)).size, s.title).toBe(s.columns.length);
    }
  });
});
