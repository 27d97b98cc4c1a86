import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from './helpers';

test('pages forbid inline scripts and framing, and still work', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const res = await page.goto('/s/youth-safety-11-19');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await page.getByRole('button', { name: /Start now/ }).click();
  await page.waitForLoadState('load');
  expect(blocked).toEqual([]);
});

test('API answers are never cached and are inert in a browser: reads, downloads and errors', async ({ request }) => {
  const login = async (email: string) => {
    const res = await request.post('/api/auth/login', { data: { email, password: DEMO_STAFF.password, mode: 'bearer' } });
    return { authorization: `Bearer ${(await res.json()).token}` };
  };
  const lead = await login(DEMO_STAFF.safeguarding.email);
  const analyst = await login(DEMO_STAFF.analyst.email);
  const { questionnaires } = await (await request.get('/api/explore-list', { headers: analyst })).json();
  const surveyId = questionnaires.find((q: { kind: string }) => q.kind === 'survey').id;
  const answers = {
    questionnaire: await request.get('/api/questionnaires/youth-safety-11-19'),
    flags: await request.get('/api/safeguarding/flags', { headers: lead }),
    review: await request.get(`/api/review/questionnaires/${surveyId}`, { headers: analyst }),
    workbook: await request.get(`/api/explore/${surveyId}/workbook`, { headers: analyst }),
    badRequest: await request.post('/api/auth/login', { data: {} }),
    signInNeeded: await request.get('/api/safeguarding/flags'),
    notFound: await request.get('/api/no-such-thing')
  };
  expect(Object.values(answers).map((res) => res.status())).toEqual([200, 200, 200, 200, 400, 401, 404]);
  for (const [name, res] of Object.entries(answers)) {
    const headers = res.headers();
    expect(headers['cache-control'], name).toBe('no-store');
    expect(headers['x-content-type-options'], name).toBe('nosniff');
    expect(headers['x-frame-options'], name).toBe('DENY');
    expect(headers['content-security-policy'], name).toContain("default-src 'none'");
  }
});
