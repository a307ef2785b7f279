/** When a weekly trigger next runs: the next weekday and hour in the spreadsheet's time zone. */

/**
 * `weekday` counts from Monday = 0. Uses the zone's current offset; across a daylight-saving
 * change in the coming week the answer can be an hour off, which only the sidebar's display sees.
 */
export function zonedNextRun(now: Date, weekday: number, hour: number, timeZone: string): string {
  const offset = Utilities.formatDate(now, timeZone, 'Z');
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5))) * 60000;
  const local = new Date(now.getTime() + offsetMs);
  const today = (local.getUTCDay() + 6) % 7;
  let days = (weekday - today + 7) % 7;
  const at = (d: number) =>
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + d, hour) - offsetMs;
  if (at(days) <= now.getTime()) days += 7;
  return new Date(at(days)).toISOString();
}
