/** What `addItem`, `updateItem`, `relatedDecisions` and the decision signals accept. */
import * as z from 'zod/mini';
import { isItemRef } from './item-ids.js';
import type { ItemFields } from './item-schemas.js';
import type { SectionKind } from './registry-layout.js';

export const ITEM_KINDS = [
  'goal',
  'debt',
  'decision',
  'risk',
  'team',
  'review',
] as const satisfies readonly SectionKind[];

const clientId = z.string({ error: 'Client is required: choose a client.' }).check(
  z.regex(/^\d+$/, {
    error: "Client is not one of the registry's clients: choose a client from the list.",
  }),
);
const kind = z.enum(ITEM_KINDS, { error: `Kind must be one of: ${ITEM_KINDS.join(', ')}.` });
const fields = z.record(z.string(), z.unknown(), {
  error: 'Fields must be an object of field values.',
});

export const addItemSchema = z.object({ clientId, kind, fields });

export const updateItemSchema = z.object({
  clientId,
  kind,
  id: z.string({ error: 'ID is required: say which item to change (e.g. D-4).' }).check(
    z.trim(),
    z.refine(isItemRef, {
      error:
        'ID must be an item ID such as D-4 or ADR-2. A row without an ID (Team, Review log) is named by the reference the registry gives it when read (row:14:…).',
    }),
  ),
  fields,
});

const excludeClientId = z._default(z.string({ error: 'Exclude client must be a client id.' }), '');

export const relatedDecisionsSchema = z.object({
  tags: z.union([z.string(), z.array(z.string())], {
    error: 'Tags must be a comma-separated list.',
  }),
  excludeClientId,
});

/** What `decisionSignalSources` accepts: the client whose decision is being written. */
export const signalSourcesSchema = z.object({ excludeClientId });

export const clientRefSchema = z.object({ clientId });

/** A client to show; `showTab` also opens its tab, as when the user picks it in the switcher. */
export const clientViewSchema = z.object({ clientId, showTab: z.optional(z.boolean()) });

export interface AddItemInput {
  clientId: string;
  kind: SectionKind;
  fields: Record<string, unknown>;
}

export interface UpdateItemInput extends AddItemInput {
  /** The item's ID, or for a row without one the reference `getClient` gave it (`ref`). */
  id: string;
}

export interface AddItemResult {
  id: string;
  clientId: string;
  clientName: string;
  kind: SectionKind;
  row: number;
}

export interface UpdateItemResult {
  id: string;
  clientId: string;
  clientName: string;
  kind: SectionKind;
  row: number;
  changed: string[];
}

export type { ItemFields };
