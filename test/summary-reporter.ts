/**
 * Ends the run with one plain line, `Tests: N passed, N failed`, which CI reads. A run with a
 * skipped test or no test at all fails: `npm test` never passes by skipping.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    if (skipped > 0) {
      console.log(
        `${skipped} test(s) were skipped or left pending; npm test does not pass by skipping.`,
      );
      failed += skipped;
      process.exitCode = 1;
    }
    if (passed === 0) {
      console.log('No test ran.');
      process.exitCode = 1;
    }
    if (unhandledErrors.length > 0) failed += unhandledErrors.length;
    console.log(`Tests: ${passed} passed, ${failed} failed`);
  }
}
