import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Journeys start their own server and browser; run the files one after another (2-core machines).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/src/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    globalSetup: ['e2e/src/support/global-setup.ts'],
  },
});
