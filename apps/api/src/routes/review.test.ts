// The review queue: analysts see the answers the coder is least sure of
// first, redacted, with its suggestions; their decisions replace the answer's
// codes at once; the organisation's model is retrained from them in the
// background and then codes new answers differently.
import { randomUUID } from 'node:crypto';
import { codebooks, organisationSettings } from '@safer-voices/db';
import { sampleAnswers } from '@safer-voices/survey';
import { DEFAULT_CODEBOOK, retireTheme } from '@safer-voices/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { coderFor, forgetOrganisationCoder } from '../coding/organisation-coder';
import { runRetrainJob } from '../coding/retrain-job';
import { demoSurvey } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let organisationId: string;
let analyst: Record<string, string>;
let analystId: string;

const QUESTION = 'What makes you feel unsafe?';
const FREE_TEXT = ['what_makes_unsafe', 'why_involved', 'what_would_help'];

/** A response whose only free text is this answer to "What makes you feel unsafe?". */
async function submitUnsafe(text: string) {
  const answers: Record<string, unknown> = sampleAnswers(survey.definition, 0);
  for (const id of FREE_TEXT) delete answers[id];
  const res = await api.json('/api/responses', { versionId: survey.versionId, answers: { ...answers, what_makes_unsafe: text }, idempotencyKey: randomUUID() });
  expect(res.status).toBe(201);
  return String((await jsonOf(res)).id);
}

const rows = async (sql: string, args: (string | number)[] = []) => (await api.database.client.execute({ sql, args })).rows;
const queue = async (headers: Record<string, string>, query = 'limit=20') => api.app.request(`/api/review/questionnaires/${survey.questionnaireId}?${query}`, { headers });
const decide = (headers: Record<string, string>, body: unknown) => api.json('/api/review/decisions', body, headers);

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  organisationId = await demoOrganisationId(api);
  analystId = (await addStaff(api, organisationId, ['analyst'])).id;
  analyst = await bearerFor(api, analystId);
  await api.database.db.insert(organisationSettings).values({ organisationId, redactionTerms: ['Kingsmead Academy'], updatedAt: new Date() });
  for (const text of [
    'kids carry knives round here',
    'worried',
    'more police patrols at night',
    'I feel a bit worried near the park',
    'Boys from Kingsmead Academy carry knives, ring Sophie Smith on 07700 900123',
    'it kicks off on snap then they meet up'
  ]) {
    await submitUnsafe(text);
  }
  await codeOutstanding(api.database, { limit: 100 });
});
afterAll(() => api.close());

