// A vote's and a questionnaire's title sent with invisible bidi override or
// isolate controls (U+202E shows "Best podcast" as "tsacdop tseB") is stored
// without them, so every page shows the title as typed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { voteBody } from '../test/votes';

let api: FreshApi;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['officer'])).id);
});
afterAll(() => api.close());

const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

it('stores a vote title without a right-to-left override', async () => {
  const res = await api.json('/api/votes', { ...voteBody(), title: '\u202eBest podcast\u202c' }, officer);
  expect(res.status, await res.clone().text()).toBe(201);
  const { vote } = await jsonOf(res);
  expect(vote.title).toBe('Best podcast');
  const stored = await api.database.client.execute({ sql: 'SELECT title FROM votes WHERE id = ?', args: [vote.id] });
  expect(String(stored.rows[0]?.title)).not.toMatch(HAS_BIDI_CONTROL);
});

it('stores a questionnaire title without isolate controls, when started and when renamed', async () => {
  const created = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: '\u2067Staying safe\u2069' } }, officer);
  expect(created.status, await created.clone().text()).toBe(201);
  const { questionnaire, working } = await jsonOf(created);
  expect(working.definition.title).toBe('Staying safe');
  const renamed = await api.json(`/api/designer/questionnaires/${questionnaire.id}/draft`, { definition: { ...working.definition, title: '\u202eSafe at school' } }, officer, 'PUT');
  expect(renamed.status, await renamed.clone().text()).toBe(200);
  expect((await jsonOf(renamed)).working.definition.title).toBe('Safe at school');
});
