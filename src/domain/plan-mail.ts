/** The weekly plan as a mail to the CTO: plain text and HTML, every user-typed text escaped. */
import { formatMinutes, type WeeklyPlan } from './weekly-plan.js';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function safeLink(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '';
}

export interface PlanMail {
  subject: string;
  body: string;
  htmlBody: string;
}

/** Gmail shows about this much of a subject; MailApp refuses subjects much longer. */
const SUBJECT_MAX = 250;

/**
 * "Weekly plan, week of 2026-11-16: Acme: Risk R-1 ... (2 h); Beacon: ... (1.5 h); Flex: 15.5 h".
 * Clients that do not fit are counted ("+3 more"); flex is always named.
 */
export function planSubject(plan: WeeklyPlan): string {
  const lead = `Weekly plan, week of ${plan.weekStart}`;
  const clients = plan.capacityList.slice(0, -1);
  const flex = plan.capacityList[plan.capacityList.length - 1] ?? '';
  for (let n = clients.length; n >= 0; n--) {
    const more = clients.length - n;
    const parts = [...clients.slice(0, n), ...(more ? [`+${more} more`] : []), flex];
    const subject = `${lead}: ${parts.join('; ')}`;
    if (subject.length <= SUBJECT_MAX || n === 0) return subject.slice(0, SUBJECT_MAX);
  }
  return lead;
}

/** `trouble`: what went wrong after the plan was written (a founder view not synced), if anything. */
export function planMail(plan: WeeklyPlan, registryUrl: string, trouble = ''): PlanMail {
  const subject = planSubject(plan);
  const title = `Weekly plan, week of ${plan.weekStart} to ${plan.weekEnd}`;
  const capacity = `${plan.allocatedHours} h allocated of ${plan.capacityHours} h; ${plan.flexHours} h flex.`;
  const notes = [...plan.warnings, ...(trouble ? [`Not done this run: ${trouble}`] : [])];
  const text: string[] = [
    title,
    '',
    ...plan.capacityList,
    capacity,
    ...notes.map((w) => `! ${w}`),
    '',
  ];
  const html: string[] = [
    `<h2>${escapeHtml(title)}</h2>`,
    `<ul>${plan.capacityList.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(capacity)}</p>`,
    ...notes.map((w) => `<p style="color:#b31412">${escapeHtml(w)}</p>`),
  ];
  for (const c of plan.clients) {
    const heading = `${c.name}: ${c.hours} h (planned ${formatMinutes(c.plannedMinutes)})${c.drifting ? `; drifting: ${c.drifting}` : ''}`;
    text.push(heading);
    html.push(`<h3>${escapeHtml(heading)}</h3><ul>`);
    for (const a of c.agenda) {
      const note = a.privateNote ? ` (note: ${a.privateNote})` : '';
      text.push(
        `  [ ] ${a.label} (${formatMinutes(a.minutes)})${a.link ? ` ${a.link}` : ''}${note}`,
      );
      const link = safeLink(a.link);
      const label = link
        ? `<a href="${escapeHtml(link)}">${escapeHtml(a.label)}</a>`
        : escapeHtml(a.label);
      html.push(
        `<li>&#9744; ${label} <small>(${escapeHtml(formatMinutes(a.minutes))})</small>${a.privateNote ? ` <em>${escapeHtml(a.privateNote)}</em>` : ''}</li>`,
      );
    }
    html.push('</ul>');
    if (c.waits.length) {
      const waits = [
        ...c.waits.map((w) => `${w.label} (${formatMinutes(w.minutes)})`),
        ...(c.waitsMore ? [`and ${c.waitsMore} more: see Priorities`] : []),
      ];
      text.push('  Waits (not counted):', ...waits.map((w) => `    - ${w}`));
      html.push(
        '<p><small>Waits (not counted):</small></p><ul>',
        ...waits.map((w) => `<li><small>${escapeHtml(w)}</small></li>`),
        '</ul>',
      );
    }
    text.push('');
  }
  if (plan.clients.length === 0) {
    text.push('No active clients.');
    html.push('<p>No active clients.</p>');
  }
  const since = plan.sinceLastWeek.length
    ? plan.sinceLastWeek
    : ['Nothing recorded since last week.'];
  const sinceAll = plan.sinceNote ? [...since, plan.sinceNote] : since;
  text.push('Since last week', ...sinceAll.map((l) => `  ${l}`), '');
  html.push(
    '<h3>Since last week</h3><ul>',
    ...sinceAll.map((l) => `<li>${escapeHtml(l)}</li>`),
    '</ul>',
  );

  text.push(`Registry: ${registryUrl}`);
  html.push(`<p><a href="${escapeHtml(registryUrl)}">Open the registry</a></p>`);
  return { subject, body: text.join('\n'), htmlBody: html.join('\n') };
}

/** `planWritten`: the new plan reached its tab before the run failed. */
export function failureMail(
  error: string,
  when: string,
  registryUrl: string,
  planWritten = false,
): PlanMail {
  const subject = planWritten ? 'Weekly plan written, but the run failed' : 'Weekly plan failed';
  const lead = planWritten
    ? `The weekly plan was written at ${when}, then the run failed:`
    : `The weekly plan could not be written at ${when}:`;
  const tab = planWritten
    ? 'The new plan is in the Weekly Plan tab; it was not mailed.'
    : 'The previous plan is still in the Weekly Plan tab.';
  return {
    subject,
    body: `${lead} ${error}\n${tab}\nRegistry: ${registryUrl}`,
    htmlBody: `<p>${escapeHtml(lead)}</p><p><strong>${escapeHtml(error)}</strong></p><p>${escapeHtml(tab)} <a href="${escapeHtml(registryUrl)}">Open the registry</a></p>`,
  };
}

/** Sent once when Google needs the CTO to authorise the add-on again before the plan can run. */
export function authorizationMail(authorizationUrl: string, registryName: string): PlanMail {
  const subject = 'CTO Registry needs your authorisation';
  const lead = `The weekly plan for ${registryName} did not run: Google needs you to authorise CTO Registry again (its permissions changed).`;
  return {
    subject,
    body: `${lead}\nAuthorise here: ${authorizationUrl}\nThe plan runs again at its next time once you have.`,
    htmlBody: `<p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(safeLink(authorizationUrl))}">Authorise CTO Registry</a></p><p>The plan runs again at its next time once you have.</p>`,
  };
}

/** Sent when the trigger ran without access to its spreadsheet, so nothing could be done. */
export function noDocumentMail(registry: { url: string; name: string } | null): PlanMail {
  const where = registry ? registry.name : 'your registry';
  const lead = `The weekly plan for ${where} did not run: Google started it without access to the spreadsheet.`;
  const next =
    'Open the registry and choose Extensions > CTO Registry > Generate weekly plan. If this happens again, turn the weekly plan off and on again in the sidebar.';
  const link = registry ? safeLink(registry.url) : '';
  return {
    subject: 'Weekly plan did not run',
    body: `${lead}\n${next}${link ? `\nRegistry: ${link}` : ''}`,
    htmlBody: `<p>${escapeHtml(lead)}</p><p>${escapeHtml(next)}</p>${link ? `<p><a href="${escapeHtml(link)}">Open the registry</a></p>` : ''}`,
  };
}
