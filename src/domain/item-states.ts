/**
 * What each state of the registry means, defined once and used by every tab, formula, the plan,
 * the founder view and the sidebar. A blank status is what a person leaves when they add a row
 * by hand: a blank debt item or risk is open, a blank client is active.
 */
import type { RegistryItem } from './section-items.js';
import { str } from './client-record.js';

type Fields = RegistryItem['fields'];

function text(v: unknown): string {
  return str(v).trim();
}

/** Statuses that leave a debt item open; a blank status is open too. */
export const OPEN_DEBT_STATUSES = ['Open', 'In progress'] as const;
/** Statuses that leave a risk open; a blank status is open too. */
export const OPEN_RISK_STATUSES = ['Open', 'Mitigating'] as const;
/** The status of a decision still to be made. */
export const PENDING_DECISION_STATUS = 'Proposed';
/** Goal statuses after which a target date no longer matters. */
export const FINISHED_GOAL_STATUSES = ['Done', 'Dropped'] as const;

export function isActiveClient(status: unknown): boolean {
  const s = text(status);
  return s === '' || s === 'Active';
}

export function isOpenDebt(fields: Fields): boolean {
  const s = text(fields['status']);
  return s === '' || (OPEN_DEBT_STATUSES as readonly string[]).includes(s);
}

export function isOpenRisk(fields: Fields): boolean {
  const s = text(fields['status']);
  return s === '' || (OPEN_RISK_STATUSES as readonly string[]).includes(s);
}

export function isPendingDecision(fields: Fields): boolean {
  return text(fields['status']) === PENDING_DECISION_STATUS;
}

export function isOpenGoal(fields: Fields): boolean {
  return !(FINISHED_GOAL_STATUSES as readonly string[]).includes(text(fields['status']));
}

/** The date an item must be dealt with by: a risk's or decision's Due, a goal's Target date. */
export function dueDateOf(kind: 'risk' | 'decision' | 'goal', fields: Fields): string {
  return text(kind === 'goal' ? fields['targetDate'] : fields['due']);
}

/**
 * Overdue: an open risk, a pending decision or an unfinished goal whose date is before today.
 * Debt has no due date; a team or review row is never overdue.
 */
export function isOverdue(item: Pick<RegistryItem, 'kind' | 'fields'>, today: string): boolean {
  const { kind, fields } = item;
  if (kind !== 'risk' && kind !== 'decision' && kind !== 'goal') return false;
  const still =
    kind === 'risk'
      ? isOpenRisk(fields)
      : kind === 'decision'
        ? isPendingDecision(fields)
        : isOpenGoal(fields);
  const due = dueDateOf(kind, fields);
  return still && due !== '' && due < today;
}

/** A tag as the registry compares it: trimmed and in lower case. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

/** A comma-separated list as the registry keeps tags: trimmed, lower case, no blanks, no repeats. */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(',').map(normalizeTag).filter(Boolean))];
}

export function tagsOf(item: Pick<RegistryItem, 'fields'>): string[] {
  const t = item.fields['tags'];
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? splitTags(t) : [];
}
