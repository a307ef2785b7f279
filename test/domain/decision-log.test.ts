import { describe, expect, it } from 'vitest';
import { decisionLog, decisionSummary } from '../../src/domain/decision-log.js';
import { item } from './registry-fixture.js';

const acme = {
  clientId: '11',
  clientName: 'Acme',
  decisions: [
    item('decision', 'ADR-3', {
      title: 'Move to MongoDB',
      status: 'Superseded',
      proposedOn: '2026-01-02',
      decidedOn: '2026-01-09',
      decision: 'Writes spike at month end.\nMongo absorbs them.',
      tags: ['database'],
      privateNote: 'PRIVATE founder doubts',
    }),
    item('decision', 'ADR-4', {
      title: 'Switch to PostgreSQL',
      status: 'Accepted',
      proposedOn: '2026-11-10',
      decidedOn: '2026-11-18',
      supersedes: 'ADR-3',
      decision: 'Joins and transactions for billing.',
      tags: ['database', 'billing'],
    }),
  ],
};
const beta = {
  clientId: '12',
  clientName: 'Beta',
  decisions: [
    item('decision', 'ADR-1', {
      title: 'Serverless webhooks',
      status: 'Proposed',
      proposedOn: '2026-11-18',
      context: 'Bursty traffic.',
    }),
    item('decision', '', { title: 'Typed by hand, no dates' }),
  ],
};

describe('the Decision log', () => {
  const log = decisionLog([acme, beta]);

  it('lists every decision across clients newest first, then by client name', () => {
    expect(log.map((r) => `${r.clientName} ${r.id}`)).toEqual([
      'Acme ADR-4',
      'Beta ADR-1',
      'Acme ADR-3',
      'Beta ',
    ]);
  });

  it('gives cycle time in days only when both dates are known', () => {
    expect(log.map((r) => r.cycleDays)).toEqual([8, null, 7, null]);
  });

  it('links supersedes both ways', () => {
    expect(log.find((r) => r.id === 'ADR-3')).toMatchObject({
      supersedes: '',
      supersededBy: 'ADR-4',
    });
    expect(log[0]).toMatchObject({
      supersedes: 'ADR-3',
      supersededBy: '',
      tags: 'database, billing',
    });
  });

  it("writes the seed's one-line summary, the rationale from the decision (else the context)", () => {
    expect(log.map((r) => r.summary)).toEqual([
      'Acme: accepted ADR-4 Switch to PostgreSQL (2026-11-18). Rationale: Joins and transactions for billing.',
      'Beta: proposed ADR-1 Serverless webhooks (2026-11-18). Rationale: Bursty traffic.',
      'Acme: superseded ADR-3 Move to MongoDB (2026-01-09). Rationale: Writes spike at month end. Mongo absorbs them.',
      'Beta: recorded Typed by hand, no dates.',
    ]);
  });

  it('holds no private note', () => {
    expect(JSON.stringify(log)).not.toContain('PRIVATE');
  });

  it('cuts a long rationale to one line of at most 160 characters', () => {
    const line = decisionSummary('Acme', 'ADR-9', {
      title: 'X',
      status: 'Accepted',
      decision: 'word '.repeat(100),
    });
    const rationale = line.split('Rationale: ')[1] ?? '';
    expect(rationale.length).toBe(160);
    expect(rationale.endsWith('…')).toBe(true);
  });
});