describe('the review queue', () => {
  it('puts answers needing review first, then the least certain, with redacted text and evidence', async () => {
    const res = await queue(analyst);
    expect(res.status).toBe(200);
    const view = await jsonOf(res);
    expect(view.items).toHaveLength(6);
    const order = view.items.map((i: { needsReview: boolean; certainty: number }) => [i.needsReview ? 0 : 1, i.certainty]);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).toEqual(sorted);
    // "worried" is weak evidence of fear: the coder asks for it to be checked, so it comes first.
    expect(view.items[0].needsReview).toBe(true);
    expect(view.items.at(-1).needsReview).toBe(false);
    // One count of what is left, made of the two parts the page names, so they add up.
    expect(view.counts).toMatchObject({ decided: 0, left: 6 });
    expect(view.counts.askedToCheck).toBe(view.items.filter((i: { needsReview: boolean }) => i.needsReview).length);
    expect(view.counts.askedToCheck + view.counts.notAskedToCheck).toBe(view.counts.left);

    const named = view.items.find((i: { text: string }) => i.text.includes('carry knives,'));
    expect(named.text).toBe('Boys from [redacted] carry knives, ring [name] on [phone]');
    expect(named.question).toBe(QUESTION);
    const knives = named.suggestions.find((s: { themeId: string }) => s.themeId === 'knives_weapons');
    expect(knives).toMatchObject({ label: 'Knives & weapons', decision: 'yes' });
    expect(knives.evidence.map((e: { start: number; end: number }) => named.text.slice(e.start, e.end))).toContain('knives');
    expect(JSON.stringify(view)).not.toContain('Sophie');
    expect(view.themes.map((t: { id: string }) => t.id)).toContain('environment');
  });

  it('carries on after a skipped answer', async () => {
    const first = (await jsonOf(await queue(analyst, 'limit=2'))).items;
    const next = await jsonOf(await queue(analyst, `after=${first[0].position}`));
    expect(next.items[0].responseId).toBe(first[1].responseId);
    expect(next.continued).toBe(true);
    expect((await queue(analyst, 'after=not-a-position')).status).toBe(400);
  });

  it('stores a decision and shows it in the answer codes at once', async () => {
    const [item] = (await jsonOf(await queue(analyst))).items;
    const res = await decide(analyst, { responseId: item.responseId, questionId: item.questionId, themes: ['fear', 'environment'] });
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).decision.themes).toEqual(['fear', 'environment']);
    const codes = await rows('SELECT theme_id, decision, confidence, model_version FROM answer_codes WHERE response_id = ? AND question_id = ? ORDER BY theme_id', [item.responseId, item.questionId]);
    expect(codes).toEqual([
      expect.objectContaining({ theme_id: 'environment', decision: 'yes', confidence: 1, model_version: 'analyst' }),
      expect.objectContaining({ theme_id: 'fear', decision: 'yes', confidence: 1, model_version: 'analyst' })
    ]);
    const marker = await rows('SELECT certainty, needs_review FROM coded_answers WHERE response_id = ?', [item.responseId]);
    expect(marker[0]).toMatchObject({ certainty: 1, needs_review: 0 });
    const view = await jsonOf(await queue(analyst));
    expect(view.items.map((i: { responseId: string }) => i.responseId)).not.toContain(item.responseId);
    expect(view.counts).toMatchObject({ decided: 1, left: 5 });
    expect(await rows("SELECT detail FROM audit_log WHERE action = 'review.decided' AND actor_staff_id = ?", [analystId])).toHaveLength(1);

    // A later decision on the same answer replaces the earlier one.
    await decide(analyst, { responseId: item.responseId, questionId: item.questionId, themes: [] });
    expect(await rows('SELECT themes FROM review_decisions WHERE response_id = ?', [item.responseId])).toEqual([expect.objectContaining({ themes: '[]' })]);
    expect(await rows('SELECT * FROM answer_codes WHERE response_id = ?', [item.responseId])).toHaveLength(0);
  });

  it('refuses a theme the organisation does not have, storing nothing', async () => {
    const [item] = (await jsonOf(await queue(analyst))).items;
    const before = await rows('SELECT theme_id, decision FROM answer_codes WHERE response_id = ? ORDER BY theme_id', [item.responseId]);
    const decisions = await api.count('review_decisions');
    const res = await decide(analyst, { responseId: item.responseId, questionId: item.questionId, themes: ['fear', 'aliens'] });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues).toEqual([{ field: 'themes.1', message: expect.stringContaining('aliens') }]);
    expect(await api.count('review_decisions')).toBe(decisions);
    expect(await rows('SELECT theme_id, decision FROM answer_codes WHERE response_id = ? ORDER BY theme_id', [item.responseId])).toEqual(before);
  });

  it("answers another organisation's analyst as if the answer did not exist", async () => {
    const [item] = (await jsonOf(await queue(analyst))).items;
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere VRP'), ['analyst'])).id);
    expect((await decide(elsewhere, { responseId: item.responseId, questionId: item.questionId, themes: [] })).status).toBe(404);
    expect((await queue(elsewhere)).status).toBe(404);
    expect(await rows('SELECT * FROM review_decisions WHERE response_id = ?', [item.responseId])).toHaveLength(0);
  });

  it('is for analysts and admins: a safeguarding lead alone is refused', async () => {
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await queue(lead)).status).toBe(403);
    expect((await decide(lead, { responseId: 'x', questionId: 'y', themes: [] })).status).toBe(403);
    expect((await api.app.request('/api/review/model', { headers: lead })).status).toBe(403);
    const leadAndAnalyst = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead', 'analyst'])).id);
    expect((await queue(leadAndAnalyst)).status).toBe(200);
    const admin = await bearerFor(api, (await addStaff(api, organisationId, ['admin'])).id);
    expect((await queue(admin)).status).toBe(200);
  });
});

