// Who may do what in the designer: every endpoint, for every role and for
// someone not signed in. Officers and admins change things; every member of
// staff may read the organisation's questionnaires, templates and the bank;
// access codes (which let people in) are for officers and admins only.
import { STAFF_ROLES, type StaffRole } from '@safer-voices/db';
import { exportQuestionnaire } from '@safer-voices/survey';
import { parsedTemplate } from '@safer-voices/survey/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../../test/staff';

type Caller = StaffRole | 'anonymous';
const CALLERS: Caller[] = [...STAFF_ROLES, 'anonymous'];
const EDITORS: Caller[] = ['officer', 'admin'];
const READERS: Caller[] = [...STAFF_ROLES];

let api: FreshApi;
let officer: Record<string, string>;
const headersFor = new Map<Caller, () => Promise<Record<string, string>>>();

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  officer = await officerHeaders(api, organisationId);
  for (const role of STAFF_ROLES) {
    const { id } = await addStaff(api, organisationId, [role]);
    headersFor.set(role, () => bearerFor(api, id));
  }
  headersFor.set('anonymous', async () => ({}));
});
afterAll(() => api.close());

/** A fresh questionnaire for each request, made by an officer, so cells do not affect each other. */
const fresh = async () => (await createFromTemplate(api, officer)).questionnaire.id as string;

interface Action {
  name: string;
  request(headers: Record<string, string>): Response | Promise<Response>;
  allowed: Caller[];
  ok: number;
}

const get = (path: string) => (h: Record<string, string>) => api.app.request(path, { headers: h });
const on =
  (method: string, rest: string, body: unknown = {}) =>
  async (h: Record<string, string>) =>
    api.json(designerPath(await fresh(), rest), body, h, method);
const onGet = (rest: string) => async (h: Record<string, string>) => api.app.request(designerPath(await fresh(), rest), { headers: h });

const ACTIONS: Action[] = [
  { name: 'GET /api/designer/questionnaires', request: get('/api/designer/questionnaires'), allowed: READERS, ok: 200 },
  { name: 'GET /api/designer/standard-items', request: get('/api/designer/standard-items'), allowed: READERS, ok: 200 },
  { name: 'GET /api/designer/templates', request: get('/api/designer/templates'), allowed: READERS, ok: 200 },
  { name: 'GET …/:id', request: onGet(''), allowed: READERS, ok: 200 },
  { name: 'GET …/:id/export', request: onGet('/export'), allowed: READERS, ok: 200 },
  { name: 'POST /api/designer/questionnaires', request: (h) => api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: 'Matrix' } }, h), allowed: EDITORS, ok: 201 },
  {
    name: 'POST /api/designer/import',
    request: (h) => api.json('/api/designer/import', exportQuestionnaire(parsedTemplate('feeling-safe-8-11') as never), h),
    allowed: EDITORS,
    ok: 201
  },
  {
    name: 'PUT …/:id/draft',
    request: async (h) => api.json(designerPath(await fresh(), '/draft'), { definition: parsedTemplate('feeling-safe-8-11') }, h, 'PUT'),
    allowed: EDITORS,
    ok: 200
  },
  { name: 'POST …/:id/draft/edits', request: on('POST', '/draft/edits', { op: 'insert_standard_item', key: 'safe_online_easy' }), allowed: EDITORS, ok: 200 },
  { name: 'POST …/:id/publish', request: on('POST', '/publish'), allowed: EDITORS, ok: 200 },
  { name: 'PUT …/:id/schedule', request: on('PUT', '/schedule', { opensAt: '2026-09-01T08:00:00Z', closesAt: '2026-10-01T17:00:00Z' }), allowed: EDITORS, ok: 200 },
  { name: 'POST …/:id/close', request: on('POST', '/close'), allowed: EDITORS, ok: 200 },
  { name: 'PUT …/:id/access', request: on('PUT', '/access', { mode: 'codes' }), allowed: EDITORS, ok: 200 },
  { name: 'POST …/:id/codes/class', request: on('POST', '/codes/class', { school: 'Oak', className: '5A' }), allowed: EDITORS, ok: 201 },
  { name: 'POST …/:id/codes/single', request: on('POST', '/codes/single', { count: 2 }), allowed: EDITORS, ok: 201 },
  { name: 'GET …/:id/codes', request: onGet('/codes'), allowed: EDITORS, ok: 200 },
  { name: 'GET …/:id/codes.csv', request: onGet('/codes.csv'), allowed: EDITORS, ok: 200 }
];

const expected = (action: Action, caller: Caller) => (action.allowed.includes(caller) ? action.ok : caller === 'anonymous' ? 401 : 403);

describe.each(ACTIONS)('$name', (action) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const headers = await (headersFor.get(caller) ?? (async () => ({})))();
    const res = await action.request(headers);
    const want = expected(action, caller);
    expect(res.status, `${action.name} as ${caller}`).toBe(want);
    if (want === 401) expect((await jsonOf(res)).error).toBe('sign_in_required');
    if (want === 403) expect((await jsonOf(res)).error).toBe('role_required');
  });
});

describe('refused changes leave nothing behind', () => {
  it('an analyst cannot publish, and the questionnaire stays a draft', async () => {
    const id = await fresh();
    const analyst = await (headersFor.get('analyst') as () => Promise<Record<string, string>>)();
    expect((await api.json(designerPath(id, '/publish'), {}, analyst)).status).toBe(403);
    expect((await jsonOf(await api.app.request(designerPath(id), { headers: analyst }))).questionnaire.status).toBe('draft');
  });
});
