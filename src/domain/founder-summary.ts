/**
 * The Summary a founder reads first: where their technology stands, what was decided, what is
 * needed from them and what is at risk. It is computed from the founder record alone
 * (founder-record.ts: allow-listed fields read with confidence), so it can say nothing the detail
 * tabs could not, and nothing about another client. The states (open, pending, overdue) are the
 * registry's own (item-states.ts).
 */
import { addDays } from './dates.js';
import { QUADRANTS } from './debt.js';
import type { FounderItem, FounderRecord, FounderSection } from './founder-record.js';
import type { ItemFields } from './item-schemas.js';
import { isOpenDebt, isOpenRisk, isOverdue, isPendingDecision } from './item-states.js';
import type { SectionKind } from './registry-layout.js';
import { num, str } from './client-record.js';
import { byWeek, deliveryWeek, latestBands } from './client-health.js';
import { bandSentence, MEASURES } from './dora.js';

export const FOUNDER_STATUSES = ['At risk', 'Needs attention', 'On track'] as const;
export type FounderStatus = (typeof FOUNDER_STATUSES)[number];

/** A week's focus line as the founder was told it. */
export interface FocusLine {
  /** The plan's week, its Monday (ISO date). */
  week: string;
  line: string;
}

export interface FounderSummary {
  name: string;
  asOf: string;
  status: FounderStatus;
  /** Why, in words, the gravest first. */
  reasons: string[];
  /** What the CTO works on for the company this week; '' when nothing is planned beyond review. */
  thisWeek: string;
  /** This month's focus: the last four weeks' lines, newest first. */
  focus: FocusLine[];
  /** Each list is null when its section is withheld (it cannot be read with confidence). */
  goals: { goal: string; why: string; targetDate: string; status: string }[] | null;
  decided: { title: string; date: string; decision: string }[] | null;
  needed: { title: string; due: string; deciders: string; needsYou: boolean }[] | null;
  risks: { risk: string; band: string; owner: string; mitigation: string; due: string }[] | null;
  debt: { open: { quadrant: string; count: number }[]; doNow: DoNow[] } | null;
  delivery: { lastReview: string; nextReview: string } | null;
  /**
   * The latest DORA band of each measure, in words (dora.ts), with its four-week trend; [] before
   * any week is typed, null when the tab has no Delivery section or it cannot be shared.
   */
  performance: string[] | null;
  /** Something of the registry was withheld: the Summary says it may be incomplete. */
  incomplete: boolean;
}

export interface DoNow {
  title: string;
  trackedIn: string;
}

/** How many days back "decisions made" reaches. */
export const DECIDED_WINDOW_DAYS = 30;
/** A pending decision due within this many days needs attention. */
export const DECISION_SOON_DAYS = 7;
/** More Do-now items than this needs attention. */
export const DO_NOW_LIMIT = 3;

function section(view: FounderRecord, kind: SectionKind): FounderSection | undefined {
  return view.sections.find((s) => s.spec.kind === kind);
}

function itemsOf(view: FounderRecord, kind: SectionKind): FounderItem[] | null {
  const s = section(view, kind);
  return s?.shared ? s.items : null;
}

function text(fields: ItemFields, key: string): string {
  return str(fields[key]).replace(/\s+/g, ' ').trim();
}

