import { describe, expect, it } from 'vitest';
import {
  digestAttemptSchema,
  lastRunSchema,
  parseStored,
  shareRecordSchema,
  triggerRecordSchema,
  triggerRegistrySchema,
} from '../../src/domain/stored-records.js';

const share = {
  clientId: '3',
  clientName: 'Acme',
  fileId: 'file-1',
  url: 'https://docs.google.com/spreadsheets/d/file-1',
  sheetIds: { registry: 0, week: 1 },
  emails: ['jane@acme.com'],
  role: 'viewer',
  active: true,
};

describe('a value kept in properties is read through its schema', () => {
  it('reads as absent when nothing is stored', () => {
    expect(parseStored(shareRecordSchema, null)).toBeNull();
    expect(parseStored(shareRecordSchema, undefined)).toBeNull();
    expect(parseStored(shareRecordSchema, '')).toBeNull();
  });

  it('reads as absent when what is stored is not JSON', () => {
    expect(parseStored(shareRecordSchema, '{clientId: 3')).toBeNull();
    expect(parseStored(triggerRecordSchema, 'Monday at 7')).toBeNull();
  });

  it('reads as absent when the JSON has another shape, never as a guess', () => {
    expect(parseStored(shareRecordSchema, JSON.stringify({ ...share, role: 'editor' }))).toBeNull();
    expect(
      parseStored(shareRecordSchema, JSON.stringify({ ...share, emails: 'jane@acme.com' })),
    ).toBeNull();
    expect(parseStored(shareRecordSchema, JSON.stringify([share]))).toBeNull();
    expect(parseStored(shareRecordSchema, 'null')).toBeNull();
    expect(
      parseStored(triggerRecordSchema, JSON.stringify({ id: 't1', weekday: 'Funday', hour: 7 })),
    ).toBeNull();
    expect(
      parseStored(lastRunSchema, JSON.stringify({ at: '2026-11-16 07:00', ok: 'yes' })),
    ).toBeNull();
  });

  it('reads a record of the right shape as it was stored', () => {
    expect(parseStored(shareRecordSchema, JSON.stringify(share))).toEqual(share);
    expect(
      parseStored(triggerRecordSchema, JSON.stringify({ id: 't1', weekday: 'Monday', hour: 7 })),
    ).toEqual({ id: 't1', weekday: 'Monday', hour: 7 });
    expect(
      parseStored(
        lastRunSchema,
        JSON.stringify({ at: '2026-11-16 07:00', ok: true, partial: 'Plan History not updated' }),
      ),
    ).toEqual({ at: '2026-11-16 07:00', ok: true, partial: 'Plan History not updated' });
    expect(
      parseStored(triggerRegistrySchema, JSON.stringify({ url: 'https://x', name: 'Registry' })),
    ).toEqual({ url: 'https://x', name: 'Registry' });
  });

  it('keeps the optional parts of a share record when they are there', () => {
    const full = {
      ...share,
      role: 'commenter',
      madeBy: 'cto@example.com',
      files: ['file-0', 'file-1'],
      everGranted: ['jane@acme.com', 'john@acme.com'],
      written: { sizes: { summary: [40, 5], goals: [9, 7] }, style: 'v2' },
      focus: [{ week: '2026-11-16', line: 'Hiring a second engineer' }],
    };
    expect(parseStored(shareRecordSchema, JSON.stringify(full))).toEqual(full);
  });

  it('still reads a share record written before the Summary, so its founders keep their view', () => {
    const before = {
      ...share,
      sheetIds: { registry: 0, week: 1 },
      written: { registry: [40, 12], week: [9, 3], style: 'v2' },
    };
    expect(parseStored(shareRecordSchema, JSON.stringify(before))).toEqual({
      ...before,
      written: { style: 'v2' },
    });
  });

  it("reads a founder digest's last attempt, and nothing of another shape", () => {
    const sent = { period: 'week 2026-11-16', state: 'sent', at: '2026-11-16T07:00:00Z' };
    expect(parseStored(digestAttemptSchema, JSON.stringify(sent))).toEqual(sent);
    expect(
      parseStored(digestAttemptSchema, JSON.stringify({ ...sent, state: 'maybe' })),
    ).toBeNull();
  });
});
