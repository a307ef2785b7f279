/** What `shareClientView` accepts. */
import * as z from 'zod/mini';
import { emails } from './fields.js';

export const shareInputSchema = z.object({
  clientId: z.string({ error: 'Client is required: choose a client.' }).check(
    z.regex(/^\d+$/, {
      error: "Client is not one of the registry's clients: choose a client from the list.",
    }),
  ),
  emails: z.optional(
    z.string({ error: 'Emails must be a comma-separated list of email addresses.' }),
  ),
  role: z.optional(z.string({ error: 'Role must be viewer or commenter.' })),
});

export const emailsSchema = emails('Emails');