/** One line of a longer text: its first line, at most `max` characters. */
export function oneLine(value: string, max = 160): string {
  const first = value.split(/\r\n|[\n\r\u2028\u2029]/).find((l) => l.trim()) ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

const PRIORITY_ORDER = ['High', 'Medium', 'Low', ''];

/** Open Do-now items, the most pressing first: priority, impact, then the least effort. */
function doNowItems(debt: readonly FounderItem[]): FounderItem[] {
  return debt
    .filter((i) => isOpenDebt(i.fields) && str(i.fields['quadrant']) === 'Do now')
    .sort(
      (a, b) =>
        PRIORITY_ORDER.indexOf(text(a.fields, 'priority')) -
          PRIORITY_ORDER.indexOf(text(b.fields, 'priority')) ||
        (num(b.fields['impact']) ?? 0) - (num(a.fields['impact']) ?? 0) ||
        (num(a.fields['effort']) ?? 0) - (num(b.fields['effort']) ?? 0) ||
        a.row - b.row,
    );
}

function founderWords(view: FounderRecord): { emails: string[]; names: string[] } {
  const emails = str(view.profile.get('Founder emails'))
    .split(/[,;]/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const names = emails
    .map((e) => (e.split('@')[0] ?? '').split(/[._+-]/)[0] ?? '')
    .filter((n) => n.length >= 2);
  return { emails, names };
}

const FOUNDER_ROLE = /^(co-?)?founders?$|^ceo$|^cto$/i;

/**
 * Whether a decision's deciders name a founder: one of the founder emails, a founder's first name
 * as it starts their address (ann@… for "Ann" or "Ann Lee"), or the words "founder" or "CEO".
 */
export function needsFounder(deciders: string, view: FounderRecord): boolean {
  const { emails, names } = founderWords(view);
  return deciders
    .split(/[,;/&]|\band\b/i)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean)
    .some((d) => {
      if (emails.includes(d)) return true;
      const first = d.split(/\s+/)[0] ?? '';
      return names.includes(first) || FOUNDER_ROLE.test(d.replace(/[()]/g, ''));
    });
}

const NOUN = { risk: 'Risk', decision: 'Decision', goal: 'Goal' } as const;
const TITLE = { risk: 'risk', decision: 'title', goal: 'goal' } as const;
const DUE = { risk: 'due', decision: 'due', goal: 'targetDate' } as const;

function statusOf(
  view: FounderRecord,
  today: string,
): { status: FounderStatus; reasons: string[] } {
  const atRisk: string[] = [];
  const attention: string[] = [];
  const risks = itemsOf(view, 'risk') ?? [];
  for (const r of risks) {
    if (!isOpenRisk(r.fields)) continue;
    const band = text(r.fields, 'band');
    if (band === 'Critical') atRisk.push(`A critical risk is open: ${text(r.fields, 'risk')}.`);
    if (band === 'High') attention.push(`A high risk is open: ${text(r.fields, 'risk')}.`);
  }
  for (const kind of ['risk', 'decision', 'goal'] as const)
    for (const i of itemsOf(view, kind) ?? [])
      if (isOverdue({ kind, fields: i.fields }, today))
        atRisk.push(
          `${NOUN[kind]} overdue since ${text(i.fields, DUE[kind])}: ${text(i.fields, TITLE[kind])}.`,
        );
  const soon = addDays(today, DECISION_SOON_DAYS);
  for (const d of itemsOf(view, 'decision') ?? []) {
    const due = text(d.fields, 'due');
    if (isPendingDecision(d.fields) && due >= today && due <= soon)
      attention.push(`A decision is needed by ${due}: ${text(d.fields, 'title')}.`);
  }
  const doNow = doNowItems(itemsOf(view, 'debt') ?? []).length;
  if (doNow > DO_NOW_LIMIT)
    attention.push(
      `${doNow} technical debt items should be done now (more than ${DO_NOW_LIMIT} at once slows the team).`,
    );
  if (atRisk.length) return { status: 'At risk', reasons: [...atRisk, ...attention] };
  if (attention.length) return { status: 'Needs attention', reasons: attention };
  return {
    status: 'On track',
    reasons: [
      'No critical or high risk is open, nothing is overdue, no decision is due within 7 days, and technical debt is under control.',
    ],
  };
}

export interface SummaryInput {
  view: FounderRecord;
  name: string;
  today: string;
  thisWeek: string;
  focus: readonly FocusLine[];
  /** Days between reviews when the profile does not say (Settings). */
  reviewCadenceDays: number;
}

/** The founder's Summary, from the founder record and the client-safe focus lines. */
export function founderSummary(input: SummaryInput): FounderSummary {
  const { view, today } = input;
  const { status, reasons } = statusOf(view, today);
  const goals = itemsOf(view, 'goal');
  const decisions = itemsOf(view, 'decision');
  const risks = itemsOf(view, 'risk');
  const debt = itemsOf(view, 'debt');
  const reviews = itemsOf(view, 'review');
  const since = addDays(today, -DECIDED_WINDOW_DAYS);
  const lastReview = (reviews ?? [])
    .map((r) => text(r.fields, 'date'))
    .filter((d) => d && d <= today)
    .sort()
    .pop();
  const cadence = num(view.profile.get('Review cadence')) ?? input.reviewCadenceDays;
  return {
    name: input.name,
    asOf: today,
    status,
    reasons,
    thisWeek: input.thisWeek,
    focus: [...input.focus].sort((a, b) => b.week.localeCompare(a.week)).slice(0, 4),
    goals:
      goals &&
      goals
        .filter((g) => text(g.fields, 'status') !== 'Dropped')
        .map((g) => ({
          goal: text(g.fields, 'goal'),
          why: text(g.fields, 'why'),
          targetDate: text(g.fields, 'targetDate'),
          status: text(g.fields, 'status') || 'Not started',
        })),
    decided:
      decisions &&
      decisions
        .filter((d) => {
          const on = text(d.fields, 'decidedOn');
          return !isPendingDecision(d.fields) && on !== '' && on >= since && on <= today;
        })
        .sort((a, b) => text(b.fields, 'decidedOn').localeCompare(text(a.fields, 'decidedOn')))
        .map((d) => ({
          title: text(d.fields, 'title'),
          date: text(d.fields, 'decidedOn'),
          decision: oneLine(str(d.fields['decision'])) || text(d.fields, 'status'),
        })),
    needed:
      decisions &&
      decisions
        .filter((d) => isPendingDecision(d.fields))
        .sort((a, b) => (text(a.fields, 'due') || '9').localeCompare(text(b.fields, 'due') || '9'))
        .map((d) => ({
          title: text(d.fields, 'title'),
          due: text(d.fields, 'due'),
          deciders: text(d.fields, 'deciders'),
          needsYou: needsFounder(str(d.fields['deciders']), view),
        })),
    risks:
      risks &&
      risks
        .filter(
          (r) => isOpenRisk(r.fields) && ['High', 'Critical'].includes(text(r.fields, 'band')),
        )
        .sort(
          (a, b) =>
            (num(b.fields['score']) ?? 0) - (num(a.fields['score']) ?? 0) ||
            (text(a.fields, 'due') || '9').localeCompare(text(b.fields, 'due') || '9'),
        )
        .map((r) => ({
          risk: text(r.fields, 'risk'),
          band: text(r.fields, 'band'),
          owner: text(r.fields, 'owner'),
          mitigation: text(r.fields, 'mitigation'),
          due: text(r.fields, 'due'),
        })),
    debt: debt && {
      open: [...QUADRANTS, ''].map((q) => ({
        quadrant: q || 'Not yet scored',
        count: debt.filter((d) => isOpenDebt(d.fields) && str(d.fields['quadrant']) === q).length,
      })),
      doNow: doNowItems(debt)
        .slice(0, 3)
        .map((d) => ({ title: text(d.fields, 'title'), trackedIn: text(d.fields, 'trackedIn') })),
    },
    delivery: reviews && {
      lastReview: lastReview ?? '',
      nextReview: lastReview ? addDays(lastReview, cadence) : '',
    },
    performance: view.delivery && performanceLines(view.delivery),
    incomplete: view.withheld.length > 0,
  };
}

function performanceLines(items: readonly FounderItem[]): string[] {
  const now = latestBands(byWeek(items.map((i) => deliveryWeek(i.row, i.fields))));
  return MEASURES.flatMap((m) => {
    const { band, trend } = now[m];
    return band ? [bandSentence(m, band, trend)] : [];
  });
}

/** The focus lines kept for a client: this week's replaces any earlier one of its week; last four. */
export function withFocus(previous: readonly FocusLine[], week: string, line: string): FocusLine[] {
  const others = previous.filter((f) => f.week !== week);
  const all = line ? [...others, { week, line }] : others;
  return all.sort((a, b) => b.week.localeCompare(a.week)).slice(0, 4);
}
