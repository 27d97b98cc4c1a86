import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';

let api: FreshApi;

beforeAll(async () => {
  api = await freshApi();
});
afterAll(() => api.close());

describe('GET /api/questionnaires/:slug', () => {
  it('names the organisation that runs the survey, so its confirmation page can link to its "You said, we did" list', async () => {
    const res = await api.app.request('/api/questionnaires/youth-safety-11-19');
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    const stored = await api.database.client.execute({
      sql: 'SELECT o.slug, o.name FROM organisations o JOIN questionnaires q ON q.organisation_id = o.id WHERE q.slug = ?',
      args: ['youth-safety-11-19']
    });
    expect(body.organisation).toEqual({ slug: stored.rows[0]?.slug, name: stored.rows[0]?.name });
    expect(body.organisation.slug).toBe('demo');
    expect(body.definition.title).toBeTruthy();
  });

  it('leaves the link off for a questionnaire that does not name it', async () => {
    const body = await jsonOf(await api.app.request('/api/questionnaires/youth-safety-11-19'));
    expect(body.definition.linkYouSaidWeDid).toBeUndefined();
  });

  it('answers an address with no published questionnaire as not found', async () => {
    const res = await api.app.request('/api/questionnaires/no-such-survey');
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error).toBe('questionnaire_not_found');
  });
});
