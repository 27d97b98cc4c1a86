// GET /api/health over real HTTP: how long the oldest answer has waited to be
// coded, and whether the background coder runs, shown with a coder that is
// not running (a stalled pipeline) and then with one that is.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openDatabase } from '@safer-voices/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { startBackgroundCoder } from '../coding/background-coder';
import { CoderHeartbeat } from '../coding/coder-heartbeat';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi } from '../test/fresh-api';

let api: FreshApi;
let server: ReturnType<typeof serve>;
let base: string;
const heartbeat = new CoderHeartbeat();

beforeAll(async () => {
  api = await freshApi();
  const app = createApp({ database: api.database, coderHeartbeat: heartbeat });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  api.close();
});
afterEach(() => {
  vi.useRealTimers();
});

interface Health {
  ok: boolean;
  coding: { oldestUncodedSeconds: number; delayed: boolean; backgroundCoderRunning: boolean };
}

const health = async (): Promise<Health> => {
  const res = await fetch(`${base}/api/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return (await res.json()) as Health;
};

describe('the health check', () => {
  it('reports nothing waiting, and no coder running, on a fresh server that has not started one', async () => {
    expect(await health()).toEqual({ ok: true, coding: { oldestUncodedSeconds: 0, delayed: false, backgroundCoderRunning: false } });
  });

  it('reports how long an answer has waited while no coder runs, and says so after 2 minutes', async () => {
    const survey = await demoSurvey(api);
    expect((await submitWith(api, survey, { what_makes_unsafe: 'the underpass by the station at night' })).status).toBe(201);
    expect((await health()).coding).toMatchObject({ oldestUncodedSeconds: expect.any(Number), delayed: false });
    expect((await health()).coding.oldestUncodedSeconds).toBeLessThan(5);

    // Three minutes later, still with no coder running.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 60_000);
    const later = await health();
    expect(later.coding.oldestUncodedSeconds).toBeGreaterThanOrEqual(180);
    expect(later.coding).toMatchObject({ delayed: true, backgroundCoderRunning: false });
    // Nothing about the answer itself.
    expect(JSON.stringify(later)).not.toContain('underpass');
  });

  it('reports the coder running once started, nothing waiting once it has caught up, and not running once stopped', async () => {
    const own = await openDatabase(api.database.url);
    const coder = startBackgroundCoder(own, { intervalMs: 20, heartbeat });
    try {
      await expect.poll(async () => (await health()).coding, { timeout: 5000 }).toEqual({ oldestUncodedSeconds: 0, delayed: false, backgroundCoderRunning: true });
    } finally {
      await coder.stop();
      own.close();
    }
    expect((await health()).coding.backgroundCoderRunning).toBe(false);
  });
});
