// No stored value can abort the process. Rows holding a lone surrogate's
// escape ("\ud800") and NUL are written straight into the database, past
// every way in and the repair migration, and every reader that picks text out
// of stored JSON is run on them: json_extract would have decoded the escape
// into bytes that are not UTF-8, and the libSQL driver aborts on reading those.
import { randomUUID } from 'node:crypto';
import { sampleAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from './coding/code-outstanding';
import { trainingExamplesOf } from './coding/retrain-job';
import { demoSurvey } from './test/coding';
import { type FreshApi, freshApi, jsonOf } from './test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from './test/staff';

const MARK = 'MARK';
/** What MARK becomes in stored JSON text: the escapes a client's JSON.stringify writes. */
const RAW = '\\ud800 and nul\\u0000 end';
/** How every reader gives it back. */
const READ = '\uFFFD and nul end';
const ANSWERS = 24;
// Half about knives, half about lights, so both themes are counted (and quoted) rather than withheld.
const TEXTS = ['kids carry knives round here and I am scared', 'we need more street lights in the park'];

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let organisationId: string;
let analyst: Record<string, string>;
let second: Record<string, string>;
let collectionId: string;

const rows = async (sql: string, args: string[] = []) => (await api.database.client.execute({ sql, args })).rows;
const get = async (path: string, headers = analyst) => {
  const res = await api.app.request(path, { headers });
  expect(res.status, path).toBe(200);
  return res;
};

/** A definition as stored JSON text, with MARK in the title turned into raw escapes. */
const markedDefinition = (definition: object) => JSON.stringify({ ...definition, title: `Title ${MARK}`, summary: `Summary ${MARK}`, intro: [`Note ${MARK}`] }).replaceAll(MARK, RAW);

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  second = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  for (let i = 0; i < ANSWERS; i++) {
    const answers: Record<string, unknown> = sampleAnswers(survey.definition, i);
    for (const id of ['what_makes_unsafe', 'why_involved', 'what_would_help']) delete answers[id];
    const text = `${TEXTS[i % 2]} ${MARK} ${i}`;
    const res = await api.json('/api/responses', { versionId: survey.versionId, answers: { ...answers, what_makes_unsafe: text }, idempotencyKey: randomUUID() });
    expect(res.status).toBe(201);
  }
  await codeOutstanding(api.database, { limit: 100 });

  // Past every way in: the stored JSON gets the escapes themselves.
  const client = api.database.client;
  await client.execute({ sql: 'UPDATE responses SET answers = replace(answers, ?, ?)', args: [MARK, RAW] });
  const [v1] = await rows('SELECT questionnaire_id, definition FROM questionnaire_versions WHERE id = ?', [survey.versionId]);
  await client.execute({
    sql: 'INSERT INTO questionnaire_versions (id, questionnaire_id, version, definition) VALUES (?, ?, 2, ?)',
    args: [randomUUID(), String(v1?.questionnaire_id), markedDefinition(JSON.parse(String(v1?.definition)))]
  });
  collectionId = randomUUID();
  await client.batch(
    [
      { sql: "INSERT INTO questionnaires (id, organisation_id, slug, kind) VALUES (?, ?, ?, 'collection')", args: [collectionId, organisationId, `collection-${collectionId}`] },
      {
        sql: 'INSERT INTO questionnaire_versions (id, questionnaire_id, version, definition, published_at) VALUES (?, ?, 1, ?, ?)',
        args: [randomUUID(), collectionId, markedDefinition(survey.definition), Date.now()]
      }
    ],
    'write'
  );
  expect(await rows("SELECT count(*) AS n FROM responses WHERE answers LIKE '%\\ud800%'")).toEqual([expect.objectContaining({ n: ANSWERS })]);
});
afterAll(() => api.close());

describe('readers of stored JSON, on rows holding lone surrogates and NUL', () => {
  it('the review queue, and deciding an answer from it', async () => {
    const view = await jsonOf(await get(`/api/review/questionnaires/${survey.questionnaireId}?limit=20`));
    expect(view.items).toHaveLength(20);
    for (const item of view.items) expect(item.text).toContain(READ);
    const [item] = view.items;
    const decided = await api.json('/api/review/decisions', { responseId: item.responseId, questionId: item.questionId, themes: ['knives_weapons'] }, analyst);
    expect(decided.status).toBe(200);
  });

  it('retraining reads the decided answers', async () => {
    const examples = await trainingExamplesOf(api.database.db, organisationId);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example.text).toContain(READ);
  });

  it('double coding: the questionnaires to sample, the rounds and their items', async () => {
    const created = await api.json('/api/review/double-coding/rounds', { questionnaireId: survey.questionnaireId, name: 'Check', sampleSize: 10 }, analyst);
    expect(created.status).toBe(201);
    const { round } = await jsonOf(created);
    const listed = await jsonOf(await get('/api/review/double-coding/rounds'));
    expect(listed.questionnaires.find((q: { id: string }) => q.id === survey.questionnaireId)).toMatchObject({ title: `Title ${READ}` });
    expect(listed.rounds.find((r: { id: string }) => r.id === round.id)).toMatchObject({ questionnaireTitle: `Title ${READ}` });
    for (const headers of [analyst, second]) {
      const view = await jsonOf(await get(`/api/review/double-coding/rounds/${round.id}`, headers));
      expect(view.item.text).toContain(READ);
    }
  });

  it('the explorer, its quotes and its workbook export', async () => {
    const view = await jsonOf(await get(`/api/explore/${survey.questionnaireId}?theme=knives_weapons`));
    expect(view.quotes.length).toBeGreaterThan(0);
    for (const quote of view.quotes) expect(quote.text).toContain(READ);
    const workbook = await get(`/api/explore/${survey.questionnaireId}/workbook?theme=knives_weapons`);
    expect((await workbook.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('collections and the list of what can be explored', async () => {
    const { collections } = await jsonOf(await get('/api/collections'));
    expect(collections.find((c: { id: string }) => c.id === collectionId)).toMatchObject({ name: `Title ${READ}`, source: `Summary ${READ}`, note: `Note ${READ}` });
    const explorable = await jsonOf(await get('/api/explore-list'));
    expect(explorable.questionnaires.find((q: { id: string }) => q.id === collectionId)).toMatchObject({ title: `Title ${READ}` });
  });

  it('the process is still here and still reads the rows afterwards', async () => {
    expect((await api.app.request('/api/health')).status).toBe(200);
    const [row] = await rows("SELECT answers -> '$.what_makes_unsafe' AS text FROM responses LIMIT 1");
    expect(row?.text).toContain(RAW);
  });
});
