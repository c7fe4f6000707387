import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bundles the CLI from src/ before any test runs, and removes the suite's temporary files after.
    globalSetup: ['test/support/global-setup.ts'],
    // Most tests wait on processes they start (the CLI, Chromium, PostgreSQL): two test files at a time
    // keep both cores busy (vitest's default on 2 cores is one). CLI tests start real processes; give
    // them room on a 2-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
