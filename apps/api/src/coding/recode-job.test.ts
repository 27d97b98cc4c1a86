// Re-coding jobs: started by staff of the questionnaire's organisation, done
// in chunks, and carried on from the cursor after a restart.
import { openDatabase } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coder } from '@safer-voices/themes';
import { countingCoder, demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { codeOutstanding } from './code-outstanding';
import { JOB_LEASE_MS, JobLeases } from './job-lease';
import { runRecodeChunk } from './recode-job';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let officer: Record<string, string>;
const RESPONSES = 25;

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  officer = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['officer'])).id);
  for (let i = 0; i < RESPONSES; i++) await submitWith(api, survey, { what_makes_unsafe: `gangs near the station ${i}` }, i % 3);
  await codeOutstanding(api.database, { limit: 1000 });
});
afterAll(() => api.close());

const progress = async (id: string, headers = officer) => jsonOf(await api.app.request(`/api/coding/jobs/${id}`, { headers }));

describe('re-coding a questionnaire', () => {
  it('is refused to roles that do not analyse, and hidden from other organisations', async () => {
    const author = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['author'])).id);
    expect((await api.json('/api/coding/jobs', { questionnaireId: survey.questionnaireId }, author)).status).toBe(403);
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere VRP'), ['analyst'])).id);
    expect((await api.json('/api/coding/jobs', { questionnaireId: survey.questionnaireId }, elsewhere)).status).toBe(404);
  });

  it('re-codes every answer exactly once with the new coder, resuming after a restart', async () => {
    const res = await api.json('/api/coding/jobs', { questionnaireId: survey.questionnaireId }, officer);
    expect(res.status).toBe(201);
    const { job } = await jsonOf(res);
    expect(job).toMatchObject({ status: 'queued', done: 0, total: RESPONSES, secondsLeft: null });

    const { coder, calls } = countingCoder('model-recode-test');
    await runRecodeChunk(api.database, { limit: 10, coder });
    await runRecodeChunk(api.database, { limit: 10, coder });
    const halfway = (await progress(job.id)).job;
    expect(halfway).toMatchObject({ status: 'running', done: 20, total: RESPONSES });
    expect(typeof halfway.secondsLeft).toBe('number');
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Other VRP'), ['admin'])).id);
    expect((await api.app.request(`/api/coding/jobs/${job.id}`, { headers: elsewhere })).status).toBe(404);

    // A restart: a new process opens the same database file and, once the stopped one's lease has run out, carries on.
    const reopened = await openDatabase(api.database.url);
    const restarted = { leases: new JobLeases(), now: new Date(Date.now() + JOB_LEASE_MS) };
    try {
      expect(await runRecodeChunk(reopened, { limit: 10, coder, leases: restarted.leases })).toBeNull();
      while ((await runRecodeChunk(reopened, { limit: 10, coder, ...restarted })) !== null) {}
    } finally {
      reopened.close();
    }
    expect((await progress(job.id)).job).toMatchObject({ status: 'done', done: RESPONSES, total: RESPONSES, secondsLeft: 0 });

    const coded = await api.database.client.execute({
      sql: `SELECT c.model_version, count(*) AS n FROM coded_answers c JOIN responses r ON r.id = c.response_id
            JOIN questionnaire_versions v ON v.id = r.version_id WHERE v.questionnaire_id = ? GROUP BY c.model_version`,
      args: [survey.questionnaireId]
    });
    expect(coded.rows).toHaveLength(1);
    expect(coded.rows[0]?.model_version).toBe('model-recode-test');
    // Every free-text answer went through the coder once: none skipped, none repeated across the restart.
    expect(calls).toHaveLength(Number(coded.rows[0]?.n));
    expect(calls.filter((text) => text.startsWith('gangs near the station'))).toHaveLength(RESPONSES);
  });

  it('finishes when the coder fails on one answer, which keeps the coding it had', async () => {
    const { job } = await jsonOf(await api.json('/api/coding/jobs', { questionnaireId: survey.questionnaireId }, officer));
    const { coder: counting } = countingCoder('model-after-a-failure');
    const poison = 'gangs near the station 7';
    const coder: Coder = {
      ...counting,
      code(text, context) {
        if (text === poison) throw new RangeError('Maximum call stack size exceeded');
        return counting.code(text, context);
      }
    };
    while ((await runRecodeChunk(api.database, { limit: 10, coder })) !== null) {}
    expect((await progress(job.id)).job).toMatchObject({ status: 'done', done: RESPONSES, total: RESPONSES, error: null });

    const rows = await api.database.client.execute({
      sql: `SELECT json_extract(r.answers, '$.what_makes_unsafe') AS text, c.model_version, c.error FROM coded_answers c JOIN responses r ON r.id = c.response_id
            JOIN questionnaire_versions v ON v.id = r.version_id WHERE v.questionnaire_id = ? AND c.question_id = 'what_makes_unsafe'`,
      args: [survey.questionnaireId]
    });
    const poisoned = rows.rows.filter((r) => r.text === poison);
    // Coded before by the first job's coder; a failed re-coding loses nothing.
    expect(poisoned).toEqual([expect.objectContaining({ model_version: 'model-recode-test', error: null })]);
    const others = rows.rows.filter((r) => r.text !== poison);
    expect(others).toHaveLength(RESPONSES - 1);
    expect(new Set(others.map((r) => r.model_version))).toEqual(new Set(['model-after-a-failure']));
  });
});
