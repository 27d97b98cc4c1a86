import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // API tests run against real databases, files and servers; on a busy 2-core machine a
    // test that takes one second alone can take over five (vitest's default allowance).
    testTimeout: 30_000,
    // The same for set-up: a fresh database with the demo survey takes a few seconds when every suite runs at once.
    hookTimeout: 60_000
  }
});
