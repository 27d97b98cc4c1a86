// Organisation settings: admins change the suppression threshold (never
// below 10), redaction terms and where new safeguarding flags are announced;
// analysts read the threshold and terms; bad input changes nothing; every
// change is audited; the safeguarding lead still sees answers in full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { settingsOf } from '../store/organisation-settings';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let organisationId: string;
let admin: Record<string, string>;
let adminId: string;
let analyst: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  adminId = (await addStaff(api, organisationId, ['admin'])).id;
  admin = await bearerFor(api, adminId);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
});
afterAll(() => api.close());

const get = (headers: Record<string, string>, query = '') => api.app.request(`/api/settings${query}`, { headers });
const put = (body: unknown, headers: Record<string, string> = admin, query = '') => api.json(`/api/settings${query}`, body, headers, 'PUT');
const VALID = { suppressionThreshold: 10, redactionTerms: [], notifyWebhookUrl: null, notifyEmail: null };

/** The settings as the form edits them: everything but the secret, which is made here. */
async function editable() {
  const { notifyWebhookSecret: _, ...rest } = await settingsOf(api.database.db, organisationId);
  return rest;
}

/** The API's field issues for a change that must be refused, after checking it changed nothing. */
async function refused(body: unknown): Promise<{ field: string; message: string }[]> {
  const before = await settingsOf(api.database.db, organisationId);
  const res = await put(body);
  expect(res.status).toBe(400);
  expect(await settingsOf(api.database.db, organisationId)).toEqual(before);
  return (await jsonOf(res)).issues;
}

describe('reading settings', () => {
  it('starts with the defaults: threshold 10, no terms, nobody notified', async () => {
    const res = await get(admin);
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({
      organisationId,
      suppressionThreshold: 10,
      minimumThreshold: 10,
      redactionTerms: [],
      notify: { webhookUrl: null, email: null, webhookSecret: null },
      updatedAt: null,
      updatedBy: null
    });
  });

  it('shows analysts the threshold and terms but not where safeguarding notices go', async () => {
    const body = await jsonOf(await get(analyst));
    expect(body).toMatchObject({ suppressionThreshold: 10, redactionTerms: [], notify: null });
  });

  it('is refused to other roles (403) and to anyone not signed in (401); only admins change it', async () => {
    for (const role of ['officer', 'author', 'safeguarding_lead'] as const) {
      expect((await get(await bearerFor(api, (await addStaff(api, organisationId, [role])).id))).status).toBe(403);
    }
    expect((await put(VALID, analyst)).status).toBe(403);
    expect((await get({})).status).toBe(401);
  });
});

describe('changing settings', () => {
  it('saves the threshold, tidied terms, a webhook and an e-mail address, and audits what changed', async () => {
    const res = await put({
      suppressionThreshold: 20,
      redactionTerms: ['  Oakfield   Academy ', 'oakfield academy', 'Mr Patel', 'Mr Patel'],
      notifyWebhookUrl: 'https://hooks.example.org/safeguarding/abc123',
      notifyEmail: 'DSL@Council.example.gov.uk'
    });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.changed).toEqual(['suppressionThreshold', 'redactionTerms', 'notifyWebhookUrl', 'notifyEmail', 'notifyWebhookSecret']);
    expect(body.settings).toMatchObject({
      suppressionThreshold: 20,
      redactionTerms: ['Oakfield Academy', 'Mr Patel'],
      notify: { webhookUrl: 'https://hooks.example.org/safeguarding/abc123', email: 'dsl@council.example.gov.uk' },
      updatedBy: 'Test admin'
    });
    expect(await settingsOf(api.database.db, organisationId)).toMatchObject({ suppressionThreshold: 20, redactionTerms: ['Oakfield Academy', 'Mr Patel'] });
    const audit = await api.database.client.execute({ sql: "SELECT target_id, detail FROM audit_log WHERE action = 'settings.changed' AND actor_staff_id = ?", args: [adminId] });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.target_id).toBe(organisationId);
    // The webhook address stays out of the log: its path may be its secret.
    expect(JSON.parse(String(audit.rows[0]?.detail))).toEqual({
      suppressionThreshold: { from: 10, to: 20 },
      redactionTerms: { added: 2, removed: 0, total: 2 },
      notifyWebhookUrl: 'set',
      notifyEmail: 'set',
      notifyWebhookSecret: 'created'
    });
  });

  it('writes nothing and audits nothing when nothing changed', async () => {
    const auditsBefore = await api.count('audit_log');
    const res = await put(await editable());
    expect((await jsonOf(res)).changed).toEqual([]);
    expect(await api.count('audit_log')).toBe(auditsBefore);
  });

  it('clears the notification targets when they are left blank', async () => {
    const res = await put({ ...(await editable()), notifyWebhookUrl: '  ', notifyEmail: '' });
    // The secret is kept, so the same receiver works again if the address is put back.
    expect((await jsonOf(res)).settings.notify).toEqual({ webhookUrl: null, email: null, webhookSecret: expect.stringMatching(/^whsec_/) });
  });

  it('accepts plain http only to this machine, for testing', async () => {
    const now = await editable();
    for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1/hook']) {
      expect((await put({ ...now, notifyWebhookUrl: url })).status).toBe(200);
    }
  });
});

