// Every API answer is kept out of caches and is inert in a browser tab:
// successes, downloads, refusals and errors alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from './test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from './test/staff';

let api: FreshApi;
let analyst: Record<string, string>;
let lead: Record<string, string>;
let surveyId: string;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
  const list = await jsonOf(await api.app.request('/api/explore-list', { headers: analyst }));
  surveyId = list.questionnaires.find((q: { kind: string }) => q.kind === 'survey').id;
});
afterAll(() => api.close());

function expectHardened(res: Response) {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
}

describe('headers on every API answer', () => {
  it('on public reads: the questionnaires and the health check', async () => {
    for (const path of ['/api/questionnaires', '/api/questionnaires/youth-safety-11-19', '/api/health']) {
      const res = await api.app.request(path);
      expect(res.status, path).toBe(200);
      expectHardened(res);
    }
  });

  it('on the safeguarding queue, review and the explorer', async () => {
    const flags = await api.app.request('/api/safeguarding/flags', { headers: lead });
    expect(flags.status).toBe(200);
    expectHardened(flags);
    const review = await api.app.request(`/api/review/questionnaires/${surveyId}`, { headers: analyst });
    expect(review.status).toBe(200);
    expectHardened(review);
    const explore = await api.app.request(`/api/explore/${surveyId}`, { headers: analyst });
    expect(explore.status).toBe(200);
    expectHardened(explore);
  });

  it('on the workbook download', async () => {
    const res = await api.app.request(`/api/explore/${surveyId}/workbook`, { headers: analyst });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expectHardened(res);
  });

  it('on refusals and errors: 400, malformed JSON, 401, 403, 404 inside and outside /api', async () => {
    const answers = [
      await api.json('/api/auth/login', {}),
      await api.json('/api/responses', '{"versionId":'),
      await api.app.request('/api/safeguarding/flags'),
      await api.app.request('/api/safeguarding/flags', { headers: analyst }),
      await api.app.request('/api/no-such-thing'),
      await api.app.request('/no-such-thing')
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 400, 401, 403, 404, 404]);
    for (const res of answers) expectHardened(res);
  });
});
