// Cross-site request forgery: a change whose Origin is another site's, or a
// form post without an Origin, is refused with the API's error shape; API
// clients signing with a bearer token are not browsers and need no Origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../config';
import { createFromTemplate, designerPath } from '../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, browserSignIn, demoOrganisationId, TEST_PASSWORD } from '../test/staff';

const OWN = 'http://localhost';

/** Origins a browser could send that are not this site's, whatever they resemble. */
const OTHER_ORIGINS = [
  'null',
  'http://evil.example',
  'https://evil.example',
  'http://localhost:8080',
  'https://localhost',
  'http://sub.localhost',
  'http://localhost.',
  'http://127.0.0.1',
  'http://[::1]',
  'http://LOCALHOST',
  'http://localhost/',
  'http://localhost.evil.example',
  'http://localhost@evil.example',
  'http://evil.example/http://localhost',
  'http://evil.example?http://localhost',
  'localhost',
  '*',
  ''
];

let api: FreshApi;
let browser: { cookie: string; csrfToken: string };
let officer: Record<string, string>;
let analyst: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  const { email } = await addStaff(api, organisationId, ['officer']);
  browser = await browserSignIn(api, email, TEST_PASSWORD);
  officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
});
afterAll(() => api.close());

const asBrowser = (origin?: string) => ({ cookie: browser.cookie, 'x-csrf-token': browser.csrfToken, ...(origin === undefined ? {} : { origin }) });

async function expectRefused(res: Response, what: string) {
  expect(res.status, what).toBe(403);
  expect(await jsonOf(res), what).toEqual({ error: 'cross_site_request', message: expect.stringContaining('another site') });
}

const csvForm = () => {
  const form = new FormData();
  form.append('file', new File(['Text\nSafer streets please\n'], 'notes.csv', { type: 'text/csv' }));
  return form;
};

describe('cookie sessions', () => {
  it('refuse a change from any other origin, even with the CSRF token', async () => {
    for (const origin of OTHER_ORIGINS) {
      await expectRefused(await api.json('/api/designer/questionnaires', {}, asBrowser(origin)), `Origin: ${origin}`);
    }
    // From this site the request reaches the route, which finds the body wanting.
    expect((await api.json('/api/designer/questionnaires', {}, asBrowser(OWN))).status).toBe(400);
  });

  it('refuse form posts and uploads without an Origin (older browsers send none with forms)', async () => {
    const login = new URLSearchParams({ email: 'x@example.org', password: 'y' });
    await expectRefused(await api.app.request('/api/auth/logout', { method: 'POST', headers: { ...asBrowser(), 'content-type': 'text/plain' }, body: 'x' }), 'text/plain');
    await expectRefused(await api.app.request('/api/auth/login', { method: 'POST', body: login }), 'urlencoded sign-in');
    await expectRefused(await api.app.request('/api/collections/preview', { method: 'POST', headers: asBrowser(), body: csvForm() }), 'multipart');
    expect((await api.app.request('/api/collections/preview', { method: 'POST', headers: asBrowser(OWN), body: csvForm() })).status).toBe(403); // an officer is no analyst
  });

  it('refuse changes without a body from other origins; from this one the CSRF token still decides', async () => {
    const { questionnaire } = await createFromTemplate(api, officer);
    for (const origin of ['http://evil.example', 'null', 'http://localhost:3000']) {
      await expectRefused(await api.app.request(designerPath(questionnaire.id, '/publish'), { method: 'POST', headers: asBrowser(origin) }), `Origin: ${origin}`);
    }
    const withoutToken = await api.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: browser.cookie, origin: OWN } });
    expect((await jsonOf(withoutToken)).error).toBe('csrf_token_invalid');
  });
});

describe('API clients with a bearer token', () => {
  it('publish and close without a body and without an Origin, whatever Origin they might send', async () => {
    const { questionnaire } = await createFromTemplate(api, officer);
    expect((await api.app.request(designerPath(questionnaire.id, '/publish'), { method: 'POST', headers: officer })).status).toBe(200);
    const closed = await api.app.request(designerPath(questionnaire.id, '/close'), { method: 'POST', headers: { ...officer, origin: 'http://evil.example' } });
    expect(closed.status).toBe(200);
  });

  it('upload a file as multipart without an Origin', async () => {
    const res = await api.app.request('/api/collections/preview', { method: 'POST', headers: analyst, body: csvForm() });
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).fileName).toBe('notes.csv');
  });
});

describe('respondents and clients without a session', () => {
  it('forget a draft and submit one without a body, a Content-Type or an Origin', async () => {
    const started = await jsonOf(await api.json('/api/drafts', { slug: 'community-safety-residents' }));
    const submitted = await api.app.request(`/api/drafts/${started.token}/submit`, { method: 'POST' });
    expect(submitted.status).toBe(422); // reached the route: nothing is answered yet
    expect((await api.app.request(`/api/drafts/${started.token}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('are refused from another origin all the same', async () => {
    const started = await jsonOf(await api.json('/api/drafts', { slug: 'community-safety-residents' }));
    await expectRefused(await api.app.request(`/api/drafts/${started.token}`, { method: 'DELETE', headers: { origin: 'http://evil.example' } }), 'DELETE');
    await expectRefused(await api.json('/api/drafts', { slug: 'community-safety-residents' }, { origin: 'null' }), 'POST');
  });
});

describe("the API's own origin when it runs on its own behind a proxy", () => {
  const served = { incoming: {} };
  const publishAs = (id: string, headers: Record<string, string>, env?: object) => api.app.request(designerPath(id, '/publish'), { method: 'POST', headers: { ...asBrowser(), ...headers } }, env);

  it("is the one the proxy's PROTOCOL_HEADER and HOST_HEADER name; inside the web server, the request URL's", async () => {
    const { questionnaire } = await createFromTemplate(api, officer);
    const saved = { protocol: process.env.PROTOCOL_HEADER, host: process.env.HOST_HEADER };
    process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
    process.env.HOST_HEADER = 'x-forwarded-host';
    resetConfig();
    try {
      const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'surveys.example.org' };
      await expectRefused(await publishAs(questionnaire.id, { ...proxied, origin: OWN }, served), 'the connection, not the browser');
      expect((await publishAs(questionnaire.id, { ...proxied, origin: 'https://surveys.example.org' }, served)).status).toBe(200);
      await expectRefused(await publishAs(questionnaire.id, { ...proxied, origin: 'https://surveys.example.org' }), 'mounted: headers ignored');
    } finally {
      for (const [name, value] of [
        ['PROTOCOL_HEADER', saved.protocol],
        ['HOST_HEADER', saved.host]
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetConfig();
    }
  });
});
