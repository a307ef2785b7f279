/**
 * The order test files start in. Vitest starts the files it has timed before longest first, but a
 * clean clone (CI) has no timings and starts them by size, largest first: a small file that runs
 * for half a minute (every call failed in turn) would then start last and keep one worker busy
 * while the other waits. The files that take longest, as measured on a full run, start first, in
 * that order; every other file follows in Vitest's own order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, from a full `npm test` on two cores (seconds in the run, rounded). */
export const LONGEST = [
  'test/bundle/reliability-every-operation.test.ts', // 84
  'test/browser/client-registry.test.ts', // 61
  'test/bundle/reliability.test.ts', // 37
  'test/bundle/sharing.test.ts', // 28
  'test/browser/edit-rows.test.ts', // 24
  'test/bundle/real-google.test.ts', // 24
  'test/browser/editable-playground.test.ts', // 22
  'test/browser/playground.test.ts', // 21
  'test/bundle/session-budgets.test.ts', // 19
  'test/browser/decision-records.test.ts', // 17
  'test/bundle/budgets.test.ts', // 17
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? LONGEST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}
