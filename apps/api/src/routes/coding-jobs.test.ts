// Re-coding progress counts a questionnaire's responses, so it follows the
// rule for every such count: none shown from 1 to below the threshold.
import { SUPPRESSION_THRESHOLD } from '@safer-voices/insights';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecodeChunk } from '../coding/recode-job';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let analyst: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  analyst = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['analyst'])).id);
});
afterAll(() => api.close());

async function recode(slug: string, responses: number) {
  const survey = await demoSurvey(api, slug);
  for (let i = 0; i < responses; i++) expect((await submitWith(api, survey, {}, i)).status).toBe(201);
  const started = await api.json('/api/coding/jobs', { questionnaireId: survey.questionnaireId }, analyst);
  expect(started.status).toBe(201);
  return (await jsonOf(started)).job;
}

const progress = async (id: string) => (await jsonOf(await api.app.request(`/api/coding/jobs/${id}`, { headers: analyst }))).job;

describe('re-coding progress', () => {
  it(`shows no counts for a questionnaire with fewer than ${SUPPRESSION_THRESHOLD} responses, started or finished`, async () => {
    const job = await recode('feeling-safe-8-11', 3);
    expect(job).toMatchObject({ status: 'queued', done: null, total: null, fewerThan: SUPPRESSION_THRESHOLD });
    while (await runRecodeChunk(api.database)) {}
    const finished = await progress(job.id);
    expect(finished).toMatchObject({ status: 'done', done: null, total: null, fewerThan: SUPPRESSION_THRESHOLD });
    expect(JSON.stringify(finished)).not.toMatch(/"(done|total)":3\b/);
  });

  it('counts in responses from the threshold up', async () => {
    const job = await recode('community-safety-residents', SUPPRESSION_THRESHOLD);
    expect(job).toMatchObject({ status: 'queued', done: 0, total: SUPPRESSION_THRESHOLD, fewerThan: null });
  });
});
