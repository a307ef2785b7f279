/**
 * `LockService`. One lock per scope (document, script, user). Another execution may hold it:
 * either a second execution the test interleaves, or a holder declared with
 * `runtime.holdLock`, which keeps it until its release time on the emulated clock. A waiter
 * spends its wait on the execution's time, as in Apps Script.
 */
import type { Env } from './env.js';

export interface LockHolder {
  owner: string;
  /** Emulated-clock time at which the holder lets go; Infinity for never. */
  releaseAt: number;
}

export class LockTable {
  readonly held = new Map<string, LockHolder>();

  holder(scope: string, now: number): LockHolder | undefined {
    const h = this.held.get(scope);
    if (h && h.releaseAt <= now) {
      this.held.delete(scope);
      return undefined;
    }
    return h;
  }

  releaseAllOf(owner: string): void {
    for (const [scope, h] of this.held) if (h.owner === owner) this.held.delete(scope);
  }
}

type GLock = GoogleAppsScript.Lock.Lock;

export class EmuLock implements Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly env: Env,
    private readonly table: LockTable,
    private readonly scope: string,
    private readonly owner: () => string,
  ) {}

  /**
   * A negative timeout never takes the lock, free or not: recorded on live Apps Script by
   * tanaikech/gas-fakes test/testlock.js (tryLock(-100) is false, waitLock(-100) throws "Lock
   * timeout"); Google's reference does not say.
   */
  private acquire(timeoutInMillis: number): boolean {
    if (timeoutInMillis < 0) return false;
    const me = this.owner();
    const h = this.table.holder(this.scope, this.env.now);
    if (!h || h.owner === me) {
      this.table.held.set(this.scope, { owner: me, releaseAt: Infinity });
      return true;
    }
    const wait = Math.max(0, Math.min(timeoutInMillis, h.releaseAt - this.env.now));
    this.env.spend(wait);
    if (this.table.holder(this.scope, this.env.now)) return false;
    this.table.held.set(this.scope, { owner: me, releaseAt: Infinity });
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.env.record('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.env.record('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) {
      throw this.env.fail('Lock timeout: another process was holding the lock for too long.');
    }
  }

  releaseLock(): void {
    this.env.record('Lock.releaseLock');
    const h = this.table.held.get(this.scope);
    if (h?.owner === this.owner()) this.table.held.delete(this.scope);
  }

  hasLock(): boolean {
    this.env.record('Lock.hasLock');
    return this.table.held.get(this.scope)?.owner === this.owner();
  }
}

/** Lock keys: a document lock belongs to the script and the document, a user lock to the script and the user. */
export const lockKey = {
  document: (project: string, documentId: string) => `document:${project}:${documentId}`,
  script: (project: string) => `script:${project}`,
  user: (project: string, user: string) => `user:${project}:${user}`,
};

export class EmuLockService {
  constructor(
    private readonly env: Env,
    private readonly table: LockTable,
    private readonly owner: () => string,
  ) {}

  private lock(key: string): GLock {
    return new EmuLock(this.env, this.table, key, this.owner) as unknown as GLock;
  }

  /** Null outside the context of a document, as the reference says. */
  getDocumentLock(): GLock {
    this.env.record('LockService.getDocumentLock');
    const doc = this.env.documentId;
    if (doc === null) return null as unknown as GLock;
    return this.lock(lockKey.document(this.env.project, doc));
  }

  getScriptLock(): GLock {
    this.env.record('LockService.getScriptLock');
    return this.lock(lockKey.script(this.env.project));
  }

  getUserLock(): GLock {
    this.env.record('LockService.getUserLock');
    return this.lock(lockKey.user(this.env.project, this.env.user));
  }
}
