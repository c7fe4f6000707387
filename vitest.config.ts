import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bundles the CLI from src/ before any test runs, and removes the suite's temporary files after.
    globalSetup: ['test/support/global-setup.ts'],
    // CLI tests start real processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
