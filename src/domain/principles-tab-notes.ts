/**
 * What setup tells a person about the Principles tab: its Status choices and a note per column.
 * Apart from principles.ts, which the sidebar takes in, to keep the sidebar small.
 */
import type { PRINCIPLE_HEADERS } from './principles.js';

/** The Status a principle is given from the tab's dropdown; Inactive, Deprecated, Superseded read as Retired. */
export const PRINCIPLE_STATUSES = ['Active', 'Retired'] as const;

/** What each column of the Principles tab takes, as its header cell's note says it. */
export const PRINCIPLE_HEADER_NOTES: Partial<Record<(typeof PRINCIPLE_HEADERS)[number], string>> = {
  ID: 'P-1, P-2, …: how a conflict names the principle.',
  Standard:
    'The technologies to use, separated by commas (PostgreSQL): each is on the Radar in Adopt.',
  Avoid:
    'Tags, separated by commas (mongodb, dynamodb): a Proposed or Accepted decision tagged with one is flagged as a conflict; each is on the Radar in Hold.',
  Since: 'The date the principle was agreed (YYYY-MM-DD).',
  Status: 'Active or Retired: a retired principle flags nothing.',
};
