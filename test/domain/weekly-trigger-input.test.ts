import { describe, expect, it } from 'vitest';
import { WEEKDAY_NAMES, weeklyTriggerSchema } from '../../src/domain/weekly-trigger-input.js';

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message;
}

describe('what Turn on the weekly plan accepts', () => {
  it('names the seven weekdays from Monday', () => {
    expect(WEEKDAY_NAMES).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });

  it('takes a weekday and an hour from 0 to 23', () => {
    expect(weeklyTriggerSchema.parse({ weekday: 'Monday', hour: 7 })).toEqual({
      weekday: 'Monday',
      hour: 7,
    });
    expect(weeklyTriggerSchema.safeParse({ weekday: 'Sunday', hour: 0 }).success).toBe(true);
    expect(weeklyTriggerSchema.safeParse({ weekday: 'Friday', hour: 23 }).success).toBe(true);
  });

  it('refuses a day that is not a weekday name, listing the names', () => {
    expect(firstMessage(weeklyTriggerSchema.safeParse({ weekday: 'Funday', hour: 7 }))).toBe(
      'Plan weekday must be one of: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday.',
    );
    expect(weeklyTriggerSchema.safeParse({ weekday: 'monday', hour: 7 }).success).toBe(false);
  });

  it.each([[24], [-1], [7.5], ['7']])('refuses the hour %s', (hour) => {
    expect(firstMessage(weeklyTriggerSchema.safeParse({ weekday: 'Monday', hour }))).toBe(
      'Plan hour must be a whole number from 0 to 23.',
    );
  });
});
