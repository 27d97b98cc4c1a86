// A disclosure a pupil has just sent reaches the safeguarding queue before the
// rows of a large imported file are coded: the coder reads what respondents
// have sent first, and works through an import's backlog after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { startBackgroundCoder } from './background-coder';
import { codeOutstanding } from './code-outstanding';

let api: FreshApi;

beforeAll(async () => {
  api = await freshApi();
});
afterAll(() => api.close());

const ROWS = 1000;

async function importPosts(headers: Record<string, string>) {
  const lines = ['comment', ...Array.from({ length: ROWS }, (_, i) => `"Post ${i}: the lights in the park are out again and people race bikes there at night"`)];
  const form = new FormData();
  form.append('file', new File([lines.join('\r\n')], 'posts.csv'));
  form.append('name', 'Community posts');
  form.append('textColumn', 'comment');
  const res = await api.app.request('/api/collections', { method: 'POST', body: form, headers: { ...headers, 'idempotency-key': 'posts-backlog' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await jsonOf(res)).collection.id as string;
}

describe('a disclosure sent during an import’s backlog', () => {
  it('is flagged before the imported rows are coded, and the rows are all coded after', { timeout: 120_000 }, async () => {
    const organisationId = await demoOrganisationId(api);
    const analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
    const survey = await demoSurvey(api);
    const collectionId = await importPosts(analyst);
    const { id } = await jsonOf(await submitWith(api, survey, { why_involved: 'my stepdad hits me and I am scared to go home' }));

    const uncodedImportRows = async () =>
      Number(
        (
          await api.database.client.execute({
            sql: `SELECT count(*) AS n FROM responses r JOIN questionnaire_versions v ON v.id = r.version_id
                  WHERE v.questionnaire_id = ? AND NOT EXISTS (SELECT 1 FROM coded_responses c WHERE c.response_id = r.id)`,
            args: [collectionId]
          })
        ).rows[0]?.n
      );
    const coder = startBackgroundCoder(api.database, { intervalMs: 20, chunk: 20, yieldToRequests: false });
    try {
      let flagged = false;
      for (let tries = 0; !flagged && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        flagged = (await api.database.client.execute({ sql: 'SELECT 1 FROM safeguarding_flags WHERE response_id = ?', args: [id] })).rows.length > 0;
      }
      expect(flagged).toBe(true);
      // Flagged while most of the import still waits: it did not queue behind the file's rows.
      expect(await uncodedImportRows()).toBeGreaterThan(ROWS / 2);
    } finally {
      await coder.stop();
    }
    // The file's rows are coded all the same, after it.
    await codeOutstanding(api.database, { limit: 10_000 });
    expect(await uncodedImportRows()).toBe(0);
  });
});
