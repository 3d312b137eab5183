import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@contracts': fileURLToPath(new URL('./contracts', import.meta.url)) } },
  test: {
    include: ['server/src/**/*.test.ts', 'scripts/**/*.test.ts', 'contracts/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
