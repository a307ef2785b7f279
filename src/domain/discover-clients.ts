/**
 * Which tabs are clients: the one rule every path uses (the sidebar, Priorities, the Overview,
 * the plan and the founder views). A tab is a client tab when its content is one: a profile
 * naming the client, or a client's sections. Its id is the tab's own id, which survives a rename
 * of the tab or of the client; no remembered index of names decides anything. Whatever does not
 * read cleanly is still a client, and is reported, never skipped in silence.
 */
import { locateClientTab, type ClientTabLayout } from './client-tab-layout.js';
import { looksAlike, nameSkeleton } from './client-name.js';
import type { Problem } from './section-items.js';

/**
 * A tab as read: its values, and how to learn its id (`Sheet.getSheetId()`, as text) and its
 * name, each asked of the sheet only when the rule needs it.
 */
export interface TabContent {
  grid: readonly (readonly unknown[])[];
  /**
   * The id the client index's mark gives the client last seen under `name`, if there is one;
   * null otherwise. Saves asking the tab its id.
   */
  markedId: (name: string) => string | null;
  id: () => string;
  tabName: () => string;
}

export interface DiscoveredClient {
  id: string;
  /** The client's name: its profile's, or the tab's name when the profile has none. */
  name: string;
  layout: ClientTabLayout;
  /** Where in the tab list it was found (0-based). */
  position: number;
  /** Its id came from the client index's mark: of two tabs naming one client, this is it. */
  marked: boolean;
}

/** How many profile labels make a tab without sections a client tab whose sections were lost. */
const PROFILE_BLOCK = 3;

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** A tab's client, if its content is a client tab, with what could not be read of its profile. */
export function clientOfTab(
  tab: TabContent,
  position = 0,
): {
  client: DiscoveredClient | null;
  problems: Problem[];
} {
  const layout = locateClientTab(tab.grid);
  const label = layout.profile.get('Client');
  // A "Client" cell alone is any tab's word; a client tab has sections, or a profile block.
  const profileBlock = label !== undefined && layout.profile.size >= PROFILE_BLOCK;
  if (layout.sections.size === 0 && !profileBlock) return { client: null, problems: [] };
  const typed = text(label?.value);
  const problems: Problem[] = [];
  const name = typed || tab.tabName();
  if (!label) {
    problems.push({
      tab: name,
      cell: 'A1',
      reason: `This tab holds a client's sections but no Client row: it is read as client "${name}", its tab name. Put "Client" in column A and the client's name beside it.`,
    });
  } else if (!typed) {
    problems.push({
      tab: name,
      cell: `B${label.row}`,
      reason: `The client's name is empty: it is read as "${name}", the tab's name. Type the name beside Client.`,
    });
  }
  const ranged = tab.markedId(name);
  return {
    client: { id: ranged ?? tab.id(), name, layout, position, marked: ranged !== null },
    problems,
  };
}

/**
 * A client's name as two names are compared: case, spaces, invisible characters and look-alike
 * letters do not matter (see client-name.ts).
 */
export function clientKey(name: string): string {
  return nameSkeleton(name);
}

/**
 * Every client tab, in tab order. Two tabs naming the same client (a copy of a tab) are one
 * client: the tab whose id the client index's mark holds, else the first in tab order; the other is reported
 * and read no further.
 */
export function discoverClients(tabs: readonly TabContent[]): {
  clients: DiscoveredClient[];
  copies: DiscoveredClient[];
  problems: Problem[];
} {
  const clients: DiscoveredClient[] = [];
  const copies: DiscoveredClient[] = [];
  const problems: Problem[] = [];
  const byName = new Map<string, DiscoveredClient>();
  tabs.forEach((tab, position) => {
    const found = clientOfTab(tab, position);
    if (!found.client) return;
    const first = byName.get(clientKey(found.client.name));
    if (first) {
      // Two tabs name one client: a mark cannot tell them apart, so each is asked its own id,
      // and the one whose id the mark holds is the client.
      const marked = found.client.marked ? found.client.id : null;
      first.id = (tabs[first.position] as TabContent).id();
      found.client.id = tab.id();
      const [kept, copy] =
        marked !== null && found.client.id === marked && first.id !== marked
          ? [found.client, first]
          : [first, found.client];
      copies.push(copy);
      const other = copy === first ? found.client : first;
      problems.push({
        tab: (tabs[copy.position] as TabContent).tabName(),
        cell: 'A1',
        reason: looksAlike(copy.name, other.name)
          ? `Client "${copy.name}" reads as client ${other.name}'s name (look-alike or invisible characters): it is not read or shared, so no founder mistakes one for the other. Rename it with plain letters.`
          : `A second tab holds client ${copy.name} (a copy?): only one is read. Rename the client in the copy, or delete it.`,
      });
      if (kept !== first) {
        clients[clients.indexOf(first)] = kept;
        byName.set(clientKey(kept.name), kept);
        problems.push(...found.problems);
      }
      return;
    }
    byName.set(clientKey(found.client.name), found.client);
    clients.push(found.client);
    problems.push(...found.problems);
  });
  return { clients, copies, problems };
}
