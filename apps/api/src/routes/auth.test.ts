import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../auth/login-limits';
import { DEMO_STAFF } from '../setup';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, browserSignIn, demoOrganisationId, TEST_PASSWORD } from '../test/staff';

let api: FreshApi;
let organisationId: string;
const officer = DEMO_STAFF.accounts[0];
const admin = DEMO_STAFF.accounts[1];

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
});
afterAll(() => api.close());

const login = (email: string, password: string, env?: { clientAddress: string }) =>
  api.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }, env);
const me = (headers: Record<string, string>) => api.app.request('/api/auth/me', { headers });

describe('signing in', () => {
  it('signs the demo officer in with the README password, in an httpOnly SameSite cookie', async () => {
    const res = await login(officer.email.toUpperCase(), DEMO_STAFF.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sv_staff=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = await jsonOf(res);
    expect(body).toMatchObject({ staff: { email: officer.email, name: 'Demo Officer' }, roles: ['officer'], organisation: { slug: 'demo' } });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(body).not.toHaveProperty('token');
    expect((await me({ cookie: cookie.split(';')[0] ?? '' })).status).toBe(200);
  });

  it('marks the cookie Secure over https', async () => {
    const res = await api.app.request('https://vrp.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: officer.email, password: DEMO_STAFF.password })
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await login(officer.email, DEMO_STAFF.password)).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('gives a bearer token to API clients that ask for one, and sets no cookie', async () => {
    const res = await api.json('/api/auth/login', { email: admin.email, password: DEMO_STAFF.password, mode: 'bearer' });
    expect(res.headers.get('set-cookie')).toBeNull();
    const { token } = await jsonOf(res);
    const who = await jsonOf(await me({ authorization: `Bearer ${token}` }));
    expect(who).toMatchObject({ staff: { email: admin.email }, roles: ['admin'] });
    expect(who).not.toHaveProperty('csrfToken');
  });

  it('says exactly the same for an unknown e-mail as for a wrong password', async () => {
    const wrong = await login(admin.email, 'not the right password');
    const unknown = await login('nobody-here@demo.safervoices.test', 'not the right password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a disabled account as if the password were wrong', async () => {
    const { email, id } = await addStaff(api, organisationId, ['analyst']);
    await api.database.client.execute({ sql: 'UPDATE staff SET disabled_at = ? WHERE id = ?', args: [Date.now(), id] });
    const res = await login(email, TEST_PASSWORD);
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).error).toBe('sign_in_failed');
  });
});

// Every attempt runs the real password hash (scrypt), which takes a good part
// of a second on a loaded 2-core machine.
describe('sign-in rate limits', { timeout: 60_000 }, () => {
  const free = LIMITS.pair.free;
  /** Moves every recorded failure back in time, as if the wait had passed. */
  const letTimePass = (ms: number) => api.database.client.execute({ sql: 'UPDATE login_attempts SET attempted_at = attempted_at - ?', args: [ms] });

  it(`delays one e-mail from one network after ${free} failures, even with the right password, by a minute, with Retry-After`, async () => {
    const { email } = await addStaff(api, organisationId, ['author']);
    const attacker = { clientAddress: '198.51.100.20' };
    for (let i = 0; i < free; i++) expect((await login(email, `wrong guess ${i}`, attacker)).status).toBe(401);
    const blocked = await login(email, TEST_PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await jsonOf(blocked)).message).toBe('Too many attempts to sign in. Wait 1 minute and try again.');
    // Someone else can still sign in from there.
    expect((await login(officer.email, DEMO_STAFF.password, attacker)).status).toBe(200);
  });

  it('lets the account’s owner sign in at once from another network while one network keeps guessing', async () => {
    const { email } = await addStaff(api, organisationId, ['safeguarding_lead']);
    const attacker = { clientAddress: '198.51.100.21' };
    for (let i = 0; i < free + 3; i++) await login(email, `guess ${i}`, attacker);
    expect((await login(email, 'another guess', attacker)).status).toBe(429);
    expect((await login(email, TEST_PASSWORD, { clientAddress: '203.0.113.21' })).status).toBe(200);
  });

  it('makes each further wait for the same network longer than the first', async () => {
    const { email } = await addStaff(api, organisationId, ['author']);
    const attacker = { clientAddress: '198.51.100.22' };
    for (let i = 0; i < free; i++) await login(email, `guess ${i}`, attacker);
    const first = Number((await login(email, 'too soon', attacker)).headers.get('retry-after'));
    await letTimePass(first * 1000);
    expect((await login(email, 'after the wait', attacker)).status).toBe(401);
    const second = Number((await login(email, 'too soon again', attacker)).headers.get('retry-after'));
    expect(second).toBeGreaterThan(first);
    expect((await jsonOf(await login(email, TEST_PASSWORD, attacker))).message).toMatch(/Wait 2 minutes/);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const { email } = await addStaff(api, organisationId, ['author']);
    for (let i = 0; i < free - 1; i++) await login(email, `typo ${i}`);
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < free - 1; i++) expect((await login(email, `another typo ${i}`)).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
  });

  it(`delays a network after ${LIMITS.network.free} failures across many e-mails, without delaying other networks`, async () => {
    const school = { clientAddress: '203.0.113.7' };
    for (let i = 0; i < LIMITS.network.free; i++) {
      expect((await login(`guess${i}@example.org`, 'password guess', school)).status).toBe(401);
    }
    const blocked = await login(admin.email, DEMO_STAFF.password, school);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(admin.email, DEMO_STAFF.password, { clientAddress: '198.51.100.9' })).status).toBe(200);
  }, 180_000);

  it('keeps no e-mail address or network address in the attempts table', async () => {
    const rows = await api.database.client.execute('SELECT key FROM login_attempts');
    expect(rows.rows.length).toBeGreaterThan(0);
    const keys = rows.rows.map((r) => String(r.key)).join(' ');
    expect(keys).not.toMatch(/203\.0\.113|@|example/);
  });
});

