// Double coding: a random sample of coded answers, coded blind by two or more
// analysts, then compared theme by theme with Cohen's kappa.
import { randomUUID } from 'node:crypto';
import { sampleAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { demoSurvey } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let organisationId: string;
type Headers = Record<string, string>;
let ana: Headers;
let ben: Headers;
let dee: Headers;

const SAMPLE = 10;

async function submitUnsafe(text: string) {
  const answers: Record<string, unknown> = sampleAnswers(survey.definition, 0);
  for (const id of ['what_makes_unsafe', 'why_involved', 'what_would_help']) delete answers[id];
  const res = await api.json('/api/responses', { versionId: survey.versionId, answers: { ...answers, what_makes_unsafe: text }, idempotencyKey: randomUUID() });
  expect(res.status).toBe(201);
}

const analyst = async (name: string) => bearerFor(api, (await addStaff(api, organisationId, ['analyst'], `${name}-${randomUUID().slice(0, 6)}@test.example`)).id);
const get = (path: string, headers: Headers) => api.app.request(`/api/review/double-coding${path}`, { headers });
const createRound = (headers: Headers, body: unknown) => api.json('/api/review/double-coding/rounds', body, headers);
const label = (headers: Headers, roundId: string, item: { responseId: string; questionId: string }, themes: string[]) =>
  api.json(`/api/review/double-coding/rounds/${roundId}/labels`, { responseId: item.responseId, questionId: item.questionId, themes }, headers, 'PUT');

/** Code the next item blind; returns what the coder was shown. */
async function codeNext(headers: Headers, roundId: string, themesFor: (n: number) => string[]) {
  const view = await jsonOf(await get(`/rounds/${roundId}`, headers));
  const res = await label(headers, roundId, view.item, themesFor(view.item.number));
  expect(res.status).toBe(200);
  return view;
}

// The worked example: over 10 answers, Ana ticks "fear" on answers 1–5 and
// Ben on 1–4 and 6, so they agree on 8 of 10 with 50% "yes" each:
// po = 0.8, pe = 0.5·0.5 + 0.5·0.5 = 0.5, kappa = (0.8 − 0.5) / (1 − 0.5) = 0.6.
// Both tick "policing" on answers 1 and 2: kappa = 1.
const anaThemes = (n: number) => [...(n <= 5 ? ['fear'] : []), ...(n <= 2 ? ['policing'] : [])];
const benThemes = (n: number) => [...(n <= 4 || n === 6 ? ['fear'] : []), ...(n <= 2 ? ['policing'] : [])];

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  organisationId = await demoOrganisationId(api);
  [ana, ben, dee] = [await analyst('ana'), await analyst('ben'), await analyst('dee')];
  for (let i = 0; i < 12; i++) await submitUnsafe(`${['more police patrols at night', 'I feel scared walking home', 'kids carry knives round here'][i % 3]} (${i})`);
  await codeOutstanding(api.database, { limit: 100 });
});
afterAll(() => api.close());

