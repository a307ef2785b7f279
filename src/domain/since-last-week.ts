/**
 * Since last week, across clients, as log lines: decisions proposed, accepted, superseded; debt
 * added and closed; risks raised or whose band rose; goals done; reviews logged.
 *
 * Where the registry dates an event (Proposed on, Decided on, Added, a review's Date) that date is
 * used. Where it does not (when debt was closed, when a risk was raised or its band rose, when a
 * goal was done), today's registry is compared with the state the previous plan recorded in its
 * hidden State column; such a line says "since" the previous plan's date.
 */
import { addDays } from './dates.js';
import { str, type ClientRecord } from './client-record.js';
import { isOpenDebt, isOpenRisk } from './item-states.js';
import { BANDS } from './risk.js';
import { bandOf } from './plan-budget.js';
import type { RegistryItem } from './section-items.js';

interface State {
  /** Open debt IDs. */
  d: string[];
  /** Open risk ID → band. */
  r: Map<string, string>;
  /** Goals done, by ID. */
  g: string[];
}

/**
 * The client's state the next plan compares with, as the text of one hidden cell: JSON of open
 * debt IDs, open risks as ID and band one after the other, and goals done.
 */
export function registryState(c: ClientRecord): string {
  const d: string[] = [];
  const r: string[] = [];
  const g: string[] = [];
  for (const x of c.items.debt) if (x.id && isOpenDebt(x.fields)) d.push(x.id);
  for (const x of c.items.risk) if (x.id && isOpenRisk(x.fields)) r.push(x.id, bandOf(x));
  for (const x of c.items.goal) if (x.id && str(x.fields['status']) === 'Done') g.push(x.id);
  return JSON.stringify({ d, r, g });
}

function parseState(text: string): State | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as { d?: unknown; r?: unknown; g?: unknown };
    if (!Array.isArray(s.d) || !Array.isArray(s.r) || !Array.isArray(s.g)) return null;
    const r = new Map<string, string>();
    for (let i = 0; i + 1 < s.r.length; i += 2) r.set(String(s.r[i]), String(s.r[i + 1]));
    return { d: s.d.map(String), r, g: s.g.map(String) };
  } catch {
    return null;
  }
}

interface Line {
  date: string;
  client: string;
  text: string;
}

export function sinceLastWeek(
  clients: readonly ClientRecord[],
  plans: readonly { clientId: string; baseline: string }[],
  today: string,
  baselineDate: string,
): { lines: string[]; note: string } {
  const from = baselineDate && baselineDate < today ? baselineDate : addDays(today, -6);
  const inWindow = (d: string): boolean => d !== '' && d >= from && d <= today;
  const baselines = new Map(plans.map((p) => [p.clientId, parseState(p.baseline)]));
  const lines: Line[] = [];
  let compared = false;
  // A client's lines by a function called for each: optimised after a few clients, where the
  // loops over every item of a large registry would otherwise run unoptimised (forEach, not for…of).
  clients.forEach((c) => {
    const push = (date: string, text: string): void => {
      lines.push({ date, client: c.name, text: `${c.name}: ${text}${date ? ` (${date})` : ''}` });
    };
    const named = (id: string, title: unknown): string =>
      `${id}${str(title) ? ` ${str(title)}` : ''}`;
    // Decisions by ID, for the few that supersede another: made at the first of them.
    let byId: Map<string, RegistryItem> | null = null;
    for (const d of c.items.decision) {
      const title = named(d.id, d.fields['title']);
      const proposed = str(d.fields['proposedOn']);
      const decided = str(d.fields['decidedOn']);
      const status = str(d.fields['status']);
      if (inWindow(proposed)) push(proposed, `proposed ${title}`);
      if (status === 'Accepted' && inWindow(decided)) push(decided, `accepted ${title}`);
      const replaced = str(d.fields['supersedes']).trim();
      if (replaced && !byId) byId = new Map(c.items.decision.map((x) => [x.id, x]));
      const old = replaced ? byId?.get(replaced) : undefined;
      if (old && inWindow(decided) && str(old.fields['status']) === 'Superseded')
        push(decided, `superseded ${named(old.id, old.fields['title'])} by ${d.id}`);
    }
    for (const d of c.items.debt) {
      const added = str(d.fields['added']);
      if (inWindow(added)) push(added, `added debt ${named(d.id, d.fields['title'])}`);
    }
    for (const r of c.items.review) {
      const date = str(r.fields['date']);
      if (inWindow(date)) push(date, 'review logged');
    }
    const before = baselines.get(c.id);
    if (!before) return;
    compared = true;
    const since = baselineDate ? `since ${baselineDate}` : 'since the last plan';
    const wasOpen = new Set(before.d);
    for (const d of c.items.debt) {
      if (!wasOpen.has(d.id) || isOpenDebt(d.fields)) continue;
      const reviewed = str(d.fields['lastReviewed']);
      const when = inWindow(reviewed) ? reviewed : '';
      const status = str(d.fields['status']);
      lines.push({
        date: when,
        client: c.name,
        text: `${c.name}: closed debt ${named(d.id, d.fields['title'])} (${status}${when ? `, ${when}` : `, ${since}`})`,
      });
    }
    const rank = (band: string | undefined): number => BANDS.indexOf((band ?? '') as never);
    for (const r of c.items.risk) {
      if (!r.id || !isOpenRisk(r.fields)) continue;
      const band = bandOf(r);
      const title = named(r.id, r.fields['risk']);
      if (!before.r.has(r.id))
        push('', `raised risk ${title}${band ? ` (${band}, ${since})` : ` (${since})`}`);
      else if (rank(band) > rank(before.r.get(r.id)))
        push(
          '',
          `risk ${title} rose from ${before.r.get(r.id) || 'no band'} to ${band} (${since})`,
        );
    }
    const wasDone = new Set(before.g);
    for (const g of c.items.goal)
      if (g.id && str(g.fields['status']) === 'Done' && !wasDone.has(g.id))
        push('', `goal ${named(g.id, g.fields['goal'])} done (${since})`);
  });
  // Dated lines by date, then what the comparison found; each by client within.
  lines.sort(
    (a, b) =>
      (a.date ? 0 : 1) - (b.date ? 0 : 1) ||
      a.date.localeCompare(b.date) ||
      a.client.localeCompare(b.client),
  );
  return {
    lines: lines.map((l) => l.text),
    note: compared
      ? ''
      : 'Debt closed, risks raised or risen and goals done are found by comparing with the previous plan: they are listed from next week.',
  };
}
