/**
 * The week's plan: per active client, its hours and an agenda with estimates; then capacity.
 * Built from the registry and its rollup; knows nothing of sheets or mail.
 */
import { addDays, daysBetween } from './dates.js';
import type { Rollup } from './rollup.js';
import { relatedDecisionIndex } from './related-decisions.js';
import { str, type ClientRecord } from './client-record.js';
import {
  dueDateOf,
  isActiveClient,
  isOpenGoal,
  isOpenRisk,
  isPendingDecision,
  tagsOf,
} from './item-states.js';
import type { RegistrySettings } from './settings.js';
import type { SectionKind } from './registry-layout.js';

export type AgendaKind =
  'review' | 'overdue' | 'due' | 'decision' | 'doNow' | 'notice' | 'conflict' | 'flag';

/**
 * What an entry is about, so that a view for someone else (a founder) is built from typed fields
 * of the item itself, never by cutting the CTO's label.
 */
export type AgendaSubject =
  | { kind: 'review'; step: 'pm' | 'code' | 'sync' | 'registry' }
  | { kind: 'item'; section: SectionKind; row: number };

export interface AgendaEntry {
  kind: AgendaKind;
  label: string;
  subject?: AgendaSubject;
  minutes: number;
  link: string;
  /** Private context for the CTO's own plan; never in anything meant for a founder. */
  privateNote: string;
}

export interface ClientPlan {
  clientId: string;
  name: string;
  hours: number;
  agenda: AgendaEntry[];
  plannedMinutes: number;
  overdue: number;
  /** The agenda needs more time than the client's hours. */
  overbooked: boolean;
}

export interface WeeklyPlan {
  weekStart: string;
  weekEnd: string;
  today: string;
  clients: ClientPlan[];
  capacityHours: number;
  allocatedHours: number;
  flexHours: number;
  flexReserveHours: number;
  overCommitted: boolean;
  warnings: string[];
}

export const MINUTES: Record<string, number> = {
  pm: 20,
  code: 20,
  sync: 30,
  registry: 10,
  overdue: 15,
  due: 15,
  decision: 30,
  doNow: 30,
  notice: 15,
  conflict: 15,
  drifting: 15,
  quarterly: 45,
};

/** Monday of the week holding `today` (an ISO date). */
export function weekStartOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return addDays(today, -back);
}

function entry(
  kind: AgendaKind,
  label: string,
  minutes: number,
  link = '',
  privateNote = '',
  subject?: AgendaSubject,
): AgendaEntry {
  return subject
    ? { kind, label, minutes, link, privateNote, subject }
    : { kind, label, minutes, link, privateNote };
}

const about = (section: SectionKind, row: number): AgendaSubject => ({
  kind: 'item',
  section,
  row,
});
const step = (s: 'pm' | 'code' | 'sync' | 'registry'): AgendaSubject => ({
  kind: 'review',
  step: s,
});

interface DueItem {
  label: string;
  due: string;
  privateNote: string;
  subject: AgendaSubject;
}

function dueItems(c: ClientRecord): DueItem[] {
  const out: DueItem[] = [];
  for (const r of c.items.risk) {
    if (isOpenRisk(r.fields) && dueDateOf('risk', r.fields)) {
      out.push({
        label: `Risk ${r.id}: ${str(r.fields['risk'])}`,
        due: str(r.fields['due']),
        privateNote: str(r.fields['privateNote']),
        subject: about('risk', r.row),
      });
    }
  }
  for (const d of c.items.decision) {
    if (isPendingDecision(d.fields) && dueDateOf('decision', d.fields)) {
      out.push({
        label: `Decision ${d.id}: ${str(d.fields['title'])}`,
        due: str(d.fields['due']),
        privateNote: str(d.fields['privateNote']),
        subject: about('decision', d.row),
      });
    }
  }
  for (const g of c.items.goal) {
    if (isOpenGoal(g.fields) && dueDateOf('goal', g.fields)) {
      out.push({
        label: `Goal ${g.id}: ${str(g.fields['goal'])}`,
        due: str(g.fields['targetDate']),
        privateNote: '',
        subject: about('goal', g.row),
      });
    }
  }
  return out;
}

