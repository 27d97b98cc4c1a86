import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@safer-voices/db';
import { SUPPRESSION_THRESHOLD } from '@safer-voices/insights';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { addOrganisation, addStaff, bearerFor } from '../../test/staff';
import { READERS } from './shared';

let api: FreshApi;
let organisationId: string;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  organisationId = await addOrganisation(api, 'Counting VRP');
  officer = await officerHeaders(api, organisationId);
});
afterAll(() => api.close());

const get = async (path: string, headers: Record<string, string>) => jsonOf(await api.app.request(path, { headers }));

/** Responses stored straight into the database: what is counted matters here, not how they arrived. */
async function addResponses(versionId: string, n: number) {
  for (let i = 0; i < n; i++) {
    await api.database.client.execute({
      sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES (?, ?, ?, ?, ?)',
      args: [randomUUID(), versionId, randomUUID(), '{}', Date.now()]
    });
  }
}

async function publishedQuestionnaire() {
  const created = await createFromTemplate(api, officer);
  const published = await jsonOf(await api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer));
  return { id: created.questionnaire.id as string, versionId: published.versions[0].id as string };
}

/** A second version, published, to answer. */
async function publishSecondVersion(id: string) {
  const details = await get(designerPath(id), officer);
  const definition = { ...details.working.definition, title: `${details.working.definition.title}, second wave` };
  await api.json(designerPath(id, '/draft'), { definition }, officer, 'PUT');
  const published = await jsonOf(await api.json(designerPath(id, '/publish'), {}, officer));
  return published.versions[0].id as string;
}

describe('response counts in the designer', () => {
  it(`show no count from 1 to ${SUPPRESSION_THRESHOLD - 1} to any staff role, in the list or the details`, async () => {
    const { id, versionId } = await publishedQuestionnaire();
    const everyone = await Promise.all(READERS.map(async (role: StaffRole) => bearerFor(api, (await addStaff(api, organisationId, [role])).id)));
    for (let n = 1; n < SUPPRESSION_THRESHOLD; n++) {
      await addResponses(versionId, 1);
      for (const headers of everyone) {
        const list = await get('/api/designer/questionnaires', headers);
        const details = await get(designerPath(id), headers);
        expect(list.questionnaires.find((q: { id: string }) => q.id === id).responses).toEqual({ fewerThan: SUPPRESSION_THRESHOLD });
        expect(details.questionnaire.responses).toEqual({ fewerThan: SUPPRESSION_THRESHOLD });
        expect(details.versions[0].responses).toEqual({ fewerThan: SUPPRESSION_THRESHOLD });
        expect(JSON.stringify([list, details])).not.toMatch(new RegExp(`"(responses|count)":${n}\\b`));
      }
    }
  }, 60_000);

  it('show none, and counts from the threshold up', async () => {
    const { id, versionId } = await publishedQuestionnaire();
    expect((await get(designerPath(id), officer)).questionnaire.responses).toEqual({ count: 0 });
    await addResponses(versionId, SUPPRESSION_THRESHOLD);
    const details = await get(designerPath(id), officer);
    expect(details.questionnaire.responses).toEqual({ count: SUPPRESSION_THRESHOLD });
    expect(details.versions[0].responses).toEqual({ count: SUPPRESSION_THRESHOLD });
  });

  it('hide every version’s count while a small one could be worked out from the total', async () => {
    const { id, versionId: first } = await publishedQuestionnaire();
    await addResponses(first, 12);
    const second = await publishSecondVersion(id);
    await addResponses(second, 3);
    const details = await get(designerPath(id), officer);
    expect(details.questionnaire.responses).toEqual({ count: 15 });
    expect(details.versions.map((v: { responses: unknown }) => v.responses)).toEqual([{ hidden: true }, { hidden: true }]);
    await addResponses(second, 7);
    expect((await get(designerPath(id), officer)).versions.map((v: { responses: unknown }) => v.responses)).toEqual([{ count: 10 }, { count: 12 }]);
  });

  it('follow an organisation’s higher threshold', async () => {
    const { id, versionId } = await publishedQuestionnaire();
    await api.database.client.execute({ sql: 'INSERT INTO organisation_settings (organisation_id, suppression_threshold, updated_at) VALUES (?, 20, ?)', args: [organisationId, Date.now()] });
    await addResponses(versionId, 15);
    expect((await get(designerPath(id), officer)).questionnaire.responses).toEqual({ fewerThan: 20 });
  });
});
