/** A client company: what `addClient` accepts and what a client tab's profile holds. */
import { CLIENT_STATUSES, PM_TOOLS, STAGES } from './registry-layout.js';
import {
  choice,
  optionalChoice,
  emails,
  isoDate,
  link,
  optionalText,
  requiredText,
} from './fields.js';
import * as z from 'zod';

/** Characters Sheets or formulas handle badly in a tab name. */
const TAB_NAME_FORBIDDEN = /[[\]*?/\\:']/;

export const clientInputSchema = z.object({
  name: requiredText('Client name', 60).refine((s) => !TAB_NAME_FORBIDDEN.test(s), {
    error: "Client name cannot contain [ ] * ? / \\ : or '.",
  }),
  stage: optionalChoice('Stage', STAGES),
  status: choice('Status', CLIENT_STATUSES).default('Active'),
  founderEmails: emails('Founder emails'),
  leadEngineer: optionalText('Lead engineer', 200),
  pmTool: optionalChoice('PM tool', PM_TOOLS),
  pmLink: link('PM link'),
  repoLink: link('Repo link'),
  hoursPerWeek: z
    .number({ error: 'Hours per week must be a number from 0 to 40.' })
    .min(0, { error: 'Hours per week must be a number from 0 to 40.' })
    .max(40, { error: 'Hours per week must be a number from 0 to 40.' })
    .refine((n) => Number.isInteger(n * 4), {
      error: 'Hours per week must be in quarter hours (e.g. 1.5).',
    }),
  reviewCadence: z
    .number({ error: 'Review cadence must be a whole number of days from 1 to 90.' })
    .int({ error: 'Review cadence must be a whole number of days from 1 to 90.' })
    .min(1, { error: 'Review cadence must be a whole number of days from 1 to 90.' })
    .max(90, { error: 'Review cadence must be a whole number of days from 1 to 90.' })
    .default(7),
  engagementStart: isoDate('Engagement start'),
  privateNotes: optionalText('Private notes'),
});

export type ClientInput = z.input<typeof clientInputSchema>;
export type ClientProfile = z.output<typeof clientInputSchema>;

/** The client as `getRegistry` lists it; the tab is found by its developer metadata, so `id` survives renames. */
export interface ClientSummary {
  id: string;
  name: string;
  tabName: string;
  stage: string;
  status: string;
  hoursPerWeek: number | null;
  founderEmails: string[];
  pmTool: string;
  pmLink: string;
  repoLink: string;
  counts: Record<'goal' | 'debt' | 'decision' | 'risk' | 'team' | 'review', number>;
}