export function buildWeeklyPlan(
  clients: readonly ClientRecord[],
  rollup: Rollup,
  settings: RegistrySettings,
  today: string,
  sharedClientIds: ReadonlySet<string> = new Set(),
): WeeklyPlan {
  const weekStart = weekStartOf(today);
  const weekEnd = addDays(weekStart, 6);
  const active = clients.filter((c) => isActiveClient(c.status));
  const related = relatedDecisionIndex(
    clients.map((c) => ({ clientId: c.id, clientName: c.name, decisions: c.items.decision })),
  );
  const doNowByClient = new Map<string, Rollup['priorities']>();
  for (const p of rollup.priorities) {
    if (p.kind !== 'debt' || p.quadrant !== 'Do now') continue;
    const list = doNowByClient.get(p.clientId) ?? [];
    if (list.length < 3) list.push(p);
    doNowByClient.set(p.clientId, list);
  }
  const plans: ClientPlan[] = active.map((c) => {
    const agenda: AgendaEntry[] = [
      entry(
        'review',
        `Review the ${c.pmTool || 'PM'} board`,
        MINUTES['pm'] as number,
        c.pmLink,
        '',
        step('pm'),
      ),
      entry(
        'review',
        'Review the codebase',
        MINUTES['code'] as number,
        c.repoLink,
        '',
        step('code'),
      ),
      entry(
        'review',
        'Sync with the lead engineer',
        MINUTES['sync'] as number,
        '',
        '',
        step('sync'),
      ),
      entry(
        'review',
        'Update the registry',
        MINUTES['registry'] as number,
        '',
        '',
        step('registry'),
      ),
    ];
    let overdue = 0;
    for (const item of dueItems(c)) {
      if (item.due < today) {
        overdue++;
        agenda.push(
          entry(
            'overdue',
            `Overdue since ${item.due}: ${item.label}`,
            MINUTES['overdue'] as number,
            '',
            item.privateNote,
            item.subject,
          ),
        );
      } else if (item.due <= weekEnd) {
        agenda.push(
          entry(
            'due',
            `Due ${item.due}: ${item.label}`,
            MINUTES['due'] as number,
            '',
            item.privateNote,
            item.subject,
          ),
        );
      }
    }
    for (const d of c.items.decision) {
      if (!isPendingDecision(d.fields)) continue;
      const others = related(tagsOf(d), c.id, 3);
      const context = others.length
        ? ` (related: ${others.map((r) => `${r.clientName} ${r.id} ${r.title}`).join('; ')})`
        : '';
      agenda.push(
        entry(
          'decision',
          `Decide ${d.id}: ${str(d.fields['title'])}${context}`,
          MINUTES['decision'] as number,
          str(d.fields['link']),
          str(d.fields['privateNote']),
          about('decision', d.row),
        ),
      );
    }
    const doNow = (doNowByClient.get(c.id) ?? []).slice(0, 3);
    for (const p of doNow) {
      const item = c.items.debt.find((d) => d.id === p.id && d.row === p.row);
      agenda.push(
        entry(
          'doNow',
          `Do now ${p.id}: ${p.title}`,
          MINUTES['doNow'] as number,
          p.link,
          str(item?.fields['privateNote']),
          about('debt', p.row),
        ),
      );
    }
    for (const n of rollup.notices) {
      if (n.consumerId === c.id)
        agenda.push(
          entry(
            'notice',
            `${n.providerName} changed ${n.component || 'a component'} you depend on: ${n.itemId} ${n.title} (${n.date})`,
            MINUTES['notice'] as number,
          ),
        );
      if (n.providerId === c.id)
        agenda.push(
          entry(
            'notice',
            `Tell ${n.consumerName} about ${n.itemId} ${n.title}: it depends on ${n.component || 'this'}`,
            MINUTES['notice'] as number,
          ),
        );
    }
    for (const k of rollup.conflicts) {
      if (k.clientId === c.id)
        agenda.push(
          entry(
            'conflict',
            `${k.decisionId} ${k.decisionTitle} ${k.message}`,
            MINUTES['conflict'] as number,
          ),
        );
    }
    const cadence = c.reviewCadence ?? settings.reviewCadenceDays;
    const reviews = c.items.review
      .map((r) => str(r.fields['date']))
      .filter(Boolean)
      .sort();
    const last = reviews[reviews.length - 1];
    if (!last)
      agenda.push(
        entry('flag', 'Drifting: no weekly review logged yet', MINUTES['drifting'] as number),
      );
    else if (daysBetween(last, today) > cadence) {
      agenda.push(
        entry(
          'flag',
          `Drifting: last review ${last}, ${daysBetween(last, today)} days ago (cadence ${cadence} days)`,
          MINUTES['drifting'] as number,
        ),
      );
    }
    const reviewed = c.items.debt
      .map((d) => str(d.fields['lastReviewed']))
      .filter(Boolean)
      .sort();
    const lastDebtReview = reviewed[reviewed.length - 1];
    if (
      c.items.debt.length > 0 &&
      (!lastDebtReview || daysBetween(lastDebtReview, today) > settings.debtReviewCadenceDays)
    ) {
      agenda.push(
        entry(
          'flag',
          `Quarterly debt review due${lastDebtReview ? ` (last ${lastDebtReview})` : ' (never reviewed)'}`,
          MINUTES['quarterly'] as number,
        ),
      );
    }
    const plannedMinutes = agenda.reduce((n, a) => n + a.minutes, 0);
    const hours = c.hoursPerWeek ?? 0;
    return {
      clientId: c.id,
      name: c.name,
      hours,
      agenda,
      plannedMinutes,
      overdue,
      overbooked: plannedMinutes > hours * 60,
    };
  });
  const allocatedHours = plans.reduce((n, p) => n + p.hours, 0);
  const flexHours = settings.capacityHours - allocatedHours;
  const overCommitted = flexHours < settings.flexReserveHours;
  const warnings: string[] = [];
  if (overCommitted) {
    warnings.push(
      `Over-committed: ${allocatedHours} h allocated of ${settings.capacityHours} h leaves ${flexHours} h, below the ${settings.flexReserveHours} h flex reserve.`,
    );
  }
  for (const c of clients) {
    if (c.status === 'Ended' && sharedClientIds.has(c.id)) {
      warnings.push(
        `${c.name} has ended but its founders can still open its shared view: choose Stop sharing.`,
      );
    }
  }
  for (const p of plans) {
    if (p.overbooked)
      warnings.push(
        `${p.name}: the agenda needs ${formatMinutes(p.plannedMinutes)} of ${p.hours} h; choose what waits.`,
      );
  }
  return {
    weekStart,
    weekEnd,
    today,
    clients: plans,
    capacityHours: settings.capacityHours,
    allocatedHours,
    flexHours,
    flexReserveHours: settings.flexReserveHours,
    overCommitted,
    warnings,
  };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}