describe('the webhook signing secret', () => {
  it('is made with the first webhook address, kept when the address changes, and shown only to admins', async () => {
    const other = await addOrganisation(api, 'Signing VRP');
    const otherAdmin = await bearerFor(api, (await addStaff(api, other, ['admin'])).id);
    const otherAnalyst = await bearerFor(api, (await addStaff(api, other, ['analyst'])).id);
    const first = await jsonOf(await put({ ...VALID, notifyWebhookUrl: 'https://hooks.example.org/a' }, otherAdmin));
    const secret = first.settings.notify.webhookSecret;
    // Standard Webhooks form: whsec_ and 32 random bytes in base64.
    expect(Buffer.from(secret.replace(/^whsec_/, ''), 'base64')).toHaveLength(32);
    const moved = await jsonOf(await put({ ...VALID, notifyWebhookUrl: 'https://hooks.example.org/b' }, otherAdmin));
    expect(moved.changed).toEqual(['notifyWebhookUrl']);
    expect(moved.settings.notify.webhookSecret).toBe(secret);
    expect((await jsonOf(await get(otherAnalyst))).notify).toBeNull();
    expect(JSON.stringify(await jsonOf(await get(otherAnalyst)))).not.toContain(secret);
  });

  it('can be replaced by an admin, audited without the secret; refused without an address or to others', async () => {
    const other = await addOrganisation(api, 'Rotating VRP');
    const otherAdminId = (await addStaff(api, other, ['admin'])).id;
    const otherAdmin = await bearerFor(api, otherAdminId);
    const rotate = (headers: Record<string, string>) => api.app.request('/api/settings/webhook-secret', { method: 'POST', headers });

    const none = await rotate(otherAdmin);
    expect(none.status).toBe(409);
    expect((await jsonOf(none)).message).toBe('Set a webhook address first: the secret signs what is sent to it');
    expect((await settingsOf(api.database.db, other)).notifyWebhookSecret).toBeNull();

    const old = (await jsonOf(await put({ ...VALID, notifyWebhookUrl: 'https://hooks.example.org/c' }, otherAdmin))).settings.notify.webhookSecret;
    const res = await rotate(otherAdmin);
    expect(res.status).toBe(200);
    const fresh = (await jsonOf(res)).settings.notify.webhookSecret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    expect((await settingsOf(api.database.db, other)).notifyWebhookSecret).toBe(fresh);

    const audit = await api.database.client.execute({ sql: "SELECT detail FROM audit_log WHERE action = 'settings.changed' AND actor_staff_id = ? ORDER BY rowid", args: [otherAdminId] });
    expect(audit.rows.map((r) => JSON.parse(String(r.detail)))).toEqual([{ notifyWebhookUrl: 'set', notifyWebhookSecret: 'created' }, { notifyWebhookSecret: 'replaced' }]);
    expect(JSON.stringify(audit.rows)).not.toContain(fresh.slice(6));

    const otherAnalyst = await bearerFor(api, (await addStaff(api, other, ['analyst'])).id);
    expect((await rotate(otherAnalyst)).status).toBe(403);
    expect((await settingsOf(api.database.db, other)).notifyWebhookSecret).toBe(fresh);
  });
});

