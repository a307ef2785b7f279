/** What `addItem` accepts: the client, the kind of item, and its fields. */
import { debtFieldsSchema } from './debt.js';
import type { SectionKind } from './registry-layout.js';
import * as z from 'zod/mini';

export const ITEM_KINDS = [
  'goal',
  'debt',
  'decision',
  'risk',
  'team',
  'review',
] as const satisfies readonly SectionKind[];

export const addItemSchema = z.object({
  clientId: z.string({ error: 'Client is required: choose a client.' }).check(
    z.regex(/^\d+$/, {
      error: "Client is not one of the registry's clients: choose a client from the list.",
    }),
  ),
  kind: z.enum(ITEM_KINDS, { error: `Kind must be one of: ${ITEM_KINDS.join(', ')}.` }),
  fields: z.record(z.string(), z.unknown(), { error: 'Fields must be an object of field values.' }),
});

export type AddItemInput = z.input<typeof addItemSchema>;

/** The kinds this version can add; each has its own field schema. */
export const FIELD_SCHEMAS = {
  debt: debtFieldsSchema,
} as const;

export interface AddItemResult {
  id: string;
  clientId: string;
  clientName: string;
  kind: SectionKind;
  row: number;
}
