import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // LibreOffice, poppler and Chromium, installed when missing.
    globalSetup: ['./scripts/ensure-tools.mjs'],
    // Converting with LibreOffice and printing with Chromium take seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
});
