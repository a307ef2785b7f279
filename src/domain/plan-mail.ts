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

export function planMail(plan: WeeklyPlan, registryUrl: string): PlanMail {
  const subject = `Weekly plan, week of ${plan.weekStart}`;
  const capacity = `${plan.allocatedHours} h allocated of ${plan.capacityHours} h; ${plan.flexHours} h flex.`;
  const text: string[] = [subject, '', capacity, ...plan.warnings.map((w) => `! ${w}`), ''];
  const html: string[] = [
    `<h2>${escapeHtml(subject)}</h2>`,
    `<p>${escapeHtml(capacity)}</p>`,
    ...plan.warnings.map((w) => `<p style="color:#b31412">${escapeHtml(w)}</p>`),
  ];
  for (const c of plan.clients) {
    const heading = `${c.name}: ${c.hours} h (agenda ${formatMinutes(c.plannedMinutes)})`;
    text.push(heading);
    html.push(`<h3>${escapeHtml(heading)}</h3><ul>`);
    for (const a of c.agenda) {
      const box = a.kind === 'review' ? '[ ] ' : '- ';
      const note = a.privateNote ? ` (note: ${a.privateNote})` : '';
      text.push(
        `  ${box}${a.label} (${formatMinutes(a.minutes)})${a.link ? ` ${a.link}` : ''}${note}`,
      );
      const link = safeLink(a.link);
      const label = link
        ? `<a href="${escapeHtml(link)}">${escapeHtml(a.label)}</a>`
        : escapeHtml(a.label);
      html.push(
        `<li>${a.kind === 'review' ? '&#9744; ' : ''}${label} <small>(${escapeHtml(formatMinutes(a.minutes))})</small>${a.privateNote ? ` <em>${escapeHtml(a.privateNote)}</em>` : ''}</li>`,
      );
    }
    text.push('');
    html.push('</ul>');
  }
  if (plan.clients.length === 0) {
    text.push('No active clients.');
    html.push('<p>No active clients.</p>');
  }
  text.push(`Registry: ${registryUrl}`);
  html.push(`<p><a href="${escapeHtml(registryUrl)}">Open the registry</a></p>`);
  return { subject, body: text.join('\n'), htmlBody: html.join('\n') };
}

export function failureMail(error: string, when: string, registryUrl: string): PlanMail {
  const subject = 'Weekly plan failed';
  const body = `The weekly plan could not be written at ${when}: ${error}\nThe previous plan is still in the Weekly Plan tab.\nRegistry: ${registryUrl}`;
  return {
    subject,
    body,
    htmlBody: `<p>The weekly plan could not be written at ${escapeHtml(when)}:</p><p><strong>${escapeHtml(error)}</strong></p><p>The previous plan is still in the Weekly Plan tab. <a href="${escapeHtml(registryUrl)}">Open the registry</a></p>`,
  };
}
