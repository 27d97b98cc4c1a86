import { type QuestionnaireDefinition, sampleAnswers, visiblePages } from '@safer-voices/survey';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, type FreshApi, freshApi } from '../test/fresh-api';

let api: FreshApi;
let definition: QuestionnaireDefinition;

beforeAll(async () => {
  api = await freshApi();
  definition = (await await jsonOf(await api.app.request('/api/questionnaires/community-safety-residents'))).definition;
});
afterAll(() => api.close());

async function start() {
  const res = await api.json('/api/drafts', { slug: 'community-safety-residents' });
  expect(res.status).toBe(201);
  return (await jsonOf(res)) as { token: string; firstPageId: string };
}

const savePage = (token: string, pageId: string, answers: unknown) => api.json(`/api/drafts/${token}/pages/${pageId}`, { answers }, {}, 'PUT');

/** Answer every visible page in order, as the web journey does. */
async function answerAll(token: string, pick = 0) {
  const full = sampleAnswers(definition, pick);
  for (const page of visiblePages(definition, full)) {
    const answers = Object.fromEntries(page.questions.filter((q) => q.id in full).map((q) => [q.id, full[q.id]]));
    const res = await savePage(token, page.id, answers);
    expect(res.status, `page ${page.id}`).toBe(200);
  }
}

