/** Small client records and settings for the domain tests, typed as the rules receive them. */
import type { ClientRecord } from '../../src/domain/client-record.js';
import type { ItemFields } from '../../src/domain/item-schemas.js';
import type { SectionKind } from '../../src/domain/registry-layout.js';
import type { RegistryItem } from '../../src/domain/section-items.js';
import type { RegistrySettings } from '../../src/domain/settings.js';

let nextRow = 100;

/** One row of a section, as the reader hands it over: its ID is also its `id` field. */
export function item(kind: SectionKind, id: string, fields: ItemFields = {}): RegistryItem {
  return { kind, id, ref: id, row: nextRow++, fields: { id, ...fields } };
}

export type ClientShape = Partial<Omit<ClientRecord, 'items'>> & {
  items?: Partial<Record<SectionKind, RegistryItem[]>>;
};

/** An active client named Acme with nothing recorded, unless told otherwise. */
export function client(shape: ClientShape = {}): ClientRecord {
  const name = shape.name ?? 'Acme';
  return {
    id: shape.id ?? '1',
    name,
    tabName: shape.tabName ?? name,
    stage: shape.stage ?? 'Seed',
    status: shape.status ?? 'Active',
    hoursPerWeek: shape.hoursPerWeek === undefined ? 4 : shape.hoursPerWeek,
    reviewCadence: shape.reviewCadence === undefined ? null : shape.reviewCadence,
    pmTool: shape.pmTool ?? 'Linear',
    pmLink: shape.pmLink ?? 'https://linear.app/acme',
    repoLink: shape.repoLink ?? 'https://github.com/acme/app',
    ...(shape.focus === undefined ? {} : { focus: shape.focus }),
    ...(shape.engagementStart === undefined ? {} : { engagementStart: shape.engagementStart }),
    items: {
      goal: [],
      debt: [],
      decision: [],
      risk: [],
      team: [],
      review: [],
      ...shape.items,
    },
  };
}

/** The Settings a new registry starts from (capacity 20 h, 2 h flex reserve, 7/90-day cadences). */
export const DEFAULT_SETTINGS: RegistrySettings = {
  capacityHours: 20,
  flexReserveHours: 2,
  planWeekday: 'Monday',
  planHour: 7,
  summaryEmail: '',
  reviewMinutes: 40,
  reviewCadenceDays: 7,
  debtReviewCadenceDays: 90,
  impactThreshold: 3,
  effortThreshold: 3,
  sharingRole: 'viewer',
};
