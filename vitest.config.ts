import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test-support/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    // Sized for a loaded 2-core machine: a suite's beforeAll may train two baselines. Tests assert
    // behaviour; speed is measured by the bench:* scripts.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
    // Console output of passing tests (tfjs notices, progress) only clutters the log.
    silent: 'passed-only',
  },
});
