// Every route, signed in with every role, given ids that do not exist or are
// not ids, nonsense query parameters and bodies of the wrong shape: each
// answer is a clear 4xx (or a success that ignores what does not apply),
// never a 5xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let everyRole: Record<string, string>;
let questionnaireId: string;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  everyRole = await bearerFor(api, (await addStaff(api, organisationId, ['admin', 'analyst', 'officer', 'author', 'safeguarding_lead'])).id);
  questionnaireId = String((await api.database.client.execute('SELECT id FROM questionnaires LIMIT 1')).rows[0]?.id);
});
afterAll(() => api.close());

const BODIES: unknown[] = [
  '{',
  'null',
  '[]',
  '"text"',
  {},
  { id: 'x'.repeat(5000) },
  { answers: null, versionId: 5 },
  { definition: { pages: 'x' } },
  { name: ['x'], roles: 'admin', email: 5 },
  { theme: null, baseVersion: 'x' },
  { decisions: [{}] }
];
const QUERIES = ['', '?organisationId=x&question=%FF&limit=-1&after=zzz&theme=1&from=2026-13-45&version=abc&group=__proto__', '?limit=99999999999999999999'];

it('answers malformed requests to every route with a 4xx, never a 5xx', async () => {
  const ids = () => ['not-an-id', questionnaireId, '00000000-0000-0000-0000-000000000000', 'a'.repeat(300)];
  // Signing out would end the session the rest of the requests use.
  const routes = api.app.routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('/logout'));
  expect(routes.length).toBeGreaterThan(100);
  const serverErrors: string[] = [];
  let refused = 0;
  let sent = 0;
  for (const route of routes) {
    for (const id of ids()) {
      const path = route.path.replace(/:[A-Za-z]+/g, id);
      for (const query of QUERIES) {
        for (const body of ['GET', 'HEAD', 'DELETE'].includes(route.method) ? [undefined] : BODIES) {
          const res = await api.app.request(path + query, {
            method: route.method,
            headers: { ...everyRole, 'content-type': 'application/json' },
            body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
          });
          if (res.status >= 500) serverErrors.push(`${res.status} ${route.method} ${path}${query} ${JSON.stringify(body)?.slice(0, 60)}`);
          sent++;
          if (res.status >= 400 && res.status < 500) refused++;
          await res.body?.cancel();
        }
      }
    }
  }
  expect(serverErrors).toEqual([]);
  // The session held throughout: the requests were refused for what they sent, not for who sent them.
  expect(refused / sent).toBeGreaterThan(0.9);
  expect((await api.app.request('/api/auth/me', { headers: everyRole })).status).toBe(200);
}, 120_000);

it('refuses a JSON body nested thousands of levels deep with a 400 on every route that takes a body, never a 5xx', async () => {
  const deep = (levels: number) => `{"email":${'['.repeat(levels)}${']'.repeat(levels)},"answers":{}}`;
  const routes = api.app.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.path.endsWith('/logout'));
  const serverErrors: string[] = [];
  for (const route of routes) {
    const res = await api.app.request(route.path.replace(/:[A-Za-z]+/g, questionnaireId), {
      method: route.method,
      headers: { ...everyRole, 'content-type': 'application/json' },
      body: deep(30_000)
    });
    if (res.status >= 500) serverErrors.push(`${res.status} ${route.method} ${route.path}`);
    await res.body?.cancel();
  }
  expect(serverErrors).toEqual([]);
  // Signed out too: a draft can be started by anyone.
  const draft = await api.app.request('/api/drafts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep(5_000) });
  expect(draft.status).toBe(400);
  expect(await draft.json()).toMatchObject({ error: 'malformed_request', message: expect.stringMatching(/more than 64 levels deep/) });
  // About 180 routes, each sent 60 KB: a second on a quiet machine.
}, 60_000);
