/** A client's profile and section counts, read from its located tab. */
import type { ClientSummary } from './client.js';
import type { ClientTabLayout } from './client-tab-layout.js';

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

export function summarizeClient(
  id: string,
  tabName: string,
  layout: ClientTabLayout,
): ClientSummary {
  const p = (label: string): unknown => layout.profile.get(label)?.value ?? '';
  const hours = p('Hours per week');
  const count = (kind: keyof ClientSummary['counts']): number =>
    layout.sections.get(kind)?.rows.length ?? 0;
  return {
    id,
    name: str(p('Client')) || tabName,
    tabName,
    stage: str(p('Stage')),
    status: str(p('Status')) || 'Active',
    hoursPerWeek: typeof hours === 'number' ? hours : null,
    founderEmails: str(p('Founder emails'))
      .split(/[,;]/)
      .map((e) => e.trim())
      .filter(Boolean),
    pmTool: str(p('PM tool')),
    pmLink: str(p('PM link')),
    repoLink: str(p('Repo link')),
    counts: {
      goal: count('goal'),
      debt: count('debt'),
      decision: count('decision'),
      risk: count('risk'),
      team: count('team'),
      review: count('review'),
    },
  };
}
