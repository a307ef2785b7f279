/**
 * A client's week as a budget: the candidates in the order DESIGN.md gives (the weekly review,
 * what must not wait, decisions and notices, Do-now debt, goals within 30 days, team gaps with a
 * plan, the quarterly debt review), each item once with every reason that placed it, then filled
 * into the client's hours. What does not fit waits and is not counted.
 */
import { ISO_DATE_FORM, addDays, daysBetween } from './dates.js';
import type { Rollup } from './rollup.js';
import { relatedDecisionIndex } from './related-decisions.js';
import { num, str, type ClientRecord } from './client-record.js';
import {
  dueDateOf,
  isOpenDebt,
  isOpenGoal,
  isOpenRisk,
  isPendingDecision,
  tagsOf,
} from './item-states.js';
import { riskBand, riskScore } from './risk.js';
import { isOverdueDeliverable } from './client-health.js';
import type { RegistrySettings } from './settings.js';
import type { SectionKind } from './registry-layout.js';
import type { RegistryItem } from './section-items.js';
import type {
  AgendaEntry,
  AgendaKind,
  AgendaSubject,
  ClientPlan,
  ReviewStep,
} from './weekly-plan.js';
import type { PreviousClient } from './week-closing.js';

/** Estimates, in minutes, of an entry by what it is about. */
export const MINUTES = {
  risk: 15,
  decision: 30,
  goal: 15,
  debt: 30,
  notice: 15,
  conflict: 15,
  team: 15,
  quarterly: 30,
  deliverable: 30,
} as const;

/** Shares of the review's minutes: PM board, codebase, lead sync, registry update. */
const REVIEW_SHARES: [ReviewStep, number][] = [
  ['pm', 0.25],
  ['code', 0.25],
  ['sync', 0.375],
  ['registry', 0.125],
];

/** Waits listed per client; the rest are counted ("and 12 more"), Priorities has them all. */
export const WAITS_SHOWN = 5;
/** Do-now debt items a week considers per client, best ranked first. */
const DO_NOW_CONSIDERED = 5;
const GOAL_HORIZON_DAYS = 30;

