import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time (the machine has two cores), generous timeouts
// for a cold browser, and no retries so a flaky test shows.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
