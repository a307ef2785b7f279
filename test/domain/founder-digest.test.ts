import { describe, expect, it } from 'vitest';
import { digestCadence, digestDue, founderDigestMail } from '../../src/domain/founder-digest.js';
import type { FounderSummary } from '../../src/domain/founder-summary.js';

describe('the founder digest cadence', () => {
  it('reads Off, Weekly and Monthly in any case; blank and anything else are Off', () => {
    expect(['weekly', ' Monthly ', 'OFF', '', 'Fortnightly', 3].map(digestCadence)).toEqual([
      'Weekly',
      'Monthly',
      'Off',
      'Off',
      'Off',
      'Off',
    ]);
  });

  it('is due weekly once per plan week', () => {
    expect(digestDue('Weekly', null, '2026-11-16', '2026-11-18')).toBe('week 2026-11-16');
    const sent = { period: 'week 2026-11-16', state: 'sent' as const, at: '' };
    expect(digestDue('Weekly', sent, '2026-11-16', '2026-11-20')).toBeNull();
    expect(digestDue('Weekly', sent, '2026-11-23', '2026-11-23')).toBe('week 2026-11-23');
  });

  it('is due monthly with the first run of the month', () => {
    const sent = { period: 'month 2026-11', state: 'sent' as const, at: '' };
    expect(digestDue('Monthly', sent, '2026-11-23', '2026-11-23')).toBeNull();
    expect(digestDue('Monthly', sent, '2026-11-30', '2026-12-01')).toBe('month 2026-12');
  });

  it('is never due when Off', () => {
    expect(digestDue('Off', null, '2026-11-16', '2026-11-18')).toBeNull();
  });

  it('is not tried again in a period whose attempt failed', () => {
    const failed = { period: 'week 2026-11-16', state: 'failed' as const, at: '', error: 'quota' };
    expect(digestDue('Weekly', failed, '2026-11-16', '2026-11-19')).toBeNull();
  });
});

const SUMMARY: FounderSummary = {
  name: 'Acme <b>',
  asOf: '2026-11-18',
  status: 'Needs attention',
  reasons: ['A high risk is open: <script>alert(1)</script>.'],
  thisWeek: 'Hiring & onboarding',
  focus: [{ week: '2026-11-16', line: 'Hiring & onboarding' }],
  goals: [],
  decided: [{ title: 'Use Postgres', date: '2026-11-10', decision: 'Postgres 16' }],
  needed: [{ title: 'Pick a queue', due: '2026-11-25', deciders: 'Ann', needsYou: true }],
  risks: null,
  debt: { open: [{ quadrant: 'Do now', count: 1 }], doNow: [{ title: 'Flaky CI', trackedIn: '' }] },
  delivery: { lastReview: '2026-11-16', nextReview: '2026-11-23' },
  performance: ['Change failure rate: High (up to 10% of changes cause a failure).'],
  incomplete: false,
};

describe('the founder digest mail', () => {
  const mail = founderDigestMail(SUMMARY, 'https://docs.google.com/spreadsheets/d/abc/edit');

  it('names the client, the date and the status in its subject', () => {
    expect(mail.subject).toBe('Acme <b>: technology update, 2026-11-18 (Needs attention)');
  });

  it('carries the Summary in its text, with the link to the shared file', () => {
    expect(mail.body).toContain(
      'Status: Needs attention\n- A high risk is open: <script>alert(1)</script>.',
    );
    expect(mail.body).toContain('NEEDS YOU: Pick a queue; due 2026-11-25; deciders: Ann');
    expect(mail.body).toContain('Use Postgres (2026-11-10); Postgres 16');
    expect(mail.body).toContain('High and critical risks\n- Not available at the moment.');
    expect(mail.body).toContain('Week of 2026-11-16: Hiring & onboarding');
    expect(mail.body).toContain('The full view: https://docs.google.com/spreadsheets/d/abc/edit');
  });

  it('escapes everything typed in its HTML, and links only to an https address', () => {
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).not.toContain('<b>');
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit">');
    expect(founderDigestMail(SUMMARY, 'javascript:alert(1)').htmlBody).not.toContain('<a ');
  });
});
