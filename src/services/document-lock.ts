/** Every write to the registry happens under the document lock, so two writers never collide. */
import { InputError } from '../domain/input-error.js';

/** How long a caller waits for another writer before giving up. */
export const LOCK_WAIT_MS = 10000;

export const BUSY_MESSAGE = 'The registry is busy, try again in a moment.';

/**
 * Runs `work` under the document lock. Before the lock is let go, what was written to the registry
 * is flushed, so the next writer reads it; `wroteRegistry` may say that nothing was (a sync writes
 * only the founder files, through their own API), and then no flush is asked for.
 */
export function withDocumentLock<T>(work: () => T, wroteRegistry: () => boolean = () => true): T {
  const lock = LockService.getDocumentLock();
  if (!lock)
    throw new InputError(
      'CTO Registry works inside its spreadsheet: open the registry and try again from its menu.',
    );
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new InputError(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    if (wroteRegistry()) SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
