// Coding on arrival: a submission is acknowledged exactly as before, and the
// background coder codes its free text afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { startBackgroundCoder } from './background-coder';
import { codeOutstanding } from './code-outstanding';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
});
afterAll(() => api.close());

const rowsOf = async (sql: string, args: string[]) => (await api.database.client.execute({ sql, args })).rows;

describe('coding on arrival', () => {
  it('codes a submitted free-text answer without changing the submission response', async () => {
    const res = await submitWith(api, survey, { what_makes_unsafe: 'older lads get kids to run packages to Taunton on the train' });
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(Object.keys(body).sort()).toEqual(['id', 'replayed', 'submittedAt', 'versionId']);
    // Nothing is coded on the ingest path.
    expect(await rowsOf('SELECT * FROM coded_answers WHERE response_id = ?', [body.id])).toHaveLength(0);

    const chunk = await codeOutstanding(api.database, { limit: 200 });
    expect(chunk.responses).toBeGreaterThanOrEqual(1);
    const codes = await rowsOf('SELECT theme_id, decision, evidence, model_version FROM answer_codes WHERE response_id = ? AND question_id = ?', [body.id, 'what_makes_unsafe']);
    expect(codes).toContainEqual(expect.objectContaining({ theme_id: 'county_lines', decision: 'yes' }));
    const marker = await rowsOf('SELECT codebook_version, model_version FROM coded_answers WHERE response_id = ? AND question_id = ?', [body.id, 'what_makes_unsafe']);
    expect(marker[0]).toMatchObject({ codebook_version: 'default@1' });
    // Coded once: a second pass finds nothing left.
    expect((await codeOutstanding(api.database)).responses).toBe(0);
  });

  it('flags "my stepdad hits me" for the questionnaire organisation', async () => {
    const body = await jsonOf(await submitWith(api, survey, { why_involved: 'my stepdad hits me' }));
    await codeOutstanding(api.database);
    const flags = await rowsOf('SELECT f.status, f.organisation_id, q.organisation_id AS owner FROM safeguarding_flags f, questionnaires q WHERE f.response_id = ? AND q.id = ?', [
      body.id,
      survey.questionnaireId
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.status).toBe('new');
    expect(flags[0]?.organisation_id).toBe(flags[0]?.owner);
  });

  it('weighs the past by who wrote it: recent from a young person, their childhood from an adult', async () => {
    const text = 'when i was 13 a man groped me on the bus';
    const youth = survey;
    const residents = await demoSurvey(api, 'community-safety-residents');
    const only = (s: typeof survey) => ({
      ...Object.fromEntries(
        s.definition.pages
          .flatMap((p) => p.questions)
          .filter((q) => q.type === 'text' || q.type === 'longtext')
          .map((q) => [q.id, ''])
      ),
      what_makes_unsafe: text
    });
    const fromYouth = (await jsonOf(await submitWith(api, youth, only(youth)))).id;
    const fromAdult = (await jsonOf(await submitWith(api, residents, only(residents)))).id;
    await codeOutstanding(api.database);
    expect(await rowsOf('SELECT tier FROM safeguarding_flags WHERE response_id = ?', [fromYouth])).toEqual([expect.objectContaining({ tier: 'possible' })]);
    expect(await rowsOf('SELECT tier FROM safeguarding_flags WHERE response_id = ?', [fromAdult])).toEqual([]);
    expect(await rowsOf('SELECT error FROM coded_answers WHERE response_id = ?', [fromAdult])).toEqual([expect.objectContaining({ error: null })]);
  });

  it('puts an answer in a language the detector cannot read before a person, on a questionnaire for young people', async () => {
    const welsh = 'Mae fy nhad yn fy nharo i ac mae ofn arna i fynd adref';
    const fromYouth = (await jsonOf(await submitWith(api, survey, { why_involved: welsh }))).id;
    const english = (await jsonOf(await submitWith(api, survey, { why_involved: 'more youth clubs and things to do in the evening' }))).id;
    const residents = await demoSurvey(api, 'community-safety-residents');
    const fromAdult = (await jsonOf(await submitWith(api, residents, { what_makes_unsafe: welsh }))).id;
    await codeOutstanding(api.database);
    expect(await rowsOf('SELECT tier, evidence FROM safeguarding_flags WHERE response_id = ?', [fromYouth])).toEqual([expect.objectContaining({ tier: 'unchecked', evidence: '[]' })]);
    expect(await rowsOf('SELECT tier FROM safeguarding_flags WHERE response_id = ?', [english])).toEqual([]);
    // As for an answer the coder failed on: on an adults' questionnaire, not flagged.
    expect(await rowsOf('SELECT tier FROM safeguarding_flags WHERE response_id = ?', [fromAdult])).toEqual([]);
  });

  it('marks responses without free text as looked at, so they are not read again', async () => {
    const res = await submitWith(api, survey, {});
    const { id } = await jsonOf(res);
    await codeOutstanding(api.database);
    expect(await rowsOf('SELECT * FROM coded_responses WHERE response_id = ?', [id])).toHaveLength(1);
  });

  it('runs in the background until stopped', async () => {
    const { id } = await jsonOf(await submitWith(api, survey, { what_would_help: 'more youth clubs and things to do in the evening' }));
    const coder = startBackgroundCoder(api.database, { intervalMs: 20 });
    try {
      await expect.poll(async () => (await rowsOf("SELECT * FROM coded_answers WHERE response_id = ? AND question_id = 'what_would_help'", [id])).length, { timeout: 4000 }).toBe(1);
    } finally {
      await coder.stop();
    }
  });
});
