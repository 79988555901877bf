import { defineConfig } from 'vitest/config';

/** Browser walks (real server + Debian Chromium); run with `pnpm test:e2e` after `pnpm build:web`. */
export default defineConfig({
  test: {
    include: ['apps/web/e2e/**/*.e2e.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll waits until the page is ready; its 1 s default does not hold on a loaded machine.
    expect: { poll: { timeout: 60_000 } },
    pool: 'forks',
    fileParallelism: false,
  },
});
