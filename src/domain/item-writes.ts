/**
 * What an add or a change writes, decided before any cell is touched: the new item's ID, the
 * dates the add-on fills in when a person leaves them empty, and whether a decision may
 * supersede the one it names. Pure: the sheet is read before and written after.
 */
import { cellUnder, type LocatedSection } from './client-tab-layout.js';
import { str } from './client-record.js';
import { InputError } from './input-error.js';
import { findItemRow, nextId } from './item-ids.js';
import type { ItemFields } from './item-schemas.js';
import type { SectionKind } from './registry-layout.js';

/** The date a new item of each kind records as "when", filled with today when left empty. */
const CREATED_ON: Partial<Record<SectionKind, string>> = {
  debt: 'added',
  decision: 'proposedOn',
  review: 'date',
};

/**
 * Dates filled in automatically. A new item gets its creation date; a decision that becomes
 * Accepted gets "Decided on" unless one is given or already recorded (`decidedOnBefore`).
 */
export function withAutomaticDates(
  kind: SectionKind,
  fields: ItemFields,
  today: () => string,
  change: { isNew: true } | { isNew: false; decidedOnBefore: unknown },
): ItemFields {
  const out = { ...fields };
  const created = CREATED_ON[kind];
  // A decision recorded after it was made was proposed no later than it was decided.
  const decided = kind === 'decision' ? str(out['decidedOn']) : '';
  if (change.isNew && created && !out[created])
    out[created] = decided && decided < today() ? decided : today();
  const proposed = kind === 'decision' ? str(out['proposedOn']) : '';
  if (decided && proposed && decided < proposed)
    throw new InputError(
      `Decided on (${decided}) cannot be before Proposed on (${proposed}).`,
      'decidedOn',
    );
  const decidedBefore = !change.isNew && str(change.decidedOnBefore) !== '';
  if (kind === 'decision' && out['status'] === 'Accepted' && !out['decidedOn'] && !decidedBefore)
    out['decidedOn'] = today();
  return out;
}

/**
 * The decision a decision's "Supersedes" names, checked: never itself, and one recorded at this
 * client. Null when it names none.
 */
export function supersededId(
  decisions: LocatedSection,
  fields: ItemFields,
  self: string,
): string | null {
  const target = str(fields['supersedes']).trim();
  if (!target) return null;
  if (target === self)
    throw new InputError('Supersedes cannot name the decision itself.', 'supersedes');
  if ('missing' in findItemRow(decisions, { id: target }))
    throw new InputError(
      `Supersedes: there is no decision ${target} at this client.`,
      'supersedes',
    );
  return target;
}

export interface NewItem {
  /** The item's ID, or '' for a kind without one (Team, Review log). */
  id: string;
  fields: ItemFields;
  /** The decision this one supersedes, to be marked Superseded. */
  supersedes: string | null;
}

/**
 * An item about to be appended to `section`: its ID is the next after every one in the section
 * and after `issued`, the highest ever handed out for this client and kind.
 */
export function newItem(
  section: LocatedSection,
  input: ItemFields,
  issued: number,
  today: () => string,
): NewItem {
  const kind = section.spec.kind;
  const prefix = section.spec.idPrefix;
  const id = prefix
    ? nextId(
        prefix,
        section.rows.map((r) => cellUnder(section, r.cells, 'ID')),
        issued,
      )
    : '';
  const fields = withAutomaticDates(kind, input, today, { isNew: true });
  const supersedes = kind === 'decision' ? supersededId(section, fields, id) : null;
  return { id, fields, supersedes };
}

/** A change to the row `cells` of `section`: the fields to write and the decision it supersedes. */
export function changedItem(
  section: LocatedSection,
  cells: readonly unknown[],
  input: ItemFields,
  today: () => string,
): { fields: ItemFields; supersedes: string | null } {
  const kind = section.spec.kind;
  const fields = withAutomaticDates(kind, input, today, {
    isNew: false,
    decidedOnBefore: cellUnder(section, cells, 'Decided on'),
  });
  const self = str(cellUnder(section, cells, 'ID')).trim();
  const supersedes = kind === 'decision' ? supersededId(section, fields, self) : null;
  return { fields, supersedes };
}
