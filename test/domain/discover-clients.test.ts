import { describe, expect, it } from 'vitest';
import {
  clientOfTab,
  discoverClients,
  type TabContent,
} from '../../src/domain/discover-clients.js';
import { sectionOf } from '../../src/domain/registry-layout.js';

const debt = sectionOf('debt');
const SECTIONS = [[debt.title], debt.columns.map((c) => c.header)];

function tab(grid: unknown[][], id: string, name: string, marked: Record<string, string> = {}) {
  const asked: string[] = [];
  const content: TabContent = {
    grid,
    markedId: (n) => marked[n.toLowerCase()] ?? null,
    id: () => {
      asked.push(`id ${id}`);
      return id;
    },
    tabName: () => {
      asked.push(`name ${name}`);
      return name;
    },
  };
  return { content, asked };
}

describe('discoverClients', () => {
  it('a tab with a profile and sections is a client; its id is asked only when no mark vouches for it', () => {
    const marked = tab([['Client', 'Acme'], ...SECTIONS], '11', 'Acme tab', { acme: '11' });
    const unmarked = tab([['Client', 'Beacon'], ...SECTIONS], '22', 'Beacon tab');
    const found = discoverClients([marked.content, unmarked.content]);
    expect(found.clients.map((c) => [c.name, c.id])).toEqual([
      ['Acme', '11'],
      ['Beacon', '22'],
    ]);
    expect(marked.asked).toEqual([]);
    expect(unmarked.asked).toEqual(['id 22']);
    expect(found.problems).toEqual([]);
  });

  it('a lone "Client" cell does not make a client tab; a profile block without sections does', () => {
    expect(clientOfTab(tab([['Client', 'Notes']], '1', 'Notes').content).client).toBeNull();
    const block = [
      ['Client', 'Acme'],
      ['Stage', 'Seed'],
      ['Status', 'Active'],
    ];
    expect(clientOfTab(tab(block, '2', 'Acme').content).client?.name).toBe('Acme');
  });

  it('sections without a Client row, or an empty name, are read under the tab name and reported', () => {
    const noProfile = clientOfTab(tab(SECTIONS, '3', 'Orphan').content);
    expect(noProfile.client?.name).toBe('Orphan');
    expect(noProfile.problems[0]?.reason).toMatch(/no Client row/);
    const noName = clientOfTab(tab([['Client', ''], ...SECTIONS], '4', 'Blank').content);
    expect(noName.client?.name).toBe('Blank');
    expect(noName.problems[0]).toMatchObject({ tab: 'Blank', cell: 'B1' });
  });

  it('of two tabs naming one client, the one whose own id is the marked one is kept, wherever it stands', () => {
    const copy = tab([['Client', 'Acme'], ...SECTIONS], '99', 'Copy of Acme', { acme: '11' });
    const original = tab([['Client', ' ACME '], ...SECTIONS], '11', 'Acme', { acme: '11' });
    const found = discoverClients([copy.content, original.content]);
    expect(found.clients.map((c) => [c.id, c.position])).toEqual([['11', 1]]);
    expect(found.copies.map((c) => c.id)).toEqual(['99']);
    expect(found.problems.map((p) => p.tab)).toEqual(['Copy of Acme']);
  });
});
