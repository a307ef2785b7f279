/**
 * The founder digest, run by the weekly run after the founder views are synced: each shared
 * client whose profile asks for it (Founder digest: Weekly or Monthly) has its Summary mailed to
 * its founders, from the CTO's own account, with a link to the shared file. One attempt per
 * period: it is claimed on record before the send, so a run that fails part-way, or a second run
 * in the period, never mails it twice; a quota or send failure is recorded and told to the CTO.
 */
import {
  digestCadence,
  digestDue,
  founderDigestMail,
  type DigestAttempt,
} from '../domain/founder-digest.js';
import { digestAttemptSchema, parseStored } from '../domain/stored-records.js';
import type { WeeklyPlan } from '../domain/weekly-plan.js';
import { readShares } from '../services/founder-files.js';
import { sharedGrids } from '../sheets/founder-view-grids.js';
import type { RegistrySnapshot } from '../sheets/rollup-refresh.js';
import type { SyncResult } from './sharing.js';

const PREFIX = 'digest.';

export function readDigestAttempt(clientId: string): DigestAttempt | null {
  return parseStored(
    digestAttemptSchema,
    PropertiesService.getDocumentProperties().getProperty(PREFIX + clientId),
  );
}

function record(clientId: string, attempt: DigestAttempt): void {
  PropertiesService.getDocumentProperties().setProperty(PREFIX + clientId, JSON.stringify(attempt));
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Mails the digests due in this run, for the clients whose view this run synced (so the mail says
 * what the file says). Returns what went wrong, one clause per client, for the run's status.
 */
export function mailFounderDigests(
  snap: RegistrySnapshot,
  plan: WeeklyPlan,
  synced: SyncResult,
): string[] {
  const trouble: string[] = [];
  for (const share of readShares().values()) {
    if (!share.active || !synced.synced.includes(share.clientName)) continue;
    const tab = snap.read.clients.find((c) => c.id === share.clientId);
    const cadence = digestCadence(tab?.layout.profile.get('Founder digest')?.value);
    const period = digestDue(
      cadence,
      readDigestAttempt(share.clientId),
      plan.weekStart,
      plan.today,
    );
    if (period === null || share.emails.length === 0) continue;
    const at = new Date().toISOString();
    const failed = (error: string) => {
      record(share.clientId, { period, state: 'failed', at, error });
      trouble.push(
        `${share.clientName}'s founder digest not sent: ${error}; it is not sent again for this ${
          cadence === 'Monthly' ? 'month' : 'week'
        }`,
      );
    };
    try {
      const file = sharedGrids(snap, share.clientId, plan, share.focus);
      if (!file) continue;
      // The quota counts recipients (https://developers.google.com/apps-script/reference/mail/mail-app).
      if (MailApp.getRemainingDailyQuota() < share.emails.length) {
        failed(`today's mail quota is used up`);
        continue;
      }
      record(share.clientId, { period, state: 'sending', at });
      const mail = founderDigestMail(file.summary, share.url);
      // Sent as the CTO, the account the run belongs to; no sender name, so it is theirs.
      MailApp.sendEmail({
        to: share.emails.join(','),
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
      });
      record(share.clientId, { period, state: 'sent', at });
    } catch (e) {
      failed(messageOf(e));
    }
  }
  return trouble;
}
