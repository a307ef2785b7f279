/**
 * The playground server's clock, over HTTP (no browser): one move goes at most a year ahead and
 * replays a bounded number of trigger runs, so a jump to the year 9999 is refused at once and the
 * server keeps answering.
 */

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlayground, writeRegistry, type Playground } from '../support/playground.js';
import { tempDir } from '../support/temp.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const started: Playground[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

/**
 * A playground on a registry set up on Wednesday 18 November 2026, 10:00 UTC, in London, with the
 * weekly plan's trigger on (Settings' default: Monday 07:00).
 */
async function playgroundWithWeeklyTrigger(extra: string[] = []): Promise<Playground> {
  const file = join(tempDir('playground-clock-'), 'registry.json');
  writeRegistry(file, {
    now: '2026-11-18T10:00:00Z',
    user: 'cto@example.com',
    timeZone: 'Europe/London',
  });
  const playground = await startPlayground(file, extra);
  started.push(playground);
  for (const fn of ['setupRegistry', 'installWeeklyTrigger']) {
    const ran = await post(playground, '/api/run', { fn, args: [] });
    expect(ran.body['ok'], fn).toBe(true);
  }
  return playground;
}

async function post(playground: Playground, path: string, body: unknown): Promise<Answer> {
  const r = await fetch(`${playground.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function clockNow(playground: Playground): Promise<unknown> {
  const r = await fetch(`${playground.url}/api/state`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { now: unknown }).now;
}

describe('moving the playground clock', () => {
  it('refuses a jump to 9999 or 100 years ahead within a second, naming "to" and the latest allowed; the server still answers', async () => {
    const playground = await playgroundWithWeeklyTrigger();
    for (const to of ['9999-01-01T00:00:00Z', '2126-11-18T10:00:00Z']) {
      const began = performance.now();
      const refused = await post(playground, '/api/clock', { to });
      expect(performance.now() - began, to).toBeLessThan(1000);
      expect(refused).toEqual({
        status: 400,
        body: {
          ok: false,
          error:
            '"to" may be at most one year after the emulated clock (2026-11-18T10:00:00.000Z): ' +
            '2027-11-18T10:00:00.000Z or earlier. Move the clock again from there to go further.',
        },
      });
    }
    expect(await clockNow(playground)).toBe('2026-11-18T10:00:00.000Z');
  }, 60000);

  it('moves 11 months ahead, replaying the 48 Monday runs of the weekly plan on the way', async () => {
    const playground = await playgroundWithWeeklyTrigger();
    const moved = await post(playground, '/api/clock', { to: '2027-10-18T10:00:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body['now']).toBe('2027-10-18T10:00:00.000Z');
    expect(moved.body['cut']).toBeNull();
    const fired = moved.body['fired'] as { handler: string; at: string; error?: string }[];
    // Mondays 23 November 2026 to 18 October 2027, at 07:00 in London (06:00 UTC in summer time).
    expect(fired).toHaveLength(48);
    expect(fired[0]).toEqual({ handler: 'runWeeklyPlan', at: '2026-11-23T07:00:00.000Z' });
    expect(fired[47]).toEqual({ handler: 'runWeeklyPlan', at: '2027-10-18T06:00:00.000Z' });
    expect(fired.filter((r) => r.error !== undefined)).toEqual([]);
    expect(await clockNow(playground)).toBe('2027-10-18T10:00:00.000Z');
  }, 120000);

  it('stops a move at its last allowed trigger run and says where, when the runs would exceed the bound', async () => {
    const playground = await playgroundWithWeeklyTrigger(['--max-trigger-runs', '3']);
    const moved = await post(playground, '/api/clock', { to: '2027-10-18T10:00:00Z' });
    expect(moved.status).toBe(200);
    expect((moved.body['fired'] as { at: string }[]).map((r) => r.at)).toEqual([
      '2026-11-23T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
      '2026-12-07T07:00:00.000Z',
    ]);
    expect(moved.body['now']).toBe('2026-12-07T07:00:00.000Z');
    expect(moved.body['cut']).toBe(
      'Stopped at 2026-12-07T07:00:00.000Z after 3 trigger runs, the most one move replays; ' +
        'move the clock again to go on to 2027-10-18T10:00:00.000Z.',
    );
    expect(await clockNow(playground)).toBe('2026-12-07T07:00:00.000Z');
  }, 60000);
});
