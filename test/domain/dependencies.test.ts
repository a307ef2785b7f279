import { describe, expect, it } from 'vitest';
import {
  NOTICE_WINDOW_DAYS,
  dependencyNotices,
  readDependencies,
  type Dependency,
} from '../../src/domain/dependencies.js';
import { client, item } from './registry-fixture.js';

// Wednesday 18 November 2026; the last 7 days are 12 to 18 November.
const TODAY = '2026-11-18';

const acme = client({ id: '1', name: 'Acme' });
const beta = client({
  id: '2',
  name: 'Beta',
  items: {
    decision: [
      item('decision', 'ADR-4', {
        title: 'New auth tokens',
        tags: ['auth', 'api'],
        proposedOn: '2026-11-02',
        decidedOn: '2026-11-16',
      }),
      item('decision', 'ADR-5', {
        title: 'Auth service v3',
        tags: ['auth'],
        proposedOn: '2026-11-17',
        decidedOn: '',
      }),
      item('decision', 'ADR-6', {
        title: 'Old auth change',
        tags: ['auth'],
        proposedOn: '2026-11-17',
        decidedOn: '2026-11-01',
      }),
      item('decision', 'ADR-7', {
        title: 'Planned auth change',
        tags: ['auth'],
        proposedOn: '2026-11-20',
      }),
      item('decision', 'ADR-8', { title: 'Billing rewrite', tags: ['billing'], decidedOn: TODAY }),
      item('decision', 'ADR-9', { title: 'Undated auth note', tags: ['auth'] }),
    ],
    debt: [
      item('debt', 'D-2', { title: 'Token expiry bug', tags: ['auth'], added: '2026-11-10' }),
      item('debt', 'D-3', { title: 'Session leak', tags: 'Auth, Sessions', added: '2026-11-12' }),
    ],
  },
});

const authDependency: Dependency = {
  row: 2,
  consumer: 'Acme',
  provider: 'Beta',
  component: 'Login API',
  matchTags: ['auth'],
};

describe('reading the Dependencies tab', () => {
  it('reads each dependency by header, with its match tags as tags, and drops empty ones', () => {
    expect(
      readDependencies([
        ['Consumer client', 'Provider client', 'Component', 'Match tags', 'Notes'],
        ['Acme', 'Beta', 'Login API', 'Auth, SSO ', 'shared login'],
        ['', '', 'Orphan component', 'x', ''],
        ['Gamma', 'Beta', 'Search', '', ''],
      ]),
    ).toEqual([
      {
        row: 2,
        consumer: 'Acme',
        provider: 'Beta',
        component: 'Login API',
        matchTags: ['auth', 'sso'],
      },
      { row: 4, consumer: 'Gamma', provider: 'Beta', component: 'Search', matchTags: [] },
    ]);
  });
});

describe('a dependency notice', () => {
  it('covers the last 7 days', () => {
    expect(NOTICE_WINDOW_DAYS).toBe(7);
  });

  const { notices, problems } = dependencyNotices(
    [acme, beta],
    [authDependency],
    TODAY,
    'Dependencies',
  );

  it("is raised by a provider's decision or debt item dated in the last 7 days whose tags meet the match tags", () => {
    // ADR-4 decided 16 Nov; ADR-5 proposed 17 Nov, not yet decided; D-3 added 12 Nov (6 days ago).
    // Not: ADR-6 (decided 1 Nov), ADR-7 (dated in the future), ADR-8 (tag billing),
    // ADR-9 (no date), D-2 (added 10 Nov, 8 days ago).
    expect(notices.map((n) => [n.kind, n.itemId, n.date])).toEqual([
      ['decision', 'ADR-4', '2026-11-16'],
      ['decision', 'ADR-5', '2026-11-17'],
      ['debt', 'D-3', '2026-11-12'],
    ]);
    expect(problems).toEqual([]);
  });

  it('names both clients, so the consumer is told and the provider knows to tell them', () => {
    expect(notices[0]).toEqual({
      consumerId: '1',
      consumerName: 'Acme',
      providerId: '2',
      providerName: 'Beta',
      component: 'Login API',
      kind: 'decision',
      itemId: 'ADR-4',
      title: 'New auth tokens',
      date: '2026-11-16',
      matched: ['auth'],
    });
  });

  it('lists which tags met, read whatever their case', () => {
    expect(notices.find((n) => n.itemId === 'D-3')?.matched).toEqual(['auth']);
  });

  it('matches the Component when no match tags are given', () => {
    const byComponent: Dependency = {
      row: 3,
      consumer: 'acme',
      provider: 'BETA',
      component: 'Billing',
      matchTags: [],
    };
    const found = dependencyNotices([acme, beta], [byComponent], TODAY, 'Dependencies').notices;
    expect(found.map((n) => [n.consumerName, n.providerName, n.itemId, n.matched])).toEqual([
      ['Acme', 'Beta', 'ADR-8', ['billing']],
    ]);
  });

  it('is not raised by an item at the consumer itself', () => {
    const reversed: Dependency = { ...authDependency, consumer: 'Beta', provider: 'Acme' };
    expect(dependencyNotices([acme, beta], [reversed], TODAY, 'Dependencies').notices).toEqual([]);
  });

  it('is replaced by a problem when a client named in the row is not in the registry', () => {
    const unknown = [
      { ...authDependency, row: 5, consumer: 'Gamma' },
      { ...authDependency, row: 6, provider: 'Delta' },
    ];
    expect(dependencyNotices([acme, beta], unknown, TODAY, 'Dependencies')).toEqual({
      notices: [],
      problems: [
        { tab: 'Dependencies', cell: 'A5', reason: 'No client named "Gamma" in the registry' },
        { tab: 'Dependencies', cell: 'B6', reason: 'No client named "Delta" in the registry' },
      ],
    });
  });
});
