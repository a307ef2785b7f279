/**
 * What the sidebar shows when it opens, in one call shaped for it: the client list from the
 * client index (the marks on the Priorities tab, live formulas reading each client's name and
 * status), and the chosen client with every item. The index is one read of one tab, found by
 * the id the last refresh or read remembered; without it (a registry never refreshed since the
 * index, a Priorities tab deleted or retitled) the whole registry is read once, as before, and
 * the tab remembered for the next time. See ADR 21.
 */
import type { Problem } from '../domain/section-items.js';
import { spreadsheetTimeZone } from '../services/time-zone.js';
import { clientIdOnScreen } from '../sheets/client-tab.js';
import { activeSpreadsheet } from './active-spreadsheet.js';
import { clientDetailIn, listClients, type ClientDetail } from './clients.js';
import { readClientIndex, type ClientEntry } from './sidebar-client-index.js';

export type { ClientEntry };

export interface SidebarOpen {
  clients: ClientEntry[];
  problems: Problem[];
  /** The client shown first: the one asked for if it is still there, else the first by name. */
  current: ClientDetail | null;
}

export function openSidebar(input?: { clientId?: string }): SidebarOpen {
  const ss = activeSpreadsheet();
  const index = readClientIndex(ss);
  let clients: ClientEntry[];
  let problems: Problem[] = [];
  let timeZone: string;
  if (index) {
    clients = index.entries;
    timeZone = spreadsheetTimeZone(ss);
  } else {
    const registry = listClients();
    clients = registry.clients.map((c) => ({ id: c.id, name: c.name, status: c.status }));
    problems = registry.problems;
    timeZone = registry.timeZone;
  }
  // Opened from the menu, the sidebar shows the client whose tab is on screen, if one is.
  const wanted = input?.clientId ?? clientIdOnScreen(ss);
  const first = clients.find((c) => c.id === wanted) ?? clients[0];
  let current: ClientDetail | null = null;
  if (first) {
    try {
      current = clientDetailIn(ss, timeZone, first.id);
    } catch (e) {
      // The index named a tab that is gone: the whole registry is read instead.
      if (!index) throw e;
      const registry = listClients();
      clients = registry.clients.map((c) => ({ id: c.id, name: c.name, status: c.status }));
      const again = clients.find((c) => c.id === wanted) ?? clients[0];
      current = again ? clientDetailIn(ss, registry.timeZone, again.id) : null;
      return { clients, problems: registry.problems, current };
    }
  }
  return { clients, problems, current };
}

/**
 * The id of the tab on screen, for a form about to add to the client the sidebar shows: the
 * sidebar does not hear of a tab picked while it is open, so it asks (three calls) and says so
 * when the tab is another client's. Null when Sheets cannot say.
 */
export function clientOnScreen(): string | null {
  return clientIdOnScreen(activeSpreadsheet()) ?? null;
}
