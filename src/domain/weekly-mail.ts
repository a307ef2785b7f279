/**
 * The weekly plan is mailed to the CTO at most once per ISO week: the week the plan is for,
 * Monday to Sunday, named by its Monday. A second run that week (a trigger delivered twice, a
 * plan day changed mid-week, Generate now on Monday and again on Tuesday) rewrites the tabs and
 * says the mail was already sent; only "Mail it again" sends it once more.
 */
import type { WeeklyMail } from './stored-records.js';

export type MailRule = 'once a week' | 'again';

/** Whether this run mails the plan for the week starting `weekStart`. */
export function mailsThisRun(
  previous: WeeklyMail | null,
  weekStart: string,
  rule: MailRule,
): boolean {
  return rule === 'again' || previous?.week !== weekStart;
}

/** What a run that did not mail says in its status, naming the mail already sent. */
export function alreadySentNote(previous: WeeklyMail): string {
  return `this week's mail already went to ${previous.to} (${previous.at}); Mail it again in the sidebar sends this plan`;
}
