import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the chat page in real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    env: { LOG_LEVEL: 'silent', VEILEDER_TODAY: '2026-11-22' },
  },
});
