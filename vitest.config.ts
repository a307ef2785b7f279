import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/longest-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // A browser test waits on a page, a playground server and the emulator together: on a busy
    // 2-core machine one step can take several seconds, so the whole test gets a minute and a poll
    // for what the page shows ten seconds (a value that never comes still fails the test).
    testTimeout: 60000,
    hookTimeout: 60000,
    expect: { poll: { timeout: 10000 } },
    allowOnly: false,
    pool: 'forks',
    // One process per worker for all its files, not one per file: the files share no state but
    // what the emulator caches (the compiled add-on, seeded registries), and starting a process
    // and importing HyperFormula again for each of 70 files cost about a quarter of the run's CPU.
    isolate: false,
    // A larger young generation: restoring registries and evaluating their formulas make many
    // short-lived objects, and fewer, larger scavenges cost less CPU in total (64 MB: about 5% less
    // on the heaviest files than the default; 256 MB: about 8% less again, for 0.3 GB more memory).
    // It starts at 64 MB rather than growing to it from a few: V8 shrinks it again between bursts,
    // and the fault-injection suites, a registry restored for each call, ran 7 to 10% quicker.
    execArgv: ['--max-semi-space-size=256', '--min-semi-space-size=64'],
    // Vitest's default in a run is one worker fewer than the cores: one worker on a 2-core
    // machine. The bundle and browser tests wait on I/O as much as they compute, so use them all.
    maxWorkers: availableParallelism(),
    globalSetup: ['./test/global-setup.ts'],
    sequence: { sequencer: LongestFirst },
  },
});
