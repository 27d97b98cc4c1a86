// Who may do what: every staff endpoint, for every role and for someone not
// signed in. Bearer sessions are used so CSRF (tested in auth.test.ts) does
// not get in the way.
import { STAFF_ROLES, type StaffRole } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../store/invites';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId, TEST_PASSWORD } from '../test/staff';

type Caller = StaffRole | 'anonymous';
const CALLERS: Caller[] = [...STAFF_ROLES, 'anonymous'];

let api: FreshApi;
let organisationId: string;
let adminId: string;
let targetId: string;
const headersFor = new Map<Caller, () => Promise<Record<string, string>>>();
let counter = 0;

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  targetId = (await addStaff(api, organisationId, ['analyst'])).id;
  for (const role of STAFF_ROLES) {
    const { id } = await addStaff(api, organisationId, [role]);
    if (role === 'admin') adminId = id;
    // A fresh session per request, so signing out in one cell does not affect the next.
    headersFor.set(role, () => bearerFor(api, id));
  }
  headersFor.set('anonymous', async () => ({}));
});
afterAll(() => api.close());

interface Action {
  name: string;
  request(headers: Record<string, string>): Response | Promise<Response>;
  allowed: Caller[] | 'everyone';
  /** Status when allowed. */
  ok: number;
}

const staffOnly: Caller[] = [...STAFF_ROLES];
const ACTIONS: Action[] = [
  { name: 'GET /api/auth/me', request: (h) => api.app.request('/api/auth/me', { headers: h }), allowed: staffOnly, ok: 200 },
  { name: 'POST /api/auth/logout', request: (h) => api.app.request('/api/auth/logout', { method: 'POST', headers: h }), allowed: staffOnly, ok: 204 },
  { name: 'GET /api/organisations/current', request: (h) => api.app.request('/api/organisations/current', { headers: h }), allowed: staffOnly, ok: 200 },
  { name: 'GET /api/staff', request: (h) => api.app.request('/api/staff', { headers: h }), allowed: ['admin'], ok: 200 },
  {
    name: 'POST /api/staff/invites',
    request: (h) => api.json('/api/staff/invites', { email: `matrix-${counter++}@example.org`, roles: ['analyst'] }, h),
    allowed: ['admin'],
    ok: 201
  },
  { name: 'PUT /api/staff/:id/roles', request: (h) => api.json(`/api/staff/${targetId}/roles`, { roles: ['analyst'] }, h, 'PUT'), allowed: ['admin'], ok: 200 },
  {
    name: 'POST /api/auth/login',
    request: async (h) => {
      const { email } = await addStaff(api, organisationId, ['officer']);
      return api.json('/api/auth/login', { email, password: TEST_PASSWORD, mode: 'bearer' }, h);
    },
    allowed: 'everyone',
    ok: 200
  },
  {
    name: 'POST /api/auth/accept-invite',
    request: async (h) => {
      const { token } = await createInvite(api.database.db, { organisationId, email: `accept-${counter++}@example.org`, roles: ['author'], createdBy: adminId });
      return api.json('/api/auth/accept-invite', { token, name: 'New Person', password: TEST_PASSWORD, mode: 'bearer' }, h);
    },
    allowed: 'everyone',
    ok: 201
  }
];

const expected = (action: Action, caller: Caller) => {
  if (action.allowed === 'everyone' || action.allowed.includes(caller)) return action.ok;
  return caller === 'anonymous' ? 401 : 403;
};

describe.each(ACTIONS)('$name', (action) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const headers = await (headersFor.get(caller) ?? (async () => ({})))();
    const res = await action.request(headers);
    const want = expected(action, caller);
    expect(res.status, `${action.name} as ${caller}`).toBe(want);
    if (want === 401) expect((await jsonOf(res)).error).toBe('sign_in_required');
    if (want === 403) expect((await jsonOf(res)).message).toMatch(/admin role/);
  });
});

describe('what each role sees of itself', () => {
  it.each(STAFF_ROLES)('%s: /auth/me names the role and the organisation', async (role) => {
    const body = await jsonOf(await api.app.request('/api/auth/me', { headers: await (headersFor.get(role) as () => Promise<Record<string, string>>)() }));
    expect(body.roles).toEqual([role]);
    expect(body.organisation.id).toBe(organisationId);
    expect(JSON.stringify(body)).not.toMatch(/password|scrypt/);
  });
});
