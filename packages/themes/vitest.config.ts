import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The first test of a file loads WordNet and natural's lexicon (half a second of CPU), and
    // `npm test` runs every package's tests at once on a small machine: 5 s is not enough.
    testTimeout: 30_000
  }
});
