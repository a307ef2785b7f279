/** A client as the cross-client rules see it: its tab's profile and every item, by kind. */
import type { SectionKind } from './registry-layout.js';
import type { RegistryItem } from './section-items.js';
import type { ClientHealth } from './client-health.js';

export interface ClientRecord {
  id: string;
  name: string;
  tabName: string;
  stage: string;
  status: string;
  hoursPerWeek: number | null;
  reviewCadence: number | null;
  pmTool: string;
  pmLink: string;
  repoLink: string;
  /** The profile's "Focus this week": blank when not typed, or on a tab made before the row. */
  focus?: string;
  /** The profile's "Engagement start" as an ISO date: blank when not typed or unreadable. */
  engagementStart?: string;
  items: Record<SectionKind, RegistryItem[]>;
  /** Delivery weeks, deliverables and exit criteria; absent from records built before them. */
  health?: ClientHealth;
}

/**
 * A cell's or field's value as text, the one way: blank for nothing, numbers and booleans as
 * written, a date as its ISO form, anything else (never read from a cell) as JSON.
 */
export function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return JSON.stringify(v) ?? '';
}

/** A field's value as a number, or null when it holds none. */
export function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}
