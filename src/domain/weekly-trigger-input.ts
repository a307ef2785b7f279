/** What `installWeeklyTrigger` accepts: a weekday and an hour, defaults from Settings. */
import * as z from 'zod/mini';

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const weeklyTriggerSchema = z.object({
  weekday: z.enum(WEEKDAY_NAMES, {
    error: `Plan weekday must be one of: ${WEEKDAY_NAMES.join(', ')}.`,
  }),
  hour: z.number({ error: 'Plan hour must be a whole number from 0 to 23.' }).check(
    z.refine((n) => Number.isInteger(n) && n >= 0 && n <= 23, {
      error: 'Plan hour must be a whole number from 0 to 23.',
    }),
  ),
});
