/** A client company: what `addClient` accepts and what a client tab's profile holds. */
import { CLIENT_STATUSES, PM_TOOLS, STAGES } from './registry-layout.js';
import type { ClientRecord } from './client-record.js';
import {
  choice,
  optionalChoice,
  emails,
  isoDate,
  link,
  optionalText,
  requiredText,
} from './fields.js';
import * as z from 'zod/mini';

/** Characters Sheets or formulas handle badly in a tab name. */
const TAB_NAME_FORBIDDEN = /[[\]*?/\\:']/;

const HOURS = 'Hours per week must be a number from 0 to 40.';
const CADENCE = 'Review cadence must be a whole number of days from 1 to 90.';

export const clientInputSchema = z.object({
  name: requiredText('Client name', 60).check(
    z.refine((s) => !TAB_NAME_FORBIDDEN.test(s), {
      error: "Client name cannot contain [ ] * ? / \\ : or '.",
    }),
  ),
  stage: optionalChoice('Stage', STAGES),
  status: z._default(choice('Status', CLIENT_STATUSES), 'Active'),
  founderEmails: emails('Founder emails'),
  leadEngineer: optionalText('Lead engineer', 200),
  pmTool: optionalChoice('PM tool', PM_TOOLS),
  pmLink: link('PM link'),
  repoLink: link('Repo link'),
  hoursPerWeek: z.number({ error: HOURS }).check(
    z.gte(0, { error: HOURS }),
    z.lte(40, { error: HOURS }),
    z.refine((n) => Number.isInteger(n * 4), {
      error: 'Hours per week must be in quarter hours (e.g. 1.5).',
    }),
  ),
  reviewCadence: z._default(
    z.number({ error: CADENCE }).check(
      z.refine((n) => Number.isInteger(n), { error: CADENCE }),
      z.gte(1, { error: CADENCE }),
      z.lte(90, { error: CADENCE }),
    ),
    7,
  ),
  engagementStart: isoDate('Engagement start'),
  privateNotes: optionalText('Private notes'),
});

export type ClientInput = z.input<typeof clientInputSchema>;
export type ClientProfile = z.output<typeof clientInputSchema>;

/** The client as `getRegistry` lists it; `id` is its tab's id, so it survives renames of the tab and of the client. */
export interface ClientSummary extends Pick<
  ClientRecord,
  'id' | 'name' | 'tabName' | 'stage' | 'status' | 'hoursPerWeek' | 'pmTool' | 'pmLink' | 'repoLink'
> {
  founderEmails: string[];
  counts: Record<'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review', number>;
}
