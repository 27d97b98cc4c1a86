// Announcing new safeguarding flags by e-mail through nodemailer, to a real
// SMTP server (smtp-server) on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { deliveriesOf } from './deliveries';
import { clearQueue, DISCLOSURE, mailReceiver, raiseFlag, setTargets, testConfig, webhookReceiver } from './notify-test-kit';
import { runNotificationPass } from './notify-pass';

let api: FreshApi;
let mail: Awaited<ReturnType<typeof mailReceiver>>;

beforeAll(async () => {
  api = await freshApi();
  mail = await mailReceiver();
});
afterAll(async () => {
  await mail.close();
  api.close();
});
beforeEach(async () => {
  await clearQueue(api);
  mail.received.length = 0;
});

describe('e-mail notifications', () => {
  it('e-mails the lead a link to the queue, without the answer', async () => {
    await setTargets(api, { email: 'dsl@school.example.org' });
    const flagId = await raiseFlag(api);
    const result = await runNotificationPass(api.database, testConfig({ smtpUrl: mail.url }));
    expect(result).toMatchObject({ enqueued: 1, sent: 1 });
    expect(mail.received).toHaveLength(1);
    const [message] = mail.received;
    expect(message?.from).toBe('alerts@voices.example.org');
    expect(message?.to).toEqual(['dsl@school.example.org']);
    expect(message?.subject).toBe('New safeguarding flag – Safer Somerset Violence Reduction Partnership (demo)');
    expect(message?.contentType).toMatch(/^text\/plain/);
    expect(message?.text).toContain('Open the safeguarding queue: https://voices.example.org/staff/safeguarding\n');
    expect(message?.text).toContain('This message does not include the answer.');
    // How sure the coder is, never the words themselves.
    expect(message?.text).toMatch(/^Tier: (likely|possible) disclosure\.$/m);
    expect(message?.text).not.toContain('stepdad');
    expect(message?.subject).not.toContain('stepdad');
    expect(message?.text).not.toContain(DISCLOSURE);
    expect(await deliveriesOf(api.database.db, flagId)).toEqual([expect.objectContaining({ channel: 'email', status: 'sent', attempts: 1 })]);
    // A restart sends nothing twice.
    expect((await runNotificationPass(api.database, testConfig({ smtpUrl: mail.url }))).sent).toBe(0);
    expect(mail.received).toHaveLength(1);
  });

  it('puts the flags waiting for one address in one e-mail, and webhooks go one per flag', async () => {
    const hook = await webhookReceiver();
    try {
      await setTargets(api, { email: 'dsl@school.example.org', webhook: hook.url });
      const flags = [await raiseFlag(api), await raiseFlag(api)];
      const result = await runNotificationPass(api.database, testConfig({ smtpUrl: mail.url }));
      expect(result).toMatchObject({ enqueued: 4, sent: 4 });
      expect(mail.received).toHaveLength(1);
      expect(mail.received[0]?.subject).toMatch(/^2 new safeguarding flags – /);
      expect(hook.received.map((r) => JSON.parse(r.raw).flagId).sort()).toEqual([...flags].sort());
    } finally {
      await hook.close();
    }
  });

  it('keeps trying, and says why, while no mail server is set up', async () => {
    await setTargets(api, { email: 'dsl@school.example.org' });
    const flagId = await raiseFlag(api);
    expect((await runNotificationPass(api.database, testConfig({ smtpUrl: undefined }))).retrying).toBe(1);
    expect(await deliveriesOf(api.database.db, flagId)).toEqual([
      { channel: 'email', status: 'pending', attempts: 1, sentAt: null, lastError: 'No mail server is set up: set SMTP_URL (e.g. smtp://mail.example.org:25)' }
    ]);
    // Once SMTP_URL is set, the retry goes through.
    const later = new Date(Date.now() + 60_000);
    expect((await runNotificationPass(api.database, testConfig({ smtpUrl: mail.url }), later)).sent).toBe(1);
    expect(mail.received).toHaveLength(1);
  });
});
