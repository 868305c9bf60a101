import { defineConfig } from 'vitest/config'

/**
 * Unit tests sit beside what they test or under `tests/unit`; integration
 * tests (real processes, real Redis, real HTTP) live under
 * `tests/integration`. Browser tests are Playwright's, not Vitest's.
 */
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'playground/**/*.test.ts',
      '.vitepress/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites lift real Sails apps and Redis servers; on two cores
    // running files in parallel makes them slower and flakier, not faster.
    fileParallelism: false,
  },
})
