/** Mailing the CTO: HTML and plain text; a day's quota running out is reported, not thrown. */
import type { PlanMail } from '../domain/plan-mail.js';

export function sendMail(to: string, mail: PlanMail): 'sent' | 'quota used up' {
  if (MailApp.getRemainingDailyQuota() < 1) return 'quota used up';
  MailApp.sendEmail({
    to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: 'CTO Registry',
  });
  return 'sent';
}
