// Announcing new safeguarding flags to the organisation's webhook: a real
// HTTP server on loopback receives the POST. The clock is passed into each
// pass, so retries are tested without waiting.
import { openDatabase } from '@safer-voices/db';
import { codeOutstanding } from '../coding/code-outstanding';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coderThrowingOn, demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor } from '../test/staff';
import { deliveriesOf } from './deliveries';
import { SETTINGS_GRACE_MS } from './enqueue';
import { clearQueue, DISCLOSURE, notificationsOf, raiseFlag, setTargets, testConfig, webhookReceiver } from './notify-test-kit';
import { startNotifier } from './notifier';
import { MAX_ATTEMPTS, RETRY_WAITS_MS, runNotificationPass } from './notify-pass';
import { newWebhookSecret } from '../store/organisation-settings';

let api: FreshApi;
const config = testConfig();
const MINUTE = 60_000;

beforeAll(async () => {
  api = await freshApi();
});
afterAll(() => api.close());
beforeEach(() => clearQueue(api));

describe('webhook notifications', () => {
  it('POSTs the flag without the answer or anything about the respondent, once', async () => {
    const hook = await webhookReceiver([204]);
    try {
      const organisationId = await setTargets(api, { webhook: hook.url });
      const flagId = await raiseFlag(api);
      const result = await runNotificationPass(api.database, config);
      expect(result).toEqual({ enqueued: 1, sent: 1, retrying: 0, failed: 0 });

      expect(hook.received).toHaveLength(1);
      const [request] = hook.received;
      expect(request?.method).toBe('POST');
      expect(request?.contentType).toBe('application/json');
      const body = JSON.parse(request?.raw ?? '{}');
      expect(body).toEqual({
        type: 'safeguarding_flag',
        organisation: { id: organisationId, name: expect.any(String) },
        flagId,
        // How sure the coder is, in the tier the queue shows it under.
        tier: expect.stringMatching(/^(likely|possible)$/),
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        queueUrl: 'https://voices.example.org/staff/safeguarding',
        flagUrl: `https://voices.example.org/staff/safeguarding/${flagId}`
      });
      expect(request?.raw).not.toContain('stepdad');
      expect(request?.raw).not.toContain(DISCLOSURE);

      expect(await deliveriesOf(api.database.db, flagId)).toEqual([{ channel: 'webhook', status: 'sent', attempts: 1, sentAt: expect.any(String), lastError: null }]);
      // The safeguarding lead sees how the announcement went on the flag itself.
      const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
      const { flag } = await jsonOf(await api.app.request(`/api/safeguarding/flags/${flagId}`, { headers: lead }));
      expect(flag.deliveries).toEqual([{ channel: 'webhook', status: 'sent', attempts: 1, sentAt: expect.any(String), lastError: null }]);
      // Another pass, and a restarted process on the same database, send nothing more.
      expect(await runNotificationPass(api.database, config)).toEqual({ enqueued: 0, sent: 0, retrying: 0, failed: 0 });
      const restarted = await openDatabase(api.database.url);
      try {
        expect((await runNotificationPass(restarted, config)).sent).toBe(0);
      } finally {
        restarted.close();
      }
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('announces an answer the coder could not check as needing a human look, without the answer', async () => {
    const hook = await webhookReceiver();
    try {
      await setTargets(api, { webhook: hook.url });
      const unreadable = 'an answer the coder fails on';
      expect((await submitWith(api, await demoSurvey(api), { what_makes_unsafe: unreadable })).status).toBe(201);
      await codeOutstanding(api.database, { coder: coderThrowingOn(unreadable) });
      expect((await runNotificationPass(api.database, config)).sent).toBe(1);
      const body = JSON.parse(hook.received[0]?.raw ?? '{}');
      expect(body).toMatchObject({ type: 'safeguarding_flag', tier: 'unchecked' });
      expect(hook.received[0]?.raw).not.toContain(unreadable);
    } finally {
      await hook.close();
    }
  });

  it('signs each notice so the receiver can check it came from here, with one id through retries', async () => {
    const hook = await webhookReceiver([503, 200]);
    try {
      const secret = newWebhookSecret();
      await setTargets(api, { webhook: hook.url, webhookSecret: secret });
      await raiseFlag(api);
      const start = Date.now();
      await runNotificationPass(api.database, config, new Date(start));
      await runNotificationPass(api.database, config, new Date(start + MINUTE));
      expect(hook.received).toHaveLength(2);
      const [first, retry] = hook.received;
      // A receiver that saw the first attempt can tell the retry is the same notice.
      expect(first?.headers['webhook-id']).toMatch(/\S/);
      expect(retry?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
      for (const request of hook.received) {
        expect(new Webhook(secret).verify(request.raw, request.headers)).toEqual(JSON.parse(request.raw));
      }
      // Anyone without the secret, or a changed body, fails the check.
      const delivered = retry as { raw: string; headers: Record<string, string> };
      expect(() => new Webhook(newWebhookSecret()).verify(delivered.raw, delivered.headers)).toThrow();
      expect(() => new Webhook(secret).verify(delivered.raw.replace('safeguarding_flag', 'something_else'), delivered.headers)).toThrow();
    } finally {
      await hook.close();
    }
  });

  it('sends unsigned, with an id and time, while the organisation has no secret yet', async () => {
    const hook = await webhookReceiver([200]);
    try {
      await setTargets(api, { webhook: hook.url });
      await raiseFlag(api);
      await runNotificationPass(api.database, config);
      const headers = hook.received[0]?.headers ?? {};
      expect(headers['webhook-id']).toMatch(/\S/);
      expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(headers['webhook-signature']).toBeUndefined();
    } finally {
      await hook.close();
    }
  });

  it('sends once when two passes run at the same moment', async () => {
    const hook = await webhookReceiver([200]);
    try {
      await setTargets(api, { webhook: hook.url });
      await raiseFlag(api);
      const results = await Promise.all([runNotificationPass(api.database, config), runNotificationPass(api.database, config)]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(hook.received).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('retries a failing receiver after growing waits, then succeeds', async () => {
    const hook = await webhookReceiver([500, 503, 200]);
    try {
      await setTargets(api, { webhook: hook.url });
      const flagId = await raiseFlag(api);
      const start = Date.now();
      expect((await runNotificationPass(api.database, config, new Date(start))).retrying).toBe(1);
      expect(await notificationsOf(api, flagId)).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, last_error: 'The webhook answered HTTP 500 Internal Server Error' })]);
      // Not due again until a minute has passed.
      expect((await runNotificationPass(api.database, config, new Date(start + 30_000))).retrying).toBe(0);
      expect(hook.received).toHaveLength(1);
      expect((await runNotificationPass(api.database, config, new Date(start + MINUTE))).retrying).toBe(1);
      // The second wait is longer: five minutes.
      expect((await runNotificationPass(api.database, config, new Date(start + 5 * MINUTE))).sent).toBe(0);
      expect((await runNotificationPass(api.database, config, new Date(start + 6 * MINUTE))).sent).toBe(1);
      expect(hook.received).toHaveLength(3);
      expect(await deliveriesOf(api.database.db, flagId)).toEqual([{ channel: 'webhook', status: 'sent', attempts: 3, sentAt: new Date(start + 6 * MINUTE).toISOString(), lastError: null }]);
    } finally {
      await hook.close();
    }
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and keeps the last error`, async () => {
    const hook = await webhookReceiver([502]);
    try {
      await setTargets(api, { webhook: hook.url });
      const flagId = await raiseFlag(api);
      let now = Date.now();
      for (const wait of RETRY_WAITS_MS) {
        expect((await runNotificationPass(api.database, config, new Date(now))).retrying).toBe(1);
        now += wait;
      }
      expect((await runNotificationPass(api.database, config, new Date(now))).failed).toBe(1);
      expect(hook.received).toHaveLength(MAX_ATTEMPTS);
      expect(await deliveriesOf(api.database.db, flagId)).toEqual([
        { channel: 'webhook', status: 'failed', attempts: MAX_ATTEMPTS, sentAt: null, lastError: 'The webhook answered HTTP 502 Bad Gateway' }
      ]);
      expect((await runNotificationPass(api.database, config, new Date(now + 7 * 24 * 60 * MINUTE))).failed).toBe(0);
    } finally {
      await hook.close();
    }
  });

  it('says when the receiver cannot be reached, and retries', async () => {
    const hook = await webhookReceiver();
    await hook.close();
    await setTargets(api, { webhook: hook.url });
    const flagId = await raiseFlag(api);
    await runNotificationPass(api.database, config);
    const [row] = await notificationsOf(api, flagId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(String(row?.last_error)).toMatch(/^The webhook could not be reached: .*ECONNREFUSED/);
  });

  it('does not announce flags raised before the address was set', async () => {
    await setTargets(api, { webhook: null });
    await raiseFlag(api);
    const hook = await webhookReceiver();
    try {
      await setTargets(api, { webhook: hook.url }, new Date(Date.now() + SETTINGS_GRACE_MS + 1000));
      expect(await runNotificationPass(api.database, config)).toEqual({ enqueued: 0, sent: 0, retrying: 0, failed: 0 });
      expect(hook.received).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });

  it('sends the retries to a corrected address, and fails them once the address is removed', async () => {
    const broken = await webhookReceiver([404]);
    const fixed = await webhookReceiver([200]);
    try {
      const savedAt = new Date(Date.now() - 1000);
      await setTargets(api, { webhook: broken.url }, savedAt);
      const first = await raiseFlag(api);
      const start = Date.now();
      await runNotificationPass(api.database, config, new Date(start));
      await setTargets(api, { webhook: fixed.url }, savedAt);
      expect((await runNotificationPass(api.database, config, new Date(start + MINUTE))).sent).toBe(1);
      expect(fixed.received).toHaveLength(1);
      expect(await notificationsOf(api, first)).toEqual([expect.objectContaining({ status: 'sent', target: fixed.url })]);

      await setTargets(api, { webhook: broken.url }, savedAt);
      const second = await raiseFlag(api);
      await runNotificationPass(api.database, config, new Date(start + 2 * MINUTE));
      await setTargets(api, { webhook: null }, savedAt);
      expect((await runNotificationPass(api.database, config, new Date(start + 3 * MINUTE))).failed).toBe(1);
      expect(await deliveriesOf(api.database.db, second)).toEqual([expect.objectContaining({ status: 'failed', lastError: 'The organisation no longer has a webhook address set' })]);
    } finally {
      await Promise.all([broken.close(), fixed.close()]);
    }
  });

  it('runs in the background until stopped', async () => {
    const hook = await webhookReceiver();
    // Its own connection, as in the server: a pass never interleaves with the coder's batch on one.
    const own = await openDatabase(api.database.url);
    const notifier = startNotifier(own, { intervalMs: 20, config });
    try {
      await setTargets(api, { webhook: hook.url });
      const flagId = await raiseFlag(api);
      await expect.poll(() => hook.received.map((r) => JSON.parse(r.raw).flagId), { timeout: 4000 }).toEqual([flagId]);
    } finally {
      await notifier.stop();
      own.close();
      await hook.close();
    }
  });
});
