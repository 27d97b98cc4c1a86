// "Coding is delayed": with no coder running (a stalled pipeline), the
// organisation's webhook and e-mail are told once when its oldest answer has
// waited more than 10 minutes, and told again when coding has caught up.
// Real receivers on loopback; the clock is passed into each pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { mailReceiver, setTargets, testConfig, webhookReceiver } from './notify-test-kit';
import { runNotificationPass } from './notify-pass';

const MINUTE = 60_000;
const ANSWER = 'older boys wait by the underpass and take phones';

let api: FreshApi;
let mail: Awaited<ReturnType<typeof mailReceiver>>;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  api = await freshApi();
  mail = await mailReceiver();
  hook = await webhookReceiver();
});
afterAll(async () => {
  await Promise.all([mail.close(), hook.close()]);
  api.close();
});

describe('coding delay notices', () => {
  it('are sent once when answers wait more than 10 minutes, and "caught up" once coding catches up', async () => {
    const organisationId = await setTargets(api, { webhook: hook.url, email: 'dsl@school.example.org' });
    const config = testConfig({ smtpUrl: mail.url });
    expect((await submitWith(api, await demoSurvey(api), { what_makes_unsafe: ANSWER })).status).toBe(201);
    const start = Date.now();

    // Nothing is said while the wait is short.
    expect(await runNotificationPass(api.database, config, new Date(start + 9 * MINUTE))).toEqual({ enqueued: 0, sent: 0, retrying: 0, failed: 0 });
    expect(hook.received).toHaveLength(0);

    // Past 10 minutes: one webhook and one e-mail.
    expect(await runNotificationPass(api.database, config, new Date(start + 11 * MINUTE))).toEqual({ enqueued: 2, sent: 2, retrying: 0, failed: 0 });
    expect(hook.received).toHaveLength(1);
    const delayed = JSON.parse(hook.received[0]?.raw ?? '{}');
    expect(delayed).toEqual({
      type: 'coding_delayed',
      organisation: { id: organisationId, name: expect.any(String) },
      delayId: expect.any(String),
      waitingSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      queueUrl: 'https://voices.example.org/staff/safeguarding',
      healthUrl: 'https://voices.example.org/api/health'
    });
    expect(Math.abs(Date.parse(delayed.waitingSince) - start)).toBeLessThan(10_000);
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]?.subject).toBe('Coding is delayed – Safer Somerset Violence Reduction Partnership (demo)');
    expect(mail.received[0]?.text).toContain('have waited more than 10 minutes to be checked for safeguarding concerns');
    expect(mail.received[0]?.text).toContain('a disclosure in a new answer will not reach the safeguarding queue');

    // Still delayed on later passes: nothing more is sent.
    expect((await runNotificationPass(api.database, config, new Date(start + 20 * MINUTE))).sent).toBe(0);
    expect((await runNotificationPass(api.database, config, new Date(start + 45 * MINUTE))).sent).toBe(0);
    expect(hook.received).toHaveLength(1);

    // The coder runs again and catches up: "caught up", once.
    await codeOutstanding(api.database);
    expect(await runNotificationPass(api.database, config, new Date(start + 46 * MINUTE))).toEqual({ enqueued: 2, sent: 2, retrying: 0, failed: 0 });
    const caughtUp = JSON.parse(hook.received[1]?.raw ?? '{}');
    expect(caughtUp).toMatchObject({ type: 'coding_caught_up', delayId: delayed.delayId, clearedAt: new Date(start + 46 * MINUTE).toISOString() });
    expect(mail.received[1]?.subject).toBe('Coding has caught up – Safer Somerset Violence Reduction Partnership (demo)');
    expect((await runNotificationPass(api.database, config, new Date(start + 50 * MINUTE))).sent).toBe(0);

    // Neither notice carries an answer.
    for (const request of hook.received) expect(request.raw).not.toContain(ANSWER);
    for (const message of mail.received) expect(message.text).not.toContain(ANSWER);
  });

  it('are sent again for a new delay after the last one cleared', async () => {
    const config = testConfig({ smtpUrl: mail.url });
    const before = hook.received.length;
    expect((await submitWith(api, await demoSurvey(api), { what_makes_unsafe: ANSWER })).status).toBe(201);
    const start = Date.now();
    expect((await runNotificationPass(api.database, config, new Date(start + 15 * MINUTE))).sent).toBe(2);
    expect(JSON.parse(hook.received[before]?.raw ?? '{}').type).toBe('coding_delayed');
    await codeOutstanding(api.database);
    await runNotificationPass(api.database, config, new Date(start + 16 * MINUTE));
    expect(hook.received.slice(before).map((r) => JSON.parse(r.raw).type)).toEqual(['coding_delayed', 'coding_caught_up']);
  });
});
