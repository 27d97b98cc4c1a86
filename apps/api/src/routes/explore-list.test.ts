// The analysis home's list: published surveys and collections of the
// organisation, response counts only from the threshold up, roles and scoping.
import { randomUUID } from 'node:crypto';
import { organisationSettings, questionnaires, questionnaireVersions } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import type { ExploreListItem } from './explore-list';

let api: FreshApi;
let organisationId: string;
let analyst: Record<string, string>;
let youthId: string;
let childrenId: string;
let collectionId: string;

const list = (headers: Record<string, string>, query = '') => api.app.request(`/api/explore-list${query}`, { headers });
const item = (body: { questionnaires: ExploreListItem[] }, id: string) => body.questionnaires.find((q) => q.id === id);

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  const youth = await demoSurvey(api);
  youthId = youth.questionnaireId;
  for (let i = 0; i < 12; i++) expect((await submitWith(api, youth, {}, i)).status).toBe(201);
  const children = await demoSurvey(api, 'feeling-safe-8-11');
  childrenId = children.questionnaireId;
  for (let i = 0; i < 3; i++) expect((await submitWith(api, children, {}, i)).status).toBe(201);

  collectionId = randomUUID();
  const db = api.database.db;
  await db.batch([
    db.insert(questionnaires).values({ id: collectionId, organisationId, slug: `listening-${collectionId.slice(0, 8)}`, kind: 'collection' }),
    db.insert(questionnaireVersions).values({
      id: randomUUID(),
      questionnaireId: collectionId,
      version: 1,
      definition: { title: 'Youth forum notes', pages: [{ id: 'p', questions: [{ id: 'note', type: 'longtext', label: 'Note' }] }] }
    })
  ]);
});
afterAll(() => api.close());

describe('GET /api/explore-list', () => {
  it('lists published surveys and collections with their kind, and counts responses only from the threshold up', async () => {
    const res = await list(analyst);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.organisationId).toBe(organisationId);
    expect(body.threshold).toBe(10);
    expect(item(body, youthId)).toEqual({ id: youthId, title: "Young people's safety survey", kind: 'survey', versions: 1, responses: 12 });
    expect(item(body, childrenId)).toMatchObject({ kind: 'survey', responses: null }); // 3 responses
    expect(item(body, collectionId)).toEqual({ id: collectionId, title: 'Youth forum notes', kind: 'collection', versions: 1, responses: null });
  });

  it('leaves out surveys that were never published', async () => {
    const officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
    const created = await jsonOf(await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: 'Not yet published' } }, officer));
    const body = await jsonOf(await list(analyst));
    expect(item(body, created.questionnaire.id)).toBeUndefined();
    expect(body.questionnaires.map((q: { title: string }) => q.title)).not.toContain('Not yet published');
  });

  it("uses the organisation's own threshold", async () => {
    const db = api.database.db;
    await db.insert(organisationSettings).values({ organisationId, suppressionThreshold: 15, updatedAt: new Date() });
    try {
      const body = await jsonOf(await list(analyst));
      expect(body.threshold).toBe(15);
      expect(item(body, youthId)?.responses).toBeNull();
    } finally {
      await api.database.client.execute({ sql: 'DELETE FROM organisation_settings WHERE organisation_id = ?', args: [organisationId] });
    }
  });

  it('is for analysts, officers, authors and admins only', async () => {
    expect((await api.app.request('/api/explore-list')).status).toBe(401);
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await list(lead)).status).toBe(403);
    for (const role of ['officer', 'author', 'admin'] as const) {
      const who = await bearerFor(api, (await addStaff(api, organisationId, [role])).id);
      expect((await list(who)).status).toBe(200);
    }
  });

  it("answers another organisation's list as if it did not exist, and shows nothing of it", async () => {
    const elsewhere = await addOrganisation(api, 'Elsewhere VRP');
    const outsider = await bearerFor(api, (await addStaff(api, elsewhere, ['analyst'])).id);
    const own = await jsonOf(await list(outsider));
    expect(own.questionnaires).toEqual([]);
    expect((await list(outsider, `?organisationId=${organisationId}`)).status).toBe(404);
    expect((await list(analyst, '?organisationId=')).status).toBe(400);
  });
});
