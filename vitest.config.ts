import { defineConfig } from 'vitest/config';

// `npm test`: everything under test/ except the browser end-to-end tests (test/e2e, `npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'silent', VEILEDER_TODAY: '2026-11-22' },
  },
});
