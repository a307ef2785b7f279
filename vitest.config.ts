import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    allowOnly: false,
    pool: 'forks',
    globalSetup: ['./test/global-setup.ts'],
  },
});
