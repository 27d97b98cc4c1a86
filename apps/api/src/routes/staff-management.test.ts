import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../setup';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId, staffIdOf, TEST_PASSWORD } from '../test/staff';

let api: FreshApi;
let demoId: string;
let admin: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  demoId = await demoOrganisationId(api);
  admin = await bearerFor(api, await staffIdOf(api, DEMO_STAFF.accounts[1].email));
});
afterAll(() => api.close());

const invite = (headers: Record<string, string>, body: Record<string, unknown>) => api.json('/api/staff/invites', body, headers);
const tokenOf = async (res: Response) => String((await jsonOf(res)).path).replace('/staff/invite/', '');
const accept = (token: string, password = TEST_PASSWORD) => api.json('/api/auth/accept-invite', { token, name: 'Sam Analyst', password });
const setRoles = (headers: Record<string, string>, id: string, roles: string[]) => api.json(`/api/staff/${id}/roles`, { roles }, headers, 'PUT');

describe('organisations keep their data apart', () => {
  let otherStaff: { id: string; email: string };
  let otherOrganisationId: string;

  beforeAll(async () => {
    otherOrganisationId = await addOrganisation(api, 'Elsewhere VRP');
    otherStaff = await addStaff(api, otherOrganisationId, ['analyst'], 'someone@elsewhere.example');
    await addStaff(api, otherOrganisationId, ['admin']);
  });

  it("answers another organisation's staff id with 404 and none of their details", async () => {
    const res = await setRoles(admin, otherStaff.id, ['admin']);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('elsewhere');
    expect(text).not.toContain('Elsewhere');
    const roles = await api.database.client.execute({ sql: 'SELECT role FROM staff_roles WHERE staff_id = ?', args: [otherStaff.id] });
    expect(roles.rows.map((r) => r.role)).toEqual(['analyst']);
  });

  it("answers another organisation's id with 404 when listing or inviting", async () => {
    const list = await api.app.request(`/api/staff?organisationId=${otherOrganisationId}`, { headers: admin });
    expect(list.status).toBe(404);
    expect(await list.text()).not.toContain('someone@');
    expect((await invite(admin, { email: 'x@example.org', roles: ['analyst'], organisationId: otherOrganisationId })).status).toBe(404);
  });

  it('lists only the own organisation', async () => {
    const body = await jsonOf(await api.app.request('/api/staff', { headers: admin }));
    expect(body.staff.map((s: { email: string }) => s.email)).toEqual(expect.arrayContaining(DEMO_STAFF.accounts.map((a) => a.email)));
    expect(body.staff.every((s: { organisationId: string }) => s.organisationId === demoId)).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash/);
  });

  it("lets a hub's admin reach its partnerships, but not a partnership reach its hub or a sibling", async () => {
    const hub = await addOrganisation(api, 'Hub VRP');
    const [east, west] = [await addOrganisation(api, 'East Partnership', hub), await addOrganisation(api, 'West Partnership', hub)];
    const hubAdmin = await bearerFor(api, (await addStaff(api, hub, ['admin'])).id);
    const eastAdmin = await bearerFor(api, (await addStaff(api, east, ['admin'])).id);
    const westPerson = await addStaff(api, west, ['officer']);
    expect((await api.app.request(`/api/staff?organisationId=${east}`, { headers: hubAdmin })).status).toBe(200);
    expect((await setRoles(hubAdmin, westPerson.id, ['officer', 'analyst'])).status).toBe(200);
    expect((await api.app.request(`/api/staff?organisationId=${hub}`, { headers: eastAdmin })).status).toBe(404);
    expect((await setRoles(eastAdmin, westPerson.id, ['admin'])).status).toBe(404);
    const current = await jsonOf(await api.app.request('/api/organisations/current', { headers: eastAdmin }));
    expect(current.hub).toEqual({ id: hub, name: 'Hub VRP' });
    const hubView = await jsonOf(await api.app.request('/api/organisations/current', { headers: hubAdmin }));
    expect(hubView.partnerships.map((p: { name: string }) => p.name)).toEqual(['East Partnership', 'West Partnership']);
  });
});

