/** A client as the cross-client rules see it: its tab's profile and every item, by kind. */
import type { SectionKind } from './registry-layout.js';
import type { RegistryItem } from './section-items.js';

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
  items: Record<SectionKind, RegistryItem[]>;
}

/** A field's value as text: blank for nothing. */
export function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A field's value as a number, or null when it holds none. */
export function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}
