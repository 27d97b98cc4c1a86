// Cross-site request forgery, against the built product: page form posts and
// staff cookie requests to the API are refused from every origin but this
// site's, the API answering in its own error shape; API clients signing with
// a bearer token need no Origin at all.
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_STAFF } from './helpers';

/** Origins a browser could send that are not this site's, whatever they resemble. */
function otherOrigins(own: string): string[] {
  const { protocol, hostname, port, origin } = new URL(own);
  return [
    'null',
    'http://evil.example',
    'https://evil.example',
    `${protocol}//${hostname}:${Number(port) + 10}`,
    `https://${hostname}:${port}`,
    `${protocol}//www.${hostname}:${port}`,
    `${protocol}//${hostname}.:${port}`,
    `${protocol}//127.0.0.1:${port}`,
    `${protocol}//${hostname.toUpperCase()}:${port}`,
    `${origin}/`,
    `${origin}.evil.example`,
    `http://evil.example/${origin}`
  ];
}

async function signIn(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_STAFF.password } });
  expect(login.status(), await login.text()).toBe(200);
  return (await login.json()).csrfToken as string;
}

async function bearer(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: DEMO_STAFF.password, mode: 'bearer' } });
  expect(login.status(), await login.text()).toBe(200);
  return { authorization: `Bearer ${(await login.json()).token}` };
}

test('page form posts from another origin, or with none, are refused with 403', async ({ request, baseURL }) => {
  const own = new URL(baseURL ?? '').origin;
  const refusedFrom = async (path: string, form: Record<string, string>) => {
    for (const origin of [...otherOrigins(own), undefined]) {
      const res = await request.post(path, { form, headers: origin === undefined ? {} : { origin }, maxRedirects: 0 });
      expect(res.status(), `${path} from ${origin ?? 'no Origin'}`).toBe(403);
      expect(await res.text()).toContain('not sent from a page of this site');
    }
    // From this site, the form is read and its missing fields explained.
    expect((await request.post(path, { form, headers: { origin: own }, maxRedirects: 0 })).status(), `${path} from ${own}`).toBe(400);
  };
  await refusedFrom('/staff/sign-in', { email: 'someone@example.org', password: '' });
  await signIn(request, DEMO_STAFF.officer.email);
  await refusedFrom('/staff/questionnaires?/create', { kind: 'blank', title: '', audience: '' });
});

test("staff cookie requests to the API from another origin are refused, in the API's error shape", async ({ request, baseURL }) => {
  const own = new URL(baseURL ?? '').origin;
  const csrfToken = await signIn(request, DEMO_STAFF.officer.email);
  for (const origin of otherOrigins(own)) {
    const res = await request.post('/api/designer/questionnaires', { data: {}, headers: { origin, 'x-csrf-token': csrfToken } });
    expect(res.status(), `from ${origin}`).toBe(403);
    expect(await res.json()).toEqual({ error: 'cross_site_request', message: expect.stringContaining('another site') });
  }
  // A form upload without an Origin (as older browsers send forms) is refused too.
  const upload = await request.post('/api/collections/preview', { multipart: { file: { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Text\nhello\n') } } });
  expect(upload.status()).toBe(403);
  expect((await upload.json()).error).toBe('cross_site_request');
  // From this site the request reaches the route, which finds the body wanting.
  const fromHere = await request.post('/api/designer/questionnaires', { data: {}, headers: { origin: own, 'x-csrf-token': csrfToken } });
  expect(fromHere.status()).toBe(400);
});

test('API clients with a bearer token publish, close and upload without an Origin', async ({ request }) => {
  // A blank questionnaire of its own, so the demo survey lists stay as other tests expect them.
  const officer = await bearer(request, DEMO_STAFF.officer.email);
  const created = await request.post('/api/designer/questionnaires', { data: { from: { kind: 'blank', title: 'Published by an API client' } }, headers: officer });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire } = await created.json();
  const privacy = { responsibleOrganisation: 'Demo Partnership', privacyContact: 'privacy@demo.safervoices.test', retention: 'Two years' };
  const details = await request.put(`/api/designer/questionnaires/${questionnaire.id}/privacy`, { data: privacy, headers: officer });
  expect(details.status(), await details.text()).toBe(200);
  for (const step of ['publish', 'close']) {
    const res = await request.post(`/api/designer/questionnaires/${questionnaire.id}/${step}`, { headers: officer });
    expect(res.status(), `${step}: ${await res.text()}`).toBe(200);
  }
  const analyst = await bearer(request, DEMO_STAFF.analyst.email);
  const preview = await request.post('/api/collections/preview', {
    headers: analyst,
    multipart: { file: { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Text\nSafer streets please\n') } }
  });
  expect(preview.status(), await preview.text()).toBe(200);
  expect((await preview.json()).fileName).toBe('notes.csv');
});

test('respondent API clients forget a draft with no body, Content-Type or Origin', async ({ request }) => {
  const started = await request.post('/api/drafts', { data: { slug: 'community-safety-residents' } });
  expect(started.status()).toBe(201);
  const { token } = await started.json();
  expect((await request.delete(`/api/drafts/${token}`)).status()).toBe(204);
  expect((await request.get(`/api/drafts/${token}`)).status()).toBe(404);
});
