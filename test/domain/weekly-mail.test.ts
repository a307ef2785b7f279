import { describe, expect, it } from 'vitest';
import { alreadySentNote, mailsThisRun } from '../../src/domain/weekly-mail.js';

const SENT = { week: '2026-11-16', at: '2026-11-16 07:00', to: 'cto@example.com' };

describe('one weekly mail per ISO week', () => {
  it('mails when nothing was sent yet', () => {
    expect(mailsThisRun(null, '2026-11-16', 'once a week')).toBe(true);
  });

  it('does not mail a second time for the same week', () => {
    expect(mailsThisRun(SENT, '2026-11-16', 'once a week')).toBe(false);
  });

  it('mails the next week', () => {
    expect(mailsThisRun(SENT, '2026-11-23', 'once a week')).toBe(true);
  });

  it('mails again when asked to, the same week', () => {
    expect(mailsThisRun(SENT, '2026-11-16', 'again')).toBe(true);
  });

  it('says when and to whom the week’s mail went, and how to send it again', () => {
    expect(alreadySentNote(SENT)).toBe(
      "this week's mail already went to cto@example.com (2026-11-16 07:00); Mail it again in the sidebar sends this plan",
    );
  });
});
