/**
 * Hours typed in a cell: a client's Hours per week on its profile and a week's Actual hours on
 * the Weekly Plan are read by one rule. A number cell from 0 to 40; text such as "2h" or "1,5"
 * is not guessed at but reported, naming what is allowed.
 */
import {
  isBlankValue,
  readLabelled,
  type LabelledRead,
  type ValueRule,
} from './labelled-values.js';

export const HOURS_RULE: ValueRule = { type: 'number', min: 0, max: 40 };

/** Hours read from a cell, null when it is blank; otherwise the reason it cannot be read. */
export function readHours(label: string, raw: unknown): LabelledRead<number | null> {
  if (isBlankValue(raw) || (typeof raw === 'string' && !raw.trim())) return { value: null };
  const read = readLabelled(label, HOURS_RULE, raw);
  return 'problem' in read ? read : { value: read.value as number };
}
