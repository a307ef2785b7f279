/**
 * The registry the reliability tests start from, and what they read of it: Acme and Beacon with
 * three debt items and a decision each, built once per test file and restored into a fresh
 * runtime for every attempt.
 */
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import { BUNDLE, addClient, loadAddon, restorable } from './bundle.js';

export type Kind = 'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review';

const twoClients = restorable(
  () => {
    // The messages the tests read name the user and the time in London, the sheet's zone.
    const { rt, addon } = loadAddon({
      now: '2026-11-18T10:00:00Z',
      timeZone: 'Europe/London',
      user: 'cto@example.com',
    });
    const ids = ['Acme', 'Beacon'].map(
      (name) =>
        addClient(addon, { name, hoursPerWeek: 2, founderEmails: `f@${name.toLowerCase()}.io` }).id,
    );
    for (const id of ids) {
      for (let i = 1; i <= 3; i++)
        addon.call('addItem', {
          clientId: id,
          kind: 'debt',
          fields: { title: `Item ${i}`, impact: i + 1, effort: 2 },
        });
      addon.call('addItem', {
        clientId: id,
        kind: 'decision',
        fields: { title: 'Pick a queue', tags: 'queue' },
      });
    }
    addon.call('refreshPriorities');
    return { rt, addon, ids };
  },
  { cacheAs: 'reliability-twoClients' },
);

/** The ids of Acme and Beacon. */
export function clientIds(): [string, string] {
  return twoClients().ids as [string, string];
}

/** The base registry restored, with the add-on loaded once (one sidebar). */
export function fresh(): { rt: Runtime; addon: LoadedScript } {
  const { rt, addon } = twoClients();
  return { rt, addon };
}

/** The base registry restored, with the add-on loaded twice: two sidebars, or a sidebar and a trigger. */
export function freshPair(): { rt: Runtime; addon: LoadedScript; second: LoadedScript } {
  const { rt, addon } = fresh();
  return { rt, addon, second: rt.load(BUNDLE) };
}

/** Every item of a kind at a client, as `ID title`, in sheet order. */
export function items(addon: LoadedScript, clientId: string, kind: Kind): string[] {
  const d = addon.call('getClient', { clientId }) as {
    items: Record<Kind, { id: string; fields: Record<string, unknown> }[]>;
  };
  return d.items[kind].map((i) => `${i.id} ${String(i.fields['title'] ?? '')}`);
}

export function attempt(run: () => unknown): { ok: true } | { ok: false; message: string } {
  try {
    run();
    return { ok: true };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** How many service calls (or Spreadsheet service calls) `run` makes on the base registry. */
export function callsOf(
  run: (rt: Runtime, addon: LoadedScript) => void,
  service: 'spreadsheet' | 'all' = 'all',
): number {
  const { rt, addon } = fresh();
  run(rt, addon);
  const calls = rt.lastExecution?.calls ?? {};
  return service === 'all'
    ? Object.values(calls).reduce((a, b) => a + b, 0)
    : (rt.lastExecution?.spreadsheetCalls ?? 0);
}