describe('drafts: answering page by page', () => {
  it('walks from the first page to a stored response, and deletes the draft', async () => {
    const { token, firstPageId } = await start();
    expect(firstPageId).toBe(definition.pages[0]?.id);
    await answerAll(token);
    const before = await api.count('responses');
    const res = await api.json(`/api/drafts/${token}/submit`, {});
    expect(res.status).toBe(201);
    expect(await api.count('responses')).toBe(before + 1);
    expect(await api.count('response_drafts')).toBe(0);
    expect((await api.app.request(`/api/drafts/${token}`)).status).toBe(404);
  });

  it('stores a double-clicked submission once', async () => {
    const { token } = await start();
    await answerAll(token, 1);
    const before = await api.count('responses');
    const [a, b] = await Promise.all([api.json(`/api/drafts/${token}/submit`, {}), api.json(`/api/drafts/${token}/submit`, {})]);
    const ids = [(await jsonOf(a)).id, (await jsonOf(b)).id];
    expect(ids[0]).toBe(ids[1]);
    expect(await api.count('responses')).toBe(before + 1);
  });

  it('answers ten simultaneous submissions with exactly one 201; the rest replay it with 200', async () => {
    const { token } = await start();
    await answerAll(token, 2);
    const before = await api.count('responses');
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.json(`/api/drafts/${token}/submit`, {})));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const bodies = await Promise.all(answers.map(jsonOf));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    expect(bodies.map((body) => body.replayed).filter((replayed) => !replayed)).toHaveLength(1);
    expect(await api.count('responses')).toBe(before + 1);
  });

  it('explains a missing required answer on a page and saves nothing from it', async () => {
    const { token } = await start();
    const required = definition.pages.find((p) => p.questions.some((q) => q.required && q.type === 'scale'));
    if (!required) throw new Error('template has a required scale question');
    const res = await savePage(token, required.id, {});
    expect(res.status).toBe(422);
    const body = await jsonOf(res);
    expect(body.issues[0].field).toBe(required.questions[0]?.id);
    const draft = await await jsonOf(await api.app.request(`/api/drafts/${token}`));
    expect(draft.answers).toEqual({});
  });

  it('refuses answers for questions that are not on the page', async () => {
    const { token, firstPageId } = await start();
    const res = await savePage(token, firstPageId, { what_would_help: 'lights' });
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues[0]).toMatchObject({ field: 'what_would_help' });
  });

  it('drops follow-up answers when a change hides them (skip logic)', async () => {
    const { token } = await start();
    await savePage(token, 'worry_crime', { worry_crime: 'yes' });
    const level = await savePage(token, 'worry_crime_level', { worry_crime_level: 'big_worry' });
    expect(level.status).toBe(200);
    const changed = await savePage(token, 'worry_crime', { worry_crime: 'no' });
    const body = await jsonOf(changed);
    expect(body.answers).toEqual({ worry_crime: 'no' });
    expect(body.nextPageId).not.toBe('worry_crime_level');
  });

  it('refuses a submission with unanswered required questions, listing each', async () => {
    const { token } = await start();
    const res = await api.json(`/api/drafts/${token}/submit`, {});
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues.length).toBeGreaterThan(0);
    expect(await api.count('response_drafts')).toBeGreaterThan(0);
  });

  it('forgets the answers when the respondent exits', async () => {
    const { token } = await start();
    expect((await api.app.request(`/api/drafts/${token}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api.app.request(`/api/drafts/${token}`)).status).toBe(404);
  });

  it('answers unknown tokens and pages with 404 and bad tokens with 400', async () => {
    const { token } = await start();
    expect((await savePage(token, 'no_such_page', {})).status).toBe(404);
    expect((await api.app.request('/api/drafts/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
    expect((await api.app.request('/api/drafts/short')).status).toBe(400);
    expect((await api.json('/api/drafts', { slug: 'no-such-survey' })).status).toBe(404);
  });
});

describe('drafts: one step of a page at a time (a grid row by row)', () => {
  const startYouth = async () => {
    const res = await api.json('/api/drafts', { slug: 'youth-safety-11-19' });
    expect(res.status).toBe(201);
    return ((await jsonOf(res)) as { token: string }).token;
  };
  const saveStep = (token: string, pageId: string, step: unknown, answers: unknown) => api.json(`/api/drafts/${token}/pages/${pageId}`, { answers, step }, {}, 'PUT');

  it('keeps a grid answered row by row as one answer keyed by row, in the grid’s order', async () => {
    const token = await startYouth();
    expect((await saveStep(token, 'places', 'safe_places.park', { safe_places: { park: 'very_safe' } })).status).toBe(200);
    const second = await saveStep(token, 'places', 'safe_places.town_centre', { safe_places: { town_centre: 'fairly_unsafe' } });
    expect(second.status).toBe(200);
    expect((await jsonOf(second)).answers).toEqual({ safe_places: { town_centre: 'fairly_unsafe', park: 'very_safe' } });
    // A row left blank is cleared; the other rows stay.
    const cleared = await saveStep(token, 'places', 'safe_places.park', {});
    expect((await jsonOf(cleared)).answers).toEqual({ safe_places: { town_centre: 'fairly_unsafe' } });
    const draft = await jsonOf(await api.app.request(`/api/drafts/${token}`));
    expect(draft.answers).toEqual({ safe_places: { town_centre: 'fairly_unsafe' } });
  });

  it('refuses another row’s answer, an unknown value, and a step the page does not have', async () => {
    const token = await startYouth();
    const other = await saveStep(token, 'places', 'safe_places.park', { safe_places: { park: 'very_safe', bus_station: 'very_safe' } });
    expect(other.status).toBe(422);
    expect((await jsonOf(other)).issues).toEqual([{ field: 'safe_places.bus_station', message: 'This question is not on this step' }]);
    const bad = await saveStep(token, 'places', 'safe_places.park', { safe_places: { park: 'sometimes' } });
    expect(bad.status).toBe(422);
    expect((await jsonOf(bad)).issues[0]).toMatchObject({ field: 'safe_places.park' });
    expect((await saveStep(token, 'places', 'safe_places.moon', {})).status).toBe(404);
    // A follow-up the answers so far do not show has no step yet.
    const hidden = await saveStep(token, 'avoid', 'avoid_places', {});
    expect(hidden.status).toBe(404);
    expect((await jsonOf(hidden)).error).toBe('step_not_found');
    expect((await jsonOf(await api.app.request(`/api/drafts/${token}`))).answers).toEqual({});
  });

  it('answers any step name, however odd, with 400 or 404 and stores nothing', async () => {
    const token = await startYouth();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 200 })), async (step) => {
        const res = await saveStep(token, 'places', step, {});
        expect([400, 404]).toContain(res.status);
      }),
      { numRuns: 60 }
    );
    expect((await jsonOf(await api.app.request(`/api/drafts/${token}`))).answers).toEqual({});
  });
});
