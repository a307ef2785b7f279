import { describe, expect, it } from 'vitest';
import {
  isActiveClient,
  isOpenDebt,
  isOpenGoal,
  isOpenRisk,
  isOverdue,
  isPendingDecision,
  splitTags,
  tagsOf,
} from '../../src/domain/item-states.js';

describe('one definition of each state', () => {
  it.each([
    ['', true],
    ['Active', true],
    [' Active ', true],
    ['Paused', false],
    ['Ended', false],
  ])('a client with status "%s" is active: %s', (status, active) => {
    expect(isActiveClient(status)).toBe(active);
  });

  it.each([
    ['', true],
    ['Open', true],
    ['In progress', true],
    ['Done', false],
    ["Won't fix", false],
  ])('a debt item with status "%s" is open: %s', (status, open) => {
    expect(isOpenDebt({ status })).toBe(open);
  });

  it.each([
    ['', true],
    ['Open', true],
    ['Mitigating', true],
    ['Accepted', false],
    ['Closed', false],
  ])('a risk with status "%s" is open: %s', (status, open) => {
    expect(isOpenRisk({ status })).toBe(open);
  });

  it('only a Proposed decision is pending; a goal is open until Done or Dropped', () => {
    expect(['Proposed', 'Accepted', ''].map((status) => isPendingDecision({ status }))).toEqual([
      true,
      false,
      false,
    ]);
    expect(['', 'On track', 'Done', 'Dropped'].map((status) => isOpenGoal({ status }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('overdue: an open risk, a pending decision or an unfinished goal dated before today', () => {
    const today = '2026-11-23';
    const overdue = (kind: 'risk' | 'decision' | 'goal' | 'debt', fields: Record<string, string>) =>
      isOverdue({ kind, fields }, today);
    expect(overdue('risk', { status: '', due: '2026-11-22' })).toBe(true);
    expect(overdue('risk', { status: 'Closed', due: '2026-11-22' })).toBe(false);
    expect(overdue('risk', { status: 'Open', due: '2026-11-23' })).toBe(false);
    expect(overdue('decision', { status: 'Proposed', due: '2026-11-01' })).toBe(true);
    expect(overdue('decision', { status: 'Accepted', due: '2026-11-01' })).toBe(false);
    expect(overdue('goal', { status: 'On track', targetDate: '2026-11-01' })).toBe(true);
    expect(overdue('goal', { status: 'Done', targetDate: '2026-11-01' })).toBe(false);
    expect(overdue('goal', { status: 'On track', targetDate: '' })).toBe(false);
    expect(overdue('debt', { status: 'Open', due: '2026-11-01' })).toBe(false);
  });

  it('tags: a comma list, trimmed, in lower case, without blanks or repeats', () => {
    expect(splitTags(' Auth, postgres ,,AUTH, Data ')).toEqual(['auth', 'postgres', 'data']);
    expect(tagsOf({ fields: { tags: ['auth'] } })).toEqual(['auth']);
    expect(tagsOf({ fields: { tags: 'Auth, db' } })).toEqual(['auth', 'db']);
    expect(tagsOf({ fields: {} })).toEqual([]);
  });
});