describe('double-coding rounds', () => {
  it('refuses a sample larger than the coded answers, or too small, storing nothing', async () => {
    const tooBig = await createRound(ana, { questionnaireId: survey.questionnaireId, name: 'Too big', sampleSize: 13 });
    expect(tooBig.status).toBe(400);
    expect((await jsonOf(tooBig)).issues).toEqual([{ field: 'sampleSize', message: expect.stringContaining('Only 12 answers') }]);
    expect((await createRound(ana, { questionnaireId: survey.questionnaireId, name: 'Tiny', sampleSize: 2 })).status).toBe(400);
    expect((await createRound(ana, { questionnaireId: survey.questionnaireId, name: ' ', sampleSize: 5 })).status).toBe(400);
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere VRP'), ['analyst'])).id);
    expect((await createRound(elsewhere, { questionnaireId: survey.questionnaireId, name: 'Theirs', sampleSize: 5 })).status).toBe(404);
    expect(await api.count('double_coding_rounds')).toBe(0);
  });

  it('keeps coders blind, then gives kappa per theme for the worked example', async () => {
    const created = await createRound(ana, { questionnaireId: survey.questionnaireId, name: 'Spring check', sampleSize: SAMPLE });
    expect(created.status).toBe(201);
    const { round } = await jsonOf(created);
    expect(round).toMatchObject({ name: 'Spring check', sampleSize: SAMPLE, questionnaireTitle: expect.any(String), resultsReady: false });
    expect(await api.count('double_coding_items')).toBe(SAMPLE);

    // Dee starts first, codes one answer, and stops for now.
    await codeNext(dee, round.id, () => []);
    for (let i = 0; i < SAMPLE; i++) {
      const shown = await codeNext(ana, round.id, anaThemes);
      // A coder sees the answer, its question and the checklist: nothing the machine or anyone else chose.
      expect(Object.keys(shown.item).sort()).toEqual(['number', 'question', 'questionId', 'responseId', 'text']);
      expect(Object.keys(shown.round.coders[0]).sort()).toEqual(['done', 'finished', 'name', 'you']);
    }
    for (let i = 0; i < SAMPLE - 1; i++) await codeNext(ben, round.id, benThemes);

    // Ana has finished, Ben has not: nobody can read anyone's labels yet.
    const early = await get(`/rounds/${round.id}/results`, ana);
    expect(early.status).toBe(409);
    expect((await jsonOf(early)).error).toBe('results_not_ready');
    expect((await jsonOf(await get(`/rounds/${round.id}`, ana))).item).toBeNull();

    await codeNext(ben, round.id, benThemes);
    const res = await get(`/rounds/${round.id}/results`, ben);
    expect(res.status).toBe(200);
    const results = await jsonOf(res);
    expect(results.n).toBe(SAMPLE);
    const pair = results.comparisons.find((c: { kind: string }) => c.kind === 'analysts');
    const theme = (id: string) => pair.themes.find((t: { themeId: string }) => t.themeId === id);
    expect(theme('fear')).toMatchObject({ kappa: 0.6, description: 'moderate agreement', agreement: 0.8, firstCount: 5, secondCount: 5, n: SAMPLE });
    // SE = sqrt(0.8 · 0.2 / (10 · 0.5²)) = 0.253, so 0.6 − 1.96 · 0.253 = 0.10; the upper end is cut at 1.
    expect(theme('fear').lower).toBe(0.1);
    expect(theme('fear').upper).toBe(1);
    expect(theme('policing')).toMatchObject({ kappa: 1, description: 'almost perfect agreement', agreement: 1 });
    expect(theme('bullying')).toMatchObject({ kappa: null, undefinedBecause: expect.stringContaining('same choice'), n: SAMPLE });
    // 2 of 10 × 16 decisions differ; answers 5 and 6 got different sets.
    expect(pair.overall).toMatchObject({ agreement: 0.988, identical: 8 });
    expect(results.comparisons.filter((c: { kind: string }) => c.kind === 'machine')).toHaveLength(2);
    expect(results.comparisons.find((c: { kind: string }) => c.kind === 'machine').second).toBe('the coder');
  });

  it('shows results to someone still coding only when they finish, and closes the round to newcomers', async () => {
    const { rounds } = await jsonOf(await get('/rounds', ana));
    const round = rounds.find((r: { name: string }) => r.name === 'Spring check');
    expect(round).toMatchObject({ resultsReady: true, closed: true });

    const stillCoding = await get(`/rounds/${round.id}/results`, dee);
    expect(stillCoding.status).toBe(409);
    expect((await jsonOf(stillCoding)).error).toBe('finish_coding_first');

    const newcomer = await analyst('eve');
    const view = await jsonOf(await get(`/rounds/${round.id}`, newcomer));
    expect(view.item).toBeNull();
    const refused = await label(newcomer, round.id, { responseId: 'x', questionId: 'what_makes_unsafe' }, []);
    expect(refused.status).toBe(404);
    const firstItem = (await jsonOf(await get(`/rounds/${round.id}`, dee))).item;
    expect((await label(newcomer, round.id, firstItem, [])).status).toBe(409);

    for (let i = 0; i < SAMPLE - 1; i++) await codeNext(dee, round.id, () => []);
    const results = await jsonOf(await get(`/rounds/${round.id}/results`, dee));
    // Three analysts: three pairs, and each against the machine.
    expect(results.comparisons.filter((c: { kind: string }) => c.kind === 'analysts')).toHaveLength(3);
    expect(results.comparisons.filter((c: { kind: string }) => c.kind === 'machine')).toHaveLength(3);
  });

  it('is hidden from other organisations and from safeguarding leads', async () => {
    const { rounds } = await jsonOf(await get('/rounds', ana));
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Other VRP'), ['analyst'])).id);
    expect((await jsonOf(await get('/rounds', elsewhere))).rounds).toEqual([]);
    expect((await get(`/rounds/${rounds[0].id}`, elsewhere)).status).toBe(404);
    expect((await get(`/rounds/${rounds[0].id}/results`, elsewhere)).status).toBe(404);
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await get('/rounds', lead)).status).toBe(403);
  });
});
