/** What `exportDecisions`, `previewImport` and `importDecisions` accept. */
import * as z from 'zod/mini';
import { RECORD_FORMS, type RecordForm } from './decision-export.js';

const clientId = z.string({ error: 'Client is required: choose a client.' }).check(
  z.regex(/^\d+$/, {
    error: "Client is not one of the registry's clients: choose a client from the list.",
  }),
);

/** More files than a repo's decisions plausibly hold, and more text than a record needs. */
export const MAX_IMPORT_FILES = 200;
export const MAX_RECORD_TEXT = 100_000;
/** A zip of a repo's records, as base64: about 10 MB. */
export const MAX_ZIP_BASE64 = 14_000_000;

const NO_FILES = 'Files: paste a record or choose at least one .md file.';

export const exportDecisionsSchema = z.object({
  clientId: z.optional(clientId),
  form: z.enum(RECORD_FORMS, {
    error: `Form must be one of: ${RECORD_FORMS.join(', ')} (MADR, or adr-tools' Nygard form).`,
  }),
});

/** A Markdown file as text, or a zip of a repo's records (`docs/adr`) as base64. */
const recordText = z
  .object(
    {
      name: z
        .string({ error: 'Each file needs a name (e.g. 0001-use-postgres.md).' })
        .check(
          z.trim(),
          z.minLength(1, { error: 'Each file needs a name (e.g. 0001-use-postgres.md).' }),
          z.maxLength(300, { error: 'A file name must be at most 300 characters.' }),
        ),
      text: z.optional(
        z.string({ error: "Each file's text must be text." }).check(
          z.maxLength(MAX_RECORD_TEXT, {
            error: `A file must be at most ${MAX_RECORD_TEXT.toLocaleString('en')} characters.`,
          }),
        ),
      ),
      base64: z.optional(
        z
          .string({ error: 'A zip must come as base64 text.' })
          .check(z.maxLength(MAX_ZIP_BASE64, { error: 'A zip must be at most 10 MB.' })),
      ),
    },
    { error: 'Each file must be { name, text } (or a zip as { name, base64 }).' },
  )
  .check(
    z.refine((f) => (f.text === undefined) !== (f.base64 === undefined), {
      error: 'Each file must be { name, text } (or a zip as { name, base64 }).',
    }),
  );

export const importFilesSchema = z.object({
  clientId,
  files: z
    .array(recordText, {
      // An empty list reaches the schema as '' (parseInput reads lists of text as comma text).
      error: (issue) =>
        issue.code !== 'invalid_type'
          ? undefined
          : issue.input === ''
            ? NO_FILES
            : 'Files must be a list of { name, text }.',
    })
    .check(
      z.minLength(1, { error: NO_FILES }),
      z.maxLength(MAX_IMPORT_FILES, { error: `Files: at most ${MAX_IMPORT_FILES} at a time.` }),
    ),
});

export const importDecisionsSchema = z.object({
  ...importFilesSchema.shape,
  confirm: z.literal(true, {
    error: 'Confirm: look at the preview first, then confirm the import (confirm: true).',
  }),
});

export interface ExportDecisionsInput {
  clientId?: string;
  form: RecordForm;
}

export interface ImportFilesInput {
  clientId: string;
  /** Markdown files as text; a zip (a repo's `docs/adr`) as `{ name, base64 }`. */
  files: { name: string; text?: string; base64?: string }[];
}

export interface ImportDecisionsInput extends ImportFilesInput {
  confirm: boolean;
}
