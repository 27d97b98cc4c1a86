// Browser tests against the built product (apps/web/build) on a fresh
// database, at a phone viewport, in Debian's Chromium.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// Shared with the tests (they read the database to check what was stored).
process.env.E2E_DATABASE_URL ??= `file:${join(mkdtempSync(join(tmpdir(), 'safer-voices-e2e-')), 'e2e.db')}`;
// A second server, on its own database, that does no background work: a
// stalled coder, for the tests of what staff see when coding falls behind.
const stalledPort = port + 1;
process.env.E2E_STALLED_URL = `http://localhost:${stalledPort}`;
process.env.E2E_STALLED_DATABASE_URL ??= `file:${join(mkdtempSync(join(tmpdir(), 'safer-voices-e2e-stalled-')), 'e2e.db')}`;

const serverCommand = 'node ../apps/api/node_modules/tsx/dist/cli.mjs ../apps/api/src/cli/setup.ts && node ../apps/web/server.js';

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './remove-database.ts',
  timeout: 60_000,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 360, height: 740 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // The network here is closed: keep Chromium from calling home.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    }
  },
  webServer: [
    {
      command: serverCommand,
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { DATABASE_URL: process.env.E2E_DATABASE_URL, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://localhost:${port}`, EXIT_URL: 'https://www.bbc.co.uk/weather' }
    },
    {
      command: serverCommand,
      url: `http://localhost:${stalledPort}/api/health`,
      reuseExistingServer: false,
      env: {
        DATABASE_URL: process.env.E2E_STALLED_DATABASE_URL,
        PORT: String(stalledPort),
        HOST: '127.0.0.1',
        ORIGIN: `http://localhost:${stalledPort}`,
        BACKGROUND_WORK: 'off'
      }
    }
  ]
});
