/** The Settings tab, once read: the values that cannot be read, under the tab's own name. */
import { parseSettings } from '../domain/settings.js';
import type { Problem } from '../domain/section-items.js';
import type { ReadTab } from './workbook-read.js';

/** A person may rename the tab; its name is asked only when there is a problem to name it in. */
export function settingsProblems(tab: ReadTab | undefined): Problem[] {
  if (!tab) return [];
  const { problems } = parseSettings(tab.grid, 'Settings');
  if (problems.length === 0) return problems;
  const name = tab.sheet.getName();
  return problems.map((p) => ({ ...p, tab: name }));
}