describe('refusing bad settings', () => {
  it('refuses a threshold below 10 with a clear message', async () => {
    const issues = await refused({ ...VALID, suppressionThreshold: 5 });
    expect(issues).toEqual([{ field: 'suppressionThreshold', message: 'The threshold must be 10 or more: a figure based on fewer people could identify them' }]);
    expect((await refused({ ...VALID, suppressionThreshold: 101 }))[0]?.message).toBe('The threshold must be 100 or less');
    expect((await refused({ ...VALID, suppressionThreshold: 12.5 }))[0]?.message).toBe('Enter the threshold as a whole number, like 10');
    expect((await refused({ ...VALID, suppressionThreshold: '20' }))[0]?.field).toBe('suppressionThreshold');
  });

  it('refuses terms that are too short or too long, naming them, and more than 500 terms', async () => {
    const issues = await refused({ ...VALID, redactionTerms: ['Oakfield', 'a', ' ', 'x'.repeat(101)] });
    expect(issues).toEqual([
      { field: 'redactionTerms.1', message: '“a” is too short: a term must be at least 2 characters' },
      { field: 'redactionTerms.2', message: 'A term cannot be empty' },
      { field: 'redactionTerms.3', message: `“${'x'.repeat(30)}…” is too long: a term must be 100 characters or fewer` }
    ]);
    const many = Array.from({ length: 501 }, (_, i) => `Term ${i}`);
    expect(await refused({ ...VALID, redactionTerms: many })).toEqual([{ field: 'redactionTerms', message: 'Give at most 500 terms' }]);
    // Repeats do not count towards the limit.
    expect((await put({ ...VALID, redactionTerms: [...many.slice(0, 500), 'TERM 1'] })).status).toBe(200);
  });

  it('refuses webhook addresses that are not https, carry credentials or are not addresses', async () => {
    const message = async (url: string) => (await refused({ ...VALID, notifyWebhookUrl: url }))[0];
    expect(await message('http://hooks.example.org/x')).toEqual({
      field: 'notifyWebhookUrl',
      message: 'The webhook address must start with https:// (http:// only for localhost, when testing)'
    });
    expect((await message('https://user:secret@hooks.example.org/x'))?.message).toBe('Take the user name and password out of the webhook address');
    expect((await message('hooks.example.org/x'))?.message).toBe('Enter the webhook address as a full web address starting https://');
    expect((await message('ftp://hooks.example.org/x'))?.message).toBe('The webhook address must start with https://');
  });

  it('refuses webhook addresses that the product’s link rule refuses, however the scheme is disguised', async () => {
    const message = async (url: string) => (await refused({ ...VALID, notifyWebhookUrl: url }))[0]?.message;
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'mailto:dsl@example.org',
      'tel:999'
    ]) {
      expect(await message(url), url).toBe('The webhook address must start with https://');
    }
    expect(await message('/safeguarding-hook')).toBe('Enter the webhook address as a full web address starting https://');
    expect(await message('https://hooks.exa\tmple.org/x')).toBe('Enter the webhook address as a full web address starting https://');
  });

  it('refuses an e-mail address that is not one', async () => {
    expect(await refused({ ...VALID, notifyEmail: 'not an address' })).toEqual([{ field: 'notifyEmail', message: 'Enter an e-mail address like name@example.org' }]);
  });
});

describe('organisations', () => {
  it('keeps another organisation’s settings out of reach (404) and lets a hub admin set a partnership’s', async () => {
    const other = await addOrganisation(api, 'Elsewhere VRP');
    const outsider = await bearerFor(api, (await addStaff(api, other, ['admin'])).id);
    expect((await get(outsider, `?organisationId=${organisationId}`)).status).toBe(404);
    expect((await put(VALID, outsider, `?organisationId=${organisationId}`)).status).toBe(404);

    const partnership = await addOrganisation(api, 'Local Partnership', organisationId);
    expect((await put({ ...VALID, suppressionThreshold: 30 }, admin, `?organisationId=${partnership}`)).status).toBe(200);
    expect((await settingsOf(api.database.db, partnership)).suppressionThreshold).toBe(30);
    expect((await settingsOf(api.database.db, other)).suppressionThreshold).toBe(10);
  });
});

describe('the safeguarding queue', () => {
  it('shows the safeguarding lead the answer in full, even words the organisation redacts elsewhere', async () => {
    expect((await put({ ...(await editable()), redactionTerms: ['Oakfield Academy'] })).status).toBe(200);
    const survey = await demoSurvey(api);
    const text = 'my stepdad hits me, I go to Oakfield Academy';
    expect((await submitWith(api, survey, { age: 14, why_involved: text })).status).toBe(201);
    await codeOutstanding(api.database);
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    const { flags } = await jsonOf(await api.app.request('/api/safeguarding/flags', { headers: lead }));
    expect(flags.map((f: { text: string }) => f.text)).toContain(text);
  });
});