describe('invitations', () => {
  it('give a link to copy, which makes an account with the invited roles, signed in', async () => {
    const res = await invite(admin, { email: 'Sam.Analyst@Example.org', roles: ['analyst', 'author'] });
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(body.path).toMatch(/^\/staff\/invite\/[\w-]{43}$/);
    expect(body.invite).toMatchObject({ email: 'sam.analyst@example.org', roles: ['analyst', 'author'], organisationId: demoId });
    const accepted = await accept(String(body.path).replace('/staff/invite/', ''));
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get('set-cookie')).toMatch(/^sv_staff=/);
    expect(await jsonOf(accepted)).toMatchObject({ staff: { email: 'sam.analyst@example.org', name: 'Sam Analyst' }, roles: ['analyst', 'author'] });
    const login = await api.json('/api/auth/login', { email: 'sam.analyst@example.org', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('work once only', async () => {
    const token = await tokenOf(await invite(admin, { email: 'once@example.org', roles: ['officer'] }));
    expect((await accept(token)).status).toBe(201);
    const again = await accept(token, 'another long password 7');
    expect(again.status).toBe(410);
    expect((await jsonOf(again)).message).toMatch(/already been used/);
    expect(await api.count("staff WHERE email = 'once@example.org'")).toBe(1);
  });

  it('expire', async () => {
    const token = await tokenOf(await invite(admin, { email: 'late@example.org', roles: ['officer'] }));
    await api.database.client.execute({ sql: 'UPDATE staff_invites SET expires_at = ? WHERE email = ?', args: [Date.now() - 1, 'late@example.org'] });
    const res = await accept(token);
    expect(res.status).toBe(410);
    expect((await jsonOf(res)).message).toMatch(/expired/);
    expect(await api.count("staff WHERE email = 'late@example.org'")).toBe(0);
  });

  it('refuse a weak password with a reason, and stay usable', async () => {
    const token = await tokenOf(await invite(admin, { email: 'weak@example.org', roles: ['officer'] }));
    const weak = await accept(token, 'password1234');
    expect(weak.status).toBe(422);
    expect((await jsonOf(weak)).issues).toEqual([{ field: 'password', message: expect.stringMatching(/too common/) }]);
    expect((await accept(token)).status).toBe(201);
  });

  it('say so for an unknown link, a bad role or someone who already has an account', async () => {
    expect((await accept('A'.repeat(43))).status).toBe(404);
    const badRole = await invite(admin, { email: 'r@example.org', roles: ['superuser'] });
    expect(badRole.status).toBe(400);
    expect((await jsonOf(badRole)).issues[0].field).toBe('roles.0');
    const existing = await invite(admin, { email: DEMO_STAFF.accounts[0].email, roles: ['analyst'] });
    expect(existing.status).toBe(409);
  });

  it('are recorded in the audit log with who invited whom', async () => {
    const rows = await api.database.client.execute("SELECT actor_staff_id, detail FROM audit_log WHERE action = 'staff.invite'");
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(String(rows.rows[0]?.detail)).toContain('sam.analyst@example.org');
  });
});

describe('changing roles', () => {
  it('gives and takes roles and says what the person now holds', async () => {
    const { id } = await addStaff(api, demoId, ['analyst']);
    const res = await setRoles(admin, id, ['safeguarding_lead', 'analyst', 'analyst']);
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).staff.roles).toEqual(['analyst', 'safeguarding_lead']);
    expect((await jsonOf(await setRoles(admin, id, ['author']))).staff.roles).toEqual(['author']);
    const audit = await api.database.client.execute({ sql: "SELECT detail FROM audit_log WHERE action = 'staff.roles_changed' AND target_id = ?", args: [id] });
    expect(audit.rows).toHaveLength(2);
  });

  it('will not remove the last admin of an organisation', async () => {
    const soloOrg = await addOrganisation(api, 'Solo VRP');
    const solo = await addStaff(api, soloOrg, ['admin']);
    const soloHeaders = await bearerFor(api, solo.id);
    const res = await setRoles(soloHeaders, solo.id, ['officer']);
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).message).toMatch(/only admin/);
    const second = await addStaff(api, soloOrg, ['officer']);
    expect((await setRoles(soloHeaders, second.id, ['admin', 'officer'])).status).toBe(200);
    expect((await setRoles(soloHeaders, solo.id, ['officer'])).status).toBe(200);
    // The change took effect at once: the former admin can no longer manage staff.
    expect((await api.app.request('/api/staff', { headers: soloHeaders })).status).toBe(403);
  });

  it('refuses an empty list of roles', async () => {
    const { id } = await addStaff(api, demoId, ['analyst']);
    const res = await setRoles(admin, id, []);
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues[0].message).toMatch(/at least one role/);
  });
});
