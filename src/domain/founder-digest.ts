/**
 * The founder digest: a client's Summary mailed to its founders on the cadence its profile chooses
 * (Off, Weekly, Monthly), once per period. A period is the plan's week, or the run's month (so a
 * monthly digest goes with the first run of the month). The mail is the Summary as text and HTML,
 * everything typed escaped, with a link to the shared file.
 */
import { escapeHtml, type PlanMail } from './plan-mail.js';
import { readLabelled } from './labelled-values.js';
import { DIGEST_CADENCES } from './registry-layout.js';
import type { FounderSummary } from './founder-summary.js';
import { str } from './client-record.js';

export type DigestCadence = (typeof DIGEST_CADENCES)[number];

/** The profile's "Founder digest": blank or unreadable is Off (the unreadable one is a Problem). */
export function digestCadence(raw: unknown): DigestCadence {
  if (!str(raw).trim()) return 'Off';
  const read = readLabelled('Founder digest', { type: 'choice', choices: DIGEST_CADENCES }, raw);
  return 'value' in read ? (read.value as DigestCadence) : 'Off';
}

/** The period a run falls in for the cadence: "week 2026-11-16", "month 2026-11"; null when Off. */
export function digestPeriod(
  cadence: DigestCadence,
  weekStart: string,
  today: string,
): string | null {
  if (cadence === 'Weekly') return `week ${weekStart}`;
  if (cadence === 'Monthly') return `month ${today.slice(0, 7)}`;
  return null;
}

/** What the add-on keeps of a client's last digest: its period, and how its one attempt went. */
export interface DigestAttempt {
  period: string;
  /** `sending`: claimed before the send, so a run that dies mid-send never sends it again. */
  state: 'sending' | 'sent' | 'failed';
  at: string;
  error?: string;
}

/** The period to mail now, or null: Off, or this period's one attempt was made. */
export function digestDue(
  cadence: DigestCadence,
  last: DigestAttempt | null,
  weekStart: string,
  today: string,
): string | null {
  const period = digestPeriod(cadence, weekStart, today);
  if (period === null || last?.period === period) return null;
  return period;
}

function safeLink(url: string): string {
  return /^https:\/\//i.test(url) ? url : '';
}

/** The Summary as a mail from the CTO to the founders. */
export function founderDigestMail(s: FounderSummary, fileUrl: string): PlanMail {
  const subject = `${s.name}: technology update, ${s.asOf} (${s.status})`;
  const text: string[] = [`${s.name}: technology update as of ${s.asOf}`, ''];
  const html: string[] = [`<h2>${escapeHtml(`${s.name}: technology update`)}</h2>`];
  html.push(`<p>As of ${escapeHtml(s.asOf)}</p>`);
  const para = (heading: string, lines: readonly string[]) => {
    text.push(heading, ...lines.map((l) => `- ${l}`), '');
    html.push(
      `<h3>${escapeHtml(heading)}</h3><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    );
  };
  const joined = (...parts: string[]) => parts.filter(Boolean).join('; ');
  const NA = 'Not available at the moment.';
  para(`Status: ${s.status}`, s.reasons);
  para('This week', [s.thisWeek || 'The regular review with your team.']);
  if (s.incomplete)
    para('Note', [
      'Some of the registry could not be included in this update; your CTO has been told.',
    ]);
  para(
    "This month's focus",
    s.focus.length ? s.focus.map((f) => `Week of ${f.week}: ${f.line}`) : ['Nothing recorded yet.'],
  );
  para(
    'Decisions needed',
    s.needed === null
      ? [NA]
      : s.needed.length
        ? s.needed.map((d) =>
            joined(
              `${d.needsYou ? 'NEEDS YOU: ' : ''}${d.title}`,
              d.due && `due ${d.due}`,
              d.deciders && `deciders: ${d.deciders}`,
            ),
          )
        : ['No decision waiting.'],
  );
  para(
    'Decisions made in the last 30 days',
    s.decided === null
      ? [NA]
      : s.decided.length
        ? s.decided.map((d) => joined(`${d.title} (${d.date})`, d.decision))
        : ['No decision made in the last 30 days.'],
  );
  para(
    'High and critical risks',
    s.risks === null
      ? [NA]
      : s.risks.length
        ? s.risks.map((r) =>
            joined(
              `${r.band}: ${r.risk}`,
              r.owner && `owner ${r.owner}`,
              r.mitigation,
              r.due && `due ${r.due}`,
            ),
          )
        : ['No high or critical risk is open.'],
  );
  para(
    '90-day goals',
    s.goals === null
      ? [NA]
      : s.goals.length
        ? s.goals.map((g) =>
            joined(`${g.goal} (${g.status})`, g.targetDate && `by ${g.targetDate}`, g.why),
          )
        : ['No goals recorded yet.'],
  );
  para(
    'Technical debt',
    s.debt === null
      ? [NA]
      : [
          s.debt.open.map((q) => `${q.quadrant}: ${q.count}`).join(', '),
          ...s.debt.doNow.map((d) =>
            joined(`To do now: ${d.title}`, d.trackedIn && `tracked in ${d.trackedIn}`),
          ),
        ],
  );
  para(
    'Delivery',
    s.delivery === null
      ? [NA]
      : [
          `Last review: ${s.delivery.lastReview || 'none logged yet'}`,
          `Next review: ${s.delivery.nextReview || 'after the first review'}`,
          ...(s.performance ?? []),
        ],
  );
  text.push(`The full view: ${fileUrl}`);
  const link = safeLink(fileUrl);
  html.push(
    link
      ? `<p><a href="${escapeHtml(link)}">Open the full view</a></p>`
      : `<p>${escapeHtml(fileUrl)}</p>`,
  );
  return { subject, body: text.join('\n'), htmlBody: html.join('\n') };
}
