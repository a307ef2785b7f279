/**
 * Moving the playground's emulated clock, bounded: every time-driven trigger that falls due runs
 * the add-on, so a jump of years would replay thousands of weekly runs while the server answers
 * nothing. One move goes at most a year ahead and replays at most a fixed number of trigger runs;
 * a move that reaches that number stops at the last run and says so.
 */
import type { Runtime, TriggerRun } from '../emulator/index.js';

/** Trigger runs one move replays at most: a year of weekly runs fits, with room to spare. */
export const MAX_TRIGGER_RUNS = 60;

/** The latest instant one move may reach: the same date and time a year after `now` (UTC). */
export function latestClockTarget(now: Date): Date {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  return latest;
}

/** Why the clock may not move to `to`, in words for the person who asked; null when it may. */
export function clockTargetProblem(now: Date, to: Date): string | null {
  if (Number.isNaN(to.getTime()))
    return 'Send {"to": "<ISO date-time>"} or no "to" for next Monday 07:00.';
  if (to.getTime() < now.getTime()) return 'The emulated clock only moves forward.';
  const latest = latestClockTarget(now);
  if (to.getTime() > latest.getTime())
    return (
      `"to" may be at most one year after the emulated clock (${now.toISOString()}): ` +
      `${latest.toISOString()} or earlier. Move the clock again from there to go further.`
    );
  return null;
}

export interface ClockMove {
  fired: TriggerRun[];
  /** Set when the move stopped at its last trigger run, short of where it was asked to go. */
  cut: string | null;
}

/** The next time-driven run due at or before `target`, if any. */
function nextDue(rt: Runtime, target: number): number | undefined {
  let next: number | undefined;
  for (const t of rt.triggers) {
    if (t.eventType !== 'CLOCK' || t.nextRun === undefined || t.nextRun > target) continue;
    if (next === undefined || t.nextRun < next) next = t.nextRun;
  }
  return next;
}

/**
 * Moves the clock to `to` (checked with `clockTargetProblem` first), one due instant at a time,
 * replaying at most `maxRuns` trigger runs; past that the clock stays at the last run.
 */
export function moveClock(rt: Runtime, to: Date, maxRuns = MAX_TRIGGER_RUNS): ClockMove {
  const target = to.getTime();
  const fired: TriggerRun[] = [];
  for (;;) {
    const due = nextDue(rt, target);
    if (due === undefined) {
      rt.advanceClockTo(target);
      return { fired, cut: null };
    }
    if (fired.length >= maxRuns) {
      return {
        fired,
        cut:
          `Stopped at ${rt.now.toISOString()} after ${fired.length} trigger runs, the most one ` +
          `move replays; move the clock again to go on to ${to.toISOString()}.`,
      };
    }
    fired.push(...rt.advanceClockTo(due));
  }
}
