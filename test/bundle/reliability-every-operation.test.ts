/**
 * Every other operation failing at every call in turn, and running out of time part-way through
 * an add: the injected error reaches the caller, no client item changes, and running it again
 * succeeds. The registry is the one reliability.test.ts starts from.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedScript } from '../../emulator/index.js';
import { restorable } from '../support/bundle.js';
import { attempt, callsOf, clientIds, fresh, items } from '../support/reliability.js';

const [ACME] = clientIds();

describe('every other operation, failing at every call in turn', () => {
  const operations: {
    name: string;
    prepare?: (a: LoadedScript) => void;
    run: (a: LoadedScript) => unknown;
    /** The one refusal a second run may give, when the failing run had already done the work. */
    done?: { message: string; check: (a: LoadedScript) => void };
  }[] = [
    { name: 'refreshPriorities', run: (a) => a.call('refreshPriorities') },
    { name: 'setupRegistry', run: (a) => a.call('setupRegistry') },
    { name: 'shareClientView', run: (a) => a.call('shareClientView', { clientId: ACME }) },
    {
      name: 'syncSharedViews',
      prepare: (a) => a.call('shareClientView', { clientId: ACME }),
      run: (a) => a.call('syncSharedViews'),
    },
    {
      name: 'stopSharing',
      prepare: (a) => a.call('shareClientView', { clientId: ACME }),
      run: (a) => a.call('stopSharing', { clientId: ACME }),
      done: {
        message: 'This client is not shared.',
        check: (a) =>
          expect(
            (a.call('getSharing') as { clientId: string; active: boolean }[])[0],
          ).toMatchObject({ clientId: ACME, active: false }),
      },
    },
    { name: 'installWeeklyTrigger', run: (a) => a.call('installWeeklyTrigger', {}) },
  ];

  for (const op of operations) {
    const again = op.done ? 'succeeds or says it was done' : 'succeeds';
    it(`${op.name}: the injected error reaches the caller, no client item changes, and running it again ${again}`, () => {
      // The registry as the operation finds it, prepared once: each failing call restores a copy.
      const prepared = restorable(() => {
        const loaded = fresh();
        op.prepare?.(loaded.addon);
        return loaded;
      });
      const { rt: probe, addon: probeAddon } = prepared();
      // Every attempt starts from the same registry: its items are read once, here.
      const before = JSON.stringify([
        items(probeAddon, ACME, 'debt'),
        items(probeAddon, ACME, 'decision'),
      ]);
      op.run(probeAddon);
      const calls = Object.values(probe.lastExecution?.calls ?? {}).reduce((a, b) => a + b, 0);
      let failures = 0;
      for (let at = 1; at <= calls; at++) {
        const { rt, addon } = prepared();
        rt.failAt(at, 'any');
        const result = attempt(() => op.run(addon));
        if (!result.ok) {
          failures++;
          expect(result.message, `${op.name} failing at call ${at}`).toMatch(
            /^(Access to \w+'s view was not removed everywhere: )?(Service Spreadsheets failed|We're sorry, a server error occurred|Service error: MailApp)/,
          );
        }
        expect(JSON.stringify([items(addon, ACME, 'debt'), items(addon, ACME, 'decision')])).toBe(
          before,
        );
        const second = attempt(() => op.run(addon));
        if (!second.ok && op.done) {
          expect(second.message, `${op.name} again after failing at call ${at}`).toBe(
            op.done.message,
          );
          op.done.check(addon);
        } else expect(second, `${op.name} again after failing at call ${at}`).toEqual({ ok: true });
      }
      expect(failures).toBeGreaterThan(0);
    }, 120000);
  }

  it('running out of time part-way through an add leaves the items as before or fully after', () => {
    const total = callsOf((_rt, a) =>
      a.call('addItem', { clientId: ACME, kind: 'debt', fields: { title: 'Late' } }),
    );
    for (let at = 1; at <= total; at++) {
      const { rt, addon } = fresh();
      rt.failAt(at, 'time');
      const result = attempt(() =>
        addon.call('addItem', { clientId: ACME, kind: 'debt', fields: { title: 'Late' } }),
      );
      if (!result.ok) expect(result.message).toBe('Exceeded maximum execution time');
      const debt = items(addon, ACME, 'debt');
      expect(
        debt.length === 3 || (debt.length === 4 && debt[3] === 'D-4 Late'),
        `call ${at}: ${debt.join('; ')}`,
      ).toBe(true);
    }
  }, 60000);
});
