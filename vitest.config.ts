import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    allowOnly: false,
    pool: 'forks',
    // Vitest's default in a run is one worker fewer than the cores: one worker on a 2-core
    // machine. The bundle and browser tests wait on I/O as much as they compute, so use them all.
    maxWorkers: availableParallelism(),
    globalSetup: ['./test/global-setup.ts'],
  },
});
