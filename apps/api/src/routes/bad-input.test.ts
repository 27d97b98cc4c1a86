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
  // About 190 routes × 4 ids × 3 queries × up to 11 bodies: over 20,000 requests, a minute on a quiet machine and twice that beside the browser tests.
}, 300_000);

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

/** Routes that take a file, not a JSON body: a CSV form, and a questionnaire file read as JSON whatever it is labelled. */
const NOT_JSON_ROUTES = ['/api/collections', '/api/designer/import'];

it('refuses JSON sent as text/plain with a 415 that says to send JSON, on every route that reads JSON, never a 5xx', async () => {
  const body = JSON.stringify({ email: 'someone@example.org', password: 'not a password', versionId: 'x', answers: {}, title: 'A title' });
  const routes = api.app.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.path.endsWith('/logout'));
  const serverErrors: string[] = [];
  const unclear: string[] = [];
  let toldToSendJson = 0;
  for (const route of routes) {
    const path = route.path.replace(/:[A-Za-z]+/g, questionnaireId);
    for (const contentType of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const res = await api.app.request(path, { method: route.method, headers: { ...everyRole, 'content-type': contentType }, body });
      if (res.status >= 500) serverErrors.push(`${res.status} ${route.method} ${route.path}`);
      const text = await res.text();
      // The body read as nothing, then refused field by field, is what a caller could not make sense of.
      if (/received undefined/.test(text) && !NOT_JSON_ROUTES.includes(route.path)) unclear.push(`${route.method} ${route.path} ${contentType}: ${text.slice(0, 120)}`);
      if (res.status === 415 && JSON.parse(text).message === 'Send the body as JSON (Content-Type: application/json)') toldToSendJson++;
    }
  }
  expect(serverErrors).toEqual([]);
  expect(unclear).toEqual([]);
  // Most routes that take a body read JSON (about 180 routes, each sent three ways).
  expect(toldToSendJson).toBeGreaterThan(400);
  // Signed out, from a page of this site (without its Origin, a text/plain post is refused as cross-site first).
  for (const path of ['/api/auth/login', '/api/drafts', '/api/responses']) {
    const res = await api.app.request(path, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'http://localhost' }, body });
    expect(res.status, path).toBe(415);
    expect(await res.json()).toEqual({ error: 'json_expected', message: 'Send the body as JSON (Content-Type: application/json)' });
  }
  // JSON labelled as JSON is read as before: a wrong password, not a wrong body.
  const login = await api.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'someone@example.org', password: 'not a password' })
  });
  expect(login.status).toBe(401);
}, 60_000);