describe('retraining the organisation model', () => {
  // The codebook has no word for a quarry, so "the old quarry…" gets no theme.
  // Analysts keep saying it is about the environment; after retraining, the
  // organisation's coder says so too.
  const QUARRY = (i: number) => `the old quarry ${['after school', 'at night', 'on weekends', 'near the woods', 'by the farm'][i % 5]} ${i}`;
  const OTHERS = ['more police patrols at night', 'bring back the youth club', 'people get bullied on snapchat', 'drug dealers by the park', 'kids carry knives round here'];

  it('is refused with too few decisions', async () => {
    const other = await addOrganisation(api, 'Small VRP');
    const smallAnalyst = await bearerFor(api, (await addStaff(api, other, ['analyst'])).id);
    const res = await api.json('/api/review/retrain', {}, smallAnalyst);
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).error).toBe('too_few_decisions');
  });

  it('trains a model from decisions in the background, which then codes corrected answers differently', async () => {
    const target = 'the old quarry near the canal';
    const before = (await coderFor(api.database.db, organisationId)).code(target, { question: QUESTION });
    expect(before.themes.filter((t) => t.decision === 'yes')).toEqual([]);

    const quarry: string[] = [];
    const others: string[] = [];
    for (let i = 0; i < 30; i++) quarry.push(await submitUnsafe(QUARRY(i)));
    for (let i = 0; i < 15; i++) others.push(await submitUnsafe(`${OTHERS[i % OTHERS.length]} ${i}`));
    await codeOutstanding(api.database, { limit: 100 });

    const queued: boolean[] = [];
    for (const id of quarry) {
      const res = await decide(analyst, { responseId: id, questionId: 'what_makes_unsafe', themes: ['environment'] });
      expect(res.status).toBe(200);
      queued.push((await jsonOf(res)).retrainingQueued);
    }
    for (const id of others) {
      const coded = await rows("SELECT theme_id FROM answer_codes WHERE response_id = ? AND decision = 'yes'", [id]);
      await decide(analyst, { responseId: id, questionId: 'what_makes_unsafe', themes: coded.map((r) => String(r.theme_id)) });
    }
    // The 25th new decision queued a retraining; nothing was trained on the request path.
    expect(queued.indexOf(true)).toBeGreaterThanOrEqual(0);
    expect(queued.filter(Boolean)).toHaveLength(1);
    expect(await api.count('organisation_models')).toBe(0);
    const waiting = (await jsonOf(await api.app.request('/api/review/model', { headers: analyst }))).model;
    expect(waiting).toMatchObject({ model: null, retraining: { status: 'queued' } });

    const job = await runRetrainJob(api.database);
    expect(job?.status).toBe('done');
    const { model } = await jsonOf(await api.app.request('/api/review/model', { headers: analyst }));
    const decisions = Number((await rows('SELECT count(*) AS n FROM review_decisions WHERE organisation_id = ?', [organisationId]))[0]?.n);
    expect(model).toMatchObject({ model: { version: expect.stringMatching(/^model-/), examples: decisions, inUse: true }, newDecisions: 0, retraining: { status: 'done' } });

    const after = (await coderFor(api.database.db, organisationId)).code(target, { question: QUESTION });
    expect(after.modelVersion).toBe(model.model.version);
    expect(after.themes.find((t) => t.id === 'environment')?.decision).toBe('yes');

    // A new answer is coded on arrival with the organisation's model.
    const fresh = await submitUnsafe(target);
    await codeOutstanding(api.database, { limit: 100 });
    expect(await rows("SELECT theme_id, model_version FROM answer_codes WHERE response_id = ? AND decision = 'yes'", [fresh])).toEqual([
      expect.objectContaining({ theme_id: 'environment', model_version: model.model.version })
    ]);
    // Other answers keep their meaning: knives are still knives.
    expect(after.themes.filter((t) => t.decision === 'yes').map((t) => t.id)).toEqual(['environment']);
    const knives = (await coderFor(api.database.db, organisationId)).code('kids carry knives round here', { question: QUESTION });
    expect(knives.themes.find((t) => t.id === 'knives_weapons')?.decision).toBe('yes');
  });

  it('queues a retraining on request, once, and re-coding keeps the analysts’ decisions', async () => {
    const first = await api.json('/api/review/retrain', {}, analyst);
    expect(first.status).toBe(202);
    const again = await api.json('/api/review/retrain', {}, analyst);
    expect(again.status).toBe(200);
    expect((await jsonOf(again)).model.retraining.id).toBe((await jsonOf(first)).model.retraining.id);
    expect(await rows("SELECT * FROM audit_log WHERE action = 'review.retrain_requested' AND actor_staff_id = ?", [analystId])).toHaveLength(2);
    await runRetrainJob(api.database);

    const decided = await rows('SELECT response_id, themes FROM review_decisions WHERE themes = \'["environment"]\' LIMIT 1');
    const recode = await api.json('/api/coding/jobs', { questionnaireId: survey.questionnaireId }, analyst);
    expect(recode.status).toBe(201);
    const { runRecodeChunk } = await import('../coding/recode-job');
    while ((await runRecodeChunk(api.database, { limit: 100 }))?.status === 'running') {}
    expect(await rows('SELECT theme_id, model_version FROM answer_codes WHERE response_id = ?', [String(decided[0]?.response_id)])).toEqual([
      expect.objectContaining({ theme_id: 'environment', model_version: 'analyst' })
    ]);
  });

  it("says when a change to the codebook's themes leaves the model unused until it is retrained", async () => {
    await api.database.db.insert(codebooks).values({ id: randomUUID(), organisationId, version: 1, codebook: retireTheme(DEFAULT_CODEBOOK, 'bullying') });
    forgetOrganisationCoder(organisationId);
    const { model } = await jsonOf(await api.app.request('/api/review/model', { headers: analyst }));
    expect(model.model.inUse).toBe(false);
    expect((await coderFor(api.database.db, organisationId)).modelVersion).toBe('codebook-only');
    // Retraining with the new codebook brings a model back into use.
    expect((await api.json('/api/review/retrain', {}, analyst)).status).toBe(202);
    await runRetrainJob(api.database);
    expect((await jsonOf(await api.app.request('/api/review/model', { headers: analyst }))).model.model.inUse).toBe(true);
  });
});
