/**
 * A cell of a located section's row, by its header. Apart from the layout that locates sections,
 * so that the sidebar, which needs only this, does not take in every section's layout.
 */
import type { LocatedSection } from './client-tab-layout.js';

export function cellUnder(
  section: Pick<LocatedSection, 'columns'>,
  cells: readonly unknown[],
  header: string,
): unknown {
  const c = section.columns.get(header);
  return c === undefined ? '' : (cells[c - 1] ?? '');
}