/** An entry before the budget: the tier it was first placed in (0 is the review). */
export interface Candidate extends AgendaEntry {
  tier: number;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const WEEKDAYS = new Map<string, string>();

/** "Thu" for a date: asked for every item due this week, so each date is worked out once. */
function weekday(iso: string): string {
  let day = WEEKDAYS.get(iso);
  if (day === undefined) {
    day = DAY_NAMES[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? iso;
    WEEKDAYS.set(iso, day);
  }
  return day;
}

function itemKey(section: SectionKind, item: RegistryItem): string {
  return `${section}:${item.id || `row ${item.row}`}`;
}

const NOUN: Record<'risk' | 'decision' | 'goal' | 'debt', string> = {
  risk: 'Risk',
  decision: 'Decision',
  goal: 'Goal',
  debt: 'Debt',
};
const TITLE: Record<'risk' | 'decision' | 'goal' | 'debt', string> = {
  risk: 'risk',
  decision: 'title',
  goal: 'goal',
  debt: 'title',
};

function headlineOf(section: 'risk' | 'decision' | 'goal' | 'debt', item: RegistryItem): string {
  const title = str(item.fields[TITLE[section]]);
  return `${NOUN[section]}${item.id ? ` ${item.id}` : ''}${title ? ` ${title}` : ''}`;
}

export function bandOf(risk: RegistryItem): string {
  const typed = str(risk.fields['band']);
  return (
    typed || (riskBand(riskScore(num(risk.fields['likelihood']), num(risk.fields['impact']))) ?? '')
  );
}

/** Every candidate of a client, in the budget's order; the registry-wide indexes built once. */
export function clientCandidates(
  clients: readonly ClientRecord[],
  rollup: Rollup,
  settings: RegistrySettings,
  today: string,
  weekStart: string,
  weekEnd: string,
): (c: ClientRecord) => Candidate[] {
  const related = relatedDecisionIndex(
    clients.map((c) => ({ clientId: c.id, clientName: c.name, decisions: c.items.decision })),
  );
  const doNowByClient = new Map<string, Rollup['priorities']>();
  // forEach, not for…of: this runs once a plan, over every entry of the registry (70,000 at
  // 100 × 1,000), too few times to be optimised, and unoptimised for…of makes an object a step.
  rollup.priorities.forEach((p) => {
    if (p.kind !== 'debt' || p.quadrant !== 'Do now') return;
    const list = doNowByClient.get(p.clientId);
    if (!list) doNowByClient.set(p.clientId, [p]);
    else if (list.length < DO_NOW_CONSIDERED) list.push(p);
  });
  // Conflicts and notices by client, so that each client's week reads its own, not all of them.
  const conflictsByClient = new Map<string, Map<string, Rollup['conflicts']>>();
  for (const k of rollup.conflicts) {
    if (!k.decisionId) continue;
    let ofClient = conflictsByClient.get(k.clientId);
    if (!ofClient)
      conflictsByClient.set(k.clientId, (ofClient = new Map<string, Rollup['conflicts']>()));
    const list = ofClient.get(k.decisionId);
    if (list) list.push(k);
    else ofClient.set(k.decisionId, [k]);
  }
  const noticesByClient = new Map<string, Rollup['notices']>();
  const noticeFor = (clientId: string, n: Rollup['notices'][number]): void => {
    const list = noticesByClient.get(clientId);
    if (list) list.push(n);
    else noticesByClient.set(clientId, [n]);
  };
  for (const n of rollup.notices) {
    noticeFor(n.consumerId, n);
    if (n.providerId !== n.consumerId) noticeFor(n.providerId, n);
  }
  const dueReason = (due: string): string =>
    due === today ? 'due today' : due >= weekStart ? `due ${weekday(due)}` : `due ${due}`;
  const goalHorizon = addDays(today, GOAL_HORIZON_DAYS);

  return (c) => {
    const byKey = new Map<string, Candidate>();
    /** Another reason for an entry placed before: one entry per key, every reason listed once. */
    const merge = (found: Candidate, reason: string, minutes: number, link: string): void => {
      if (reason && !found.reasons.includes(reason)) found.reasons.push(reason);
      // One entry for the item: it takes the longest of the estimates its reasons give.
      found.minutes = Math.max(found.minutes, minutes);
      if (!found.link && link) found.link = link;
    };
    /** An entry for `key`, or another reason for the one placed before. */
    const add = (
      tier: number,
      kind: AgendaKind,
      key: string,
      headline: string,
      reason: string,
      minutes: number,
      link = '',
      privateNote = '',
      subject?: AgendaSubject,
    ): void => {
      const found = byKey.get(key);
      if (found) {
        merge(found, reason, minutes, link);
        return;
      }
      const candidate: Candidate = {
        tier,
        kind,
        key,
        headline,
        reasons: reason ? [reason] : [],
        label: '',
        minutes,
        link,
        privateNote,
        carried: 0,
        done: false,
      };
      if (subject) candidate.subject = subject;
      byKey.set(key, candidate);
    };

    const budget = Math.max(0, (c.hoursPerWeek ?? 0) * 60);
    const review = Math.min(settings.reviewMinutes, budget);
    const stepLabel: Record<ReviewStep, string> = {
      pm: `Review the ${c.pmTool || 'PM'} board`,
      code: 'Review the codebase',
      sync: 'Sync with the lead engineer',
      registry: 'Update the registry',
    };
    const stepLink: Record<ReviewStep, string> = {
      pm: c.pmLink,
      code: c.repoLink,
      sync: '',
      registry: '',
    };
    let given = 0;
    REVIEW_SHARES.forEach(([step, share], i) => {
      const minutes = i === REVIEW_SHARES.length - 1 ? review - given : Math.round(review * share);
      given += minutes;
      add(0, 'review', `review:${step}`, stepLabel[step], '', minutes, stepLink[step], '', {
        kind: 'review',
        step,
      });
    });

    /**
     * An item's entry: merged when placed before (taking `link` when it has none), else made, its
     * headline, link (`link`, else the item's) and private note worked out only then: most items
     * a plan places twice, once as due and once as a decision, and the second time they are
     * thrown away unread.
     */
    const placeItem = (
      tier: number,
      kind: AgendaKind,
      section: 'risk' | 'decision' | 'goal' | 'debt',
      item: RegistryItem,
      reason: string,
      minutes: number,
      link?: string,
    ): void => {
      const key = itemKey(section, item);
      const found = byKey.get(key);
      if (found) merge(found, reason, minutes, link ?? '');
      else
        add(
          tier,
          kind,
          key,
          headlineOf(section, item),
          reason,
          minutes,
          link ?? str(item.fields['link']),
          str(item.fields['privateNote']),
          { kind: 'item', section, row: item.row },
        );
    };

    // What must not wait: overdue first, then open Critical risks, then what is due this week.
    // Three passes over the same items, without a list of them in between (100 × 1,000 items).
    const pass = (match: (due: string) => string, kind: AgendaKind, critical: boolean): void => {
      for (const r of c.items.risk) {
        if (!isOpenRisk(r.fields)) continue;
        if (critical) {
          if (bandOf(r) === 'Critical') placeItem(1, kind, 'risk', r, 'Critical', MINUTES.risk);
          continue;
        }
        const why = match(dueDateOf('risk', r.fields));
        if (why) placeItem(1, kind, 'risk', r, why, MINUTES.risk);
      }
      if (critical) return;
      for (const d of c.items.decision) {
        if (!isPendingDecision(d.fields)) continue;
        const why = match(dueDateOf('decision', d.fields));
        if (why) placeItem(1, kind, 'decision', d, why, MINUTES.decision);
      }
      for (const g of c.items.goal) {
        if (!isOpenGoal(g.fields)) continue;
        const why = match(dueDateOf('goal', g.fields));
        if (why) placeItem(1, kind, 'goal', g, why, MINUTES.goal);
      }
    };
    pass((due) => (due && due < today ? `overdue since ${due}` : ''), 'overdue', false);
    // An overdue stage deliverable; no subject, so no founder line is rebuilt from it.
    for (const d of c.health?.deliverables ?? []) {
      if (!isOverdueDeliverable(d, today)) continue;
      const key = `deliverable:${d.deliverable.toLowerCase() || `row ${d.row}`}`;
      add(
        1,
        'overdue',
        key,
        `Deliverable ${d.deliverable}`,
        `overdue since ${d.due}`,
        MINUTES.deliverable,
        d.link,
      );
    }
    pass(() => '', 'critical', true);
    pass((due) => (due && due >= today && due <= weekEnd ? dueReason(due) : ''), 'due', false);

    // Decisions, principle conflicts, dependency notices.
    const conflicts = conflictsByClient.get(c.id) ?? new Map<string, Rollup['conflicts']>();
    const none: Rollup['conflicts'] = [];
    // Decisions tagged alike have the same relatives: each list of tags is looked up once.
    const relatedByTags = new Map<string, string>();
    const relatedOf = (d: RegistryItem): string => {
      const tags = tagsOf(d);
      const asked = tags.join(',');
      let reason = relatedByTags.get(asked);
      if (reason === undefined) {
        const others = related(tags, c.id, 3);
        reason = others.length
          ? `related: ${others.map((r) => `${r.clientName} ${r.id} ${r.title}`).join(', ')}`
          : '';
        relatedByTags.set(asked, reason);
      }
      return reason;
    };
    for (const d of c.items.decision) {
      const own = (d.id && conflicts.get(d.id)) || none;
      const pending = isPendingDecision(d.fields);
      if (!pending && own.length === 0) continue;
      const key = itemKey('decision', d);
      const others = pending ? relatedOf(d) : '';
      const reasons = others ? [others] : [];
      for (const k of own) reasons.push(k.message);
      placeItem(
        2,
        pending ? 'decision' : 'conflict',
        'decision',
        d,
        reasons[0] ?? (byKey.has(key) ? '' : 'to decide'),
        pending ? MINUTES.decision : MINUTES.conflict,
        str(d.fields['link']),
      );
      for (let i = 1; i < reasons.length; i++) add(2, 'decision', key, '', reasons[i] as string, 0);
    }
    for (const n of noticesByClient.get(c.id) ?? []) {
      if (n.consumerId === c.id)
        add(
          2,
          'notice',
          `notice:${n.providerId}:${n.itemId}`,
          `${n.providerName} changed ${n.component || 'a component'}: ${n.itemId} ${n.title}`,
          `you depend on it (${n.date})`,
          MINUTES.notice,
        );
      if (n.providerId === c.id) {
        const item = c.items[n.kind].find((i) => i.id === n.itemId);
        const reason = `tell ${n.consumerName}: it depends on ${n.component || 'this'}`;
        if (item)
          placeItem(2, 'notice', n.kind, item, reason, MINUTES.notice, str(item.fields['link']));
        else
          add(
            2,
            'notice',
            `${n.kind}:${n.itemId}`,
            `${NOUN[n.kind]} ${n.itemId} ${n.title}`,
            reason,
            MINUTES.notice,
          );
      }
    }

    for (const p of doNowByClient.get(c.id) ?? []) {
      const item = c.items.debt.find((d) => d.id === p.id && d.row === p.row);
      if (item) placeItem(3, 'doNow', 'debt', item, 'Do now', MINUTES.debt, p.link);
    }
    for (const g of c.items.goal) {
      const target = dueDateOf('goal', g.fields);
      // One due this week is already among what must not wait.
      if (isOpenGoal(g.fields) && target > weekEnd && target <= goalHorizon)
        placeItem(4, 'goal', 'goal', g, `target ${target}`, MINUTES.goal, str(g.fields['link']));
    }
    for (const t of c.items.team) {
      const gaps = str(t.fields['gaps']).trim();
      const plan = str(t.fields['plan']).trim();
      if (!gaps || !plan) continue;
      const who = str(t.fields['personRole']).trim();
      add(
        5,
        'team',
        `team:${(who || gaps).toLowerCase()}`,
        `Team gap${who ? ` (${who})` : ''}: ${gaps}`,
        `plan: ${plan}`,
        MINUTES.team,
        '',
        '',
        { kind: 'item', section: 'team', row: t.row },
      );
    }
    const quarterly = quarterlyReviewDue(c, today, settings.debtReviewCadenceDays);
    if (quarterly)
      add(6, 'quarterly', 'quarterly', 'Quarterly debt review', quarterly, MINUTES.quarterly);

    return [...byKey.values()].sort((a, b) => a.tier - b.tier);
  };
}

/**
 * Why the quarterly debt review is due ("last 2026-08-19", "never reviewed"), or '' when it is
 * not: no open debt, or a Last reviewed within the cadence. An inventory never reviewed is due
 * once its oldest open item was added longer ago than the cadence (or has no Added date), so a
 * new client's first debt item does not ask for a quarterly review in its first week.
 */
export function quarterlyReviewDue(c: ClientRecord, today: string, cadence: number): string {
  // One pass over the inventory: the last review, and the oldest open item's Added date.
  let open = false;
  let last = '';
  let oldest = '';
  let undated = false;
  for (const d of c.items.debt) {
    const reviewed = str(d.fields['lastReviewed']);
    if (reviewed > last) last = reviewed;
    if (!isOpenDebt(d.fields)) continue;
    open = true;
    const added = str(d.fields['added']);
    if (!added) undated = true;
    else if (!oldest || added < oldest) oldest = added;
  }
  if (!open) return '';
  if (last) return daysBetween(last, today) > cadence ? `last ${last}` : '';
  if (undated) return 'never reviewed';
  return daysBetween(oldest, today) > cadence ? 'never reviewed' : '';
}

/** The keys of a client's items still open: an unticked entry about one comes back next week. */
function openKeys(c: ClientRecord): Set<string> {
  const keys = new Set<string>();
  for (const d of c.items.debt) if (isOpenDebt(d.fields)) keys.add(itemKey('debt', d));
  for (const r of c.items.risk) if (isOpenRisk(r.fields)) keys.add(itemKey('risk', r));
  for (const d of c.items.decision)
    if (isPendingDecision(d.fields)) keys.add(itemKey('decision', d));
  for (const g of c.items.goal) if (isOpenGoal(g.fields)) keys.add(itemKey('goal', g));
  return keys;
}

const CARRIED = / \(carried over \d+ weeks?\)$/;

export function labelOf(headline: string, reasons: readonly string[], carried: number): string {
  const why = reasons.length ? `: ${reasons.join('; ')}` : '';
  const weeks = carried ? ` (carried over ${carried} week${carried === 1 ? '' : 's'})` : '';
  return `${headline}${why}${weeks}`;
}

/**
 * Since when a client is known to the registry: its profile's Engagement start, else the
 * earliest date on its tab (an item raised, a decision proposed, …); '' when none is known.
 */
export function knownSince(c: ClientRecord): string {
  if (c.engagementStart) return c.engagementStart;
  let earliest = '';
  for (const kind in c.items)
    for (const i of c.items[kind as keyof ClientRecord['items']]) {
      const fields = i.fields;
      for (const name in fields) {
        const v = fields[name];
        // Only a text of a date's length can be one; the pattern then decides.
        if (typeof v !== 'string' || v.length !== 10 || (earliest && v >= earliest)) continue;
        if (ISO_DATE_FORM.test(v)) earliest = v;
      }
    }
  return earliest;
}

/**
 * Why a client is drifting, or '': its last review is older than its cadence. A client with no
 * review logged is drifting only once it has been known longer than its cadence (a new
 * engagement is not drifting in its first plan); when it is not known since when, it is not.
 */
function drifting(c: ClientRecord, settings: RegistrySettings, today: string): string {
  const cadence = c.reviewCadence ?? settings.reviewCadenceDays;
  const last = c.items.review
    .map((r) => str(r.fields['date']))
    .reduce((a, b) => (b > a ? b : a), '');
  if (!last) {
    const since = knownSince(c);
    const known = since && since <= today ? daysBetween(since, today) : 0;
    return known > cadence
      ? `no review logged yet, ${known} days on the registry (since ${since}; cadence ${cadence} days)`
      : '';
  }
  const days = daysBetween(last, today);
  return days > cadence ? `last review ${last}, ${days} days ago (cadence ${cadence} days)` : '';
}

/** The entries of the plan on the tab that no rule places this week and come back. */
function returningEntries(
  c: ClientRecord,
  candidates: readonly Candidate[],
  prior: PreviousClient,
  sameWeek: boolean,
): Candidate[] {
  const generated = new Set(candidates.map((k) => k.key));
  const open = openKeys(c);
  return prior.entries
    .filter(
      (p) =>
        !generated.has(p.key) &&
        !p.review &&
        (sameWeek ? p.carried > 0 : !p.done) &&
        (open.has(p.key) || p.key.startsWith('notice:')),
    )
    .map((p) => ({
      tier: 2,
      kind: p.key.startsWith('notice:') ? 'notice' : 'decision',
      key: p.key,
      headline: p.label.replace(CARRIED, ''),
      reasons: [],
      label: '',
      minutes: p.minutes,
      link: '',
      privateNote: '',
      carried: 0,
      done: false,
    }));
}

type Filled = Omit<ClientPlan, 'actualHours' | 'state' | 'baseline'>;

/**
 * Fills the client's hours in order. The review and what must not wait are always planned (when
 * they need more than the hours, that is the warning); the rest is planned while it fits and
 * waits when it does not. `prior` is the plan on the tab: the same week's (its ticks kept) or the
 * week before's (what was left unticked comes back, carried over one more week).
 */
export function fillBudget(
  c: ClientRecord,
  candidates: Candidate[],
  settings: RegistrySettings,
  today: string,
  prior: PreviousClient | undefined,
  sameWeek: boolean,
): Filled {
  const hours = c.hoursPerWeek ?? 0;
  const budget = Math.max(0, hours * 60);
  const before = new Map((prior?.entries ?? []).map((e) => [e.key, e]));
  // An entry left unticked that no rule places this week comes back while its item is open.
  const returning = prior ? returningEntries(c, candidates, prior, sameWeek) : [];
  // The candidates come in the budget's order: sorted again only with entries returning.
  const ordered = returning.length
    ? [...candidates, ...returning].sort((a, b) => a.tier - b.tier)
    : candidates;

  const agenda: AgendaEntry[] = [];
  const waits: AgendaEntry[] = [];
  let used = 0;
  let fixed = 0;
  for (const k of ordered) {
    const tier = k.tier;
    const p = before.size ? before.get(k.key) : undefined;
    if (p) {
      if (sameWeek) {
        k.carried = p.carried;
        k.done = p.done;
      } else if (!p.done && k.kind !== 'review') k.carried = p.carried + 1;
    }
    const e: AgendaEntry = k;
    if (tier <= 1) {
      agenda.push(e);
      used += e.minutes;
      if (tier === 1) fixed += e.minutes;
    } else if (used + e.minutes <= budget) {
      agenda.push(e);
      used += e.minutes;
    } else {
      waits.push(e);
      // Only the first waits are listed: the others are counted, their labels never read.
      if (waits.length > WAITS_SHOWN) continue;
    }
    k.label = labelOf(k.headline, k.reasons, k.carried);
  }
  const reviewMinutes = Math.min(settings.reviewMinutes, budget);
  const overMinutes = Math.max(0, reviewMinutes + fixed - budget);
  // What the CTO will do this week: an entry that waits is not the week's focus.
  const firstAfterReview = agenda.find((e) => e.kind !== 'review');
  return {
    clientId: c.id,
    name: c.name,
    hours,
    focus: c.focus?.trim() || firstAfterReview?.headline || 'weekly review',
    agenda,
    waits: waits.slice(0, WAITS_SHOWN),
    waitsMore: Math.max(0, waits.length - WAITS_SHOWN),
    plannedMinutes: used,
    budgetMinutes: budget,
    overMinutes,
    overdue: agenda.filter((e) => e.kind === 'overdue').length,
    overbooked: overMinutes > 0,
    drifting: drifting(c, settings, today),
  };
}
