/** The registry as the cross-client rules see it: each client's profile and items. */
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

export const OPEN_DEBT = new Set(['Open', 'In progress']);
export const OPEN_RISK = new Set(['Open', 'Mitigating']);
export const PENDING_DECISION = new Set(['Proposed']);

export function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function tagsOf(item: RegistryItem): string[] {
  const t = item.fields['tags'];
  return Array.isArray(t) ? t : [];
}
