import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: parallel files compete with the servers the tests start.
    maxWorkers: 2,
    pool: 'forks',
  },
});
