import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test-support/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // Console output of passing tests (tfjs notices, progress) only clutters the log.
    silent: 'passed-only',
  },
});