describe('sessions', () => {
  it('end after 8 hours idle', async () => {
    const { id } = await addStaff(api, organisationId, ['analyst']);
    const headers = await bearerFor(api, id);
    const setLastSeen = (msAgo: number) => api.database.client.execute({ sql: 'UPDATE staff_sessions SET last_seen_at = ? WHERE staff_id = ?', args: [Date.now() - msAgo, id] });
    await setLastSeen(8 * 3600_000 + 1000);
    const ended = await me(headers);
    expect(ended.status).toBe(401);
    expect((await jsonOf(ended)).message).toMatch(/sign in/i);
  });

  it('restart the idle timer on use', async () => {
    const { id } = await addStaff(api, organisationId, ['analyst']);
    const headers = await bearerFor(api, id);
    await api.database.client.execute({ sql: 'UPDATE staff_sessions SET last_seen_at = ? WHERE staff_id = ?', args: [Date.now() - 7 * 3600_000, id] });
    expect((await me(headers)).status).toBe(200);
    const row = await api.database.client.execute({ sql: 'SELECT last_seen_at FROM staff_sessions WHERE staff_id = ?', args: [id] });
    expect(Date.now() - Number(row.rows[0]?.last_seen_at)).toBeLessThan(60_000);
  });

  it('end 7 days after sign-in however active', async () => {
    const { id } = await addStaff(api, organisationId, ['analyst']);
    const headers = await bearerFor(api, id);
    await api.database.client.execute({ sql: 'UPDATE staff_sessions SET expires_at = ? WHERE staff_id = ?', args: [Date.now() - 1, id] });
    expect((await me(headers)).status).toBe(401);
  });

  it('end at sign-out: the token stops working and the cookie is cleared', async () => {
    const { cookie, csrfToken } = await browserSignIn(api, officer.email, DEMO_STAFF.password);
    const out = await api.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/sv_staff=;.*Max-Age=0/);
    expect((await me({ cookie })).status).toBe(401);
  });

  it('are recorded in the audit log at sign-in and sign-out', async () => {
    const rows = await api.database.client.execute("SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'auth.%' GROUP BY action");
    const counts = Object.fromEntries(rows.rows.map((r) => [String(r.action), Number(r.n)]));
    expect(counts['auth.sign_in']).toBeGreaterThan(0);
    expect(counts['auth.sign_out']).toBeGreaterThan(0);
  });
});

describe('CSRF protection for cookie sessions', () => {
  it('refuses a change made with the cookie alone or a wrong token, and accepts the token from sign-in', async () => {
    const { cookie, csrfToken } = await browserSignIn(api, admin.email, DEMO_STAFF.password);
    const invite = (headers: Record<string, string>) => api.json('/api/staff/invites', { email: 'csrf-check@example.org', roles: ['analyst'] }, { cookie, ...headers });
    const bare = await invite({});
    expect(bare.status).toBe(403);
    expect((await jsonOf(bare)).error).toBe('csrf_token_invalid');
    expect((await invite({ 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
    expect(await api.count('staff_invites')).toBe(0);
    expect((await invite({ 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it('guards role changes and sign-out too, and hands the token back on /auth/me after a reload', async () => {
    const { cookie } = await browserSignIn(api, admin.email, DEMO_STAFF.password);
    const officerId = (await api.database.client.execute({ sql: 'SELECT id FROM staff WHERE email = ?', args: [officer.email] })).rows[0]?.id;
    expect((await api.json(`/api/staff/${officerId}/roles`, { roles: ['officer', 'analyst'] }, { cookie }, 'PUT')).status).toBe(403);
    expect((await api.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
    const { csrfToken } = await jsonOf(await me({ cookie }));
    expect((await api.json(`/api/staff/${officerId}/roles`, { roles: ['officer'] }, { cookie, 'x-csrf-token': csrfToken }, 'PUT')).status).toBe(200);
  });
});
