// Changing and removing a strategy's priorities and measures of success on a
// real database: a strategy author renames a priority, moves a measure of
// success to another priority with a new target, removes it, and only then
// removes the priority it was under; nobody reaches another organisation's
// strategy, and roles without the strategy policy are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let author: Record<string, string>;
let analyst: Record<string, string>;
let outsider: Record<string, string>;
let officer: Record<string, string>;
let seriesId: string;
const waveIds: Record<string, string> = {};
let otherWaveId: string;
let otherSeriesId: string;
let otherPriorityId: string;

interface Priority {
  id: string;
  title: string;
  measures: { id: string; name: string; targetPoints: number; targetDate: string; direction: string; baseline: { waveId: string } }[];
}

const strategy = async (): Promise<Priority[]> => (await jsonOf(await api.app.request('/api/strategy', { headers: analyst }))).priorities;
const addPriority = async (title: string, headers = author) => (await jsonOf(await api.json('/api/strategy/priorities', { title }, headers))).id as string;
const measureBody = (priorityId: string, over: Record<string, unknown> = {}) => ({
  priorityId,
  name: 'Young people feel safe after dark',
  seriesId,
  measureKey: 'safe_area_after_dark',
  baselineWaveId: waveIds['2025'],
  direction: 'increase',
  targetPoints: 5,
  targetDate: '2027-06-15',
  ...over
});
const del = (path: string, headers: Record<string, string>) => api.app.request(path, { method: 'DELETE', headers });

async function seriesWithWaves(headers: Record<string, string>, name: string) {
  const created = await api.json('/api/series', { name }, headers);
  expect(created.status, await created.clone().text()).toBe(201);
  const id = (await jsonOf(created)).series.id as string;
  const ids: Record<string, string> = {};
  for (const [label, date] of [
    ['2025', '2025-06-15'],
    ['2026', '2026-06-15']
  ] as const) {
    const res = await api.json(`/api/series/${id}/waves`, { label, fieldworkDate: date }, headers);
    ids[label] = (await jsonOf(res)).series.waves.find((w: { label: string }) => w.label === label).id;
  }
  return { id, waves: ids };
}

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  const elsewhere = await addOrganisation(api, 'Elsewhere');
  outsider = await bearerFor(api, (await addStaff(api, elsewhere, ['author', 'officer'])).id);
  const own = await seriesWithWaves(officer, 'Youth safety survey');
  seriesId = own.id;
  Object.assign(waveIds, own.waves);
  const other = await seriesWithWaves(outsider, 'Their survey');
  otherSeriesId = other.id;
  otherWaveId = other.waves['2025'] as string;
  otherPriorityId = await addPriority('Their priority', outsider);
}, 60_000);
afterAll(() => api.close());

describe('priorities', () => {
  it('a strategy author renames a priority, and everyone sees the new title', async () => {
    const id = await addPriority('Perception of safty');
    const res = await api.json(`/api/strategy/priorities/${id}`, { title: '  Perception of safety ' }, author, 'PUT');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await strategy()).find((p) => p.id === id)?.title).toBe('Perception of safety');
  });

  it('refuses a bad title with the field named', async () => {
    const id = await addPriority('Harm reduction');
    const blank = await api.json(`/api/strategy/priorities/${id}`, { title: '   ' }, author, 'PUT');
    expect(blank.status).toBe(400);
    expect((await jsonOf(blank)).issues).toEqual([{ field: 'title', message: 'Enter the priority, like “Perception of safety”' }]);
    const long = await api.json(`/api/strategy/priorities/${id}`, { title: 'x'.repeat(201) }, author, 'PUT');
    expect((await jsonOf(long)).issues).toEqual([{ field: 'title', message: 'The priority must be 200 characters or fewer' }]);
    expect((await api.json(`/api/strategy/priorities/${id}`, { title: 'x', position: 1 }, author, 'PUT')).status).toBe(400);
    expect((await api.json(`/api/strategy/priorities/${id}`, '{', author, 'PUT')).status).toBe(400);
    expect((await strategy()).find((p) => p.id === id)?.title).toBe('Harm reduction');
  });

  it('answers 404 for another organisation’s priority, and 403 to a role without the strategy policy', async () => {
    const id = await addPriority('Delivery of commitments');
    expect((await api.json(`/api/strategy/priorities/${otherPriorityId}`, { title: 'Mine now' }, author, 'PUT')).status).toBe(404);
    expect((await del(`/api/strategy/priorities/${otherPriorityId}`, author)).status).toBe(404);
    expect((await api.json(`/api/strategy/priorities/${id}`, { title: 'Theirs now' }, outsider, 'PUT')).status).toBe(404);
    expect((await del(`/api/strategy/priorities/${id}`, outsider)).status).toBe(404);
    expect((await api.json(`/api/strategy/priorities/${id}`, { title: 'Analysed' }, analyst, 'PUT')).status).toBe(403);
    expect((await del(`/api/strategy/priorities/${id}`, analyst)).status).toBe(403);
    expect((await del('/api/strategy/priorities/nope', author)).status).toBe(404);
    expect((await strategy()).find((p) => p.id === id)?.title).toBe('Delivery of commitments');
    // The other organisation's priority is untouched.
    const theirs = await jsonOf(await api.app.request('/api/strategy', { headers: outsider }));
    expect(theirs.priorities.map((p: Priority) => p.title)).toEqual(['Their priority']);
  });
});

describe('measures of success', () => {
  let safety: string;
  let youth: string;
  let measureId: string;

  beforeAll(async () => {
    safety = await addPriority('Safety in public places');
    youth = await addPriority('Youth voice');
    const res = await api.json('/api/strategy/measures', measureBody(safety), author);
    expect(res.status, await res.clone().text()).toBe(201);
    measureId = (await jsonOf(res)).id;
  });

  it('changes a measure of success: its name, target, baseline and priority', async () => {
    const res = await api.json(
      `/api/strategy/measures/${measureId}`,
      measureBody(youth, { name: 'Feel safe at school', measureKey: 'safe_at_school', baselineWaveId: waveIds['2026'], direction: 'decrease', targetPoints: 7.5, targetDate: '2028-01-31' }),
      author,
      'PUT'
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await strategy();
    expect(after.find((p) => p.id === safety)?.measures).toEqual([]);
    expect(after.find((p) => p.id === youth)?.measures).toEqual([
      expect.objectContaining({
        id: measureId,
        name: 'Feel safe at school',
        measureKey: 'safe_at_school',
        direction: 'decrease',
        targetPoints: 7.5,
        targetDate: '2028-01-31',
        baseline: expect.objectContaining({ waveId: waveIds['2026'] })
      })
    ]);
  });

  it('refuses a bad change with the field named, and what is not the organisation’s', async () => {
    const put = (over: Record<string, unknown>) => api.json(`/api/strategy/measures/${measureId}`, measureBody(youth, over), author, 'PUT');
    const zero = await put({ targetPoints: 0 });
    expect(zero.status).toBe(400);
    expect((await jsonOf(zero)).issues).toEqual([{ field: 'targetPoints', message: 'Enter the change wanted in percentage points, more than 0' }]);
    const both = await put({ themeId: 'fear' });
    expect((await jsonOf(both)).issues).toEqual([{ field: 'measureKey', message: 'Choose a measure or a theme' }]);
    const date = await put({ targetDate: '2027-02-30' });
    expect((await jsonOf(date)).issues).toEqual([{ field: 'targetDate', message: 'Enter a real date, like 2026-06-15' }]);
    const theirWave = await put({ seriesId: otherSeriesId, baselineWaveId: otherWaveId });
    expect(theirWave.status).toBe(422);
    expect((await jsonOf(theirWave)).issues).toEqual([{ field: 'baselineWaveId', message: 'Choose the baseline wave from the series' }]);
    const theirPriority = await put({ priorityId: otherPriorityId });
    expect(theirPriority.status).toBe(422);
    expect((await jsonOf(theirPriority)).issues).toEqual([{ field: 'priorityId', message: 'Choose one of your strategy’s priorities' }]);
    expect((await strategy()).find((p) => p.id === youth)?.measures[0]?.name).toBe('Feel safe at school');
  });

  it('answers 404 for another organisation’s measure of success, and 403 to a role without the strategy policy', async () => {
    expect((await api.json(`/api/strategy/measures/${measureId}`, measureBody(youth), outsider, 'PUT')).status).toBe(404);
    expect((await del(`/api/strategy/measures/${measureId}`, outsider)).status).toBe(404);
    expect((await api.json(`/api/strategy/measures/${measureId}`, measureBody(youth), analyst, 'PUT')).status).toBe(403);
    expect((await del(`/api/strategy/measures/${measureId}`, analyst)).status).toBe(403);
    expect((await del('/api/strategy/measures/nope', author)).status).toBe(404);
    expect((await strategy()).find((p) => p.id === youth)?.measures).toHaveLength(1);
  });

  it('will not remove a priority that still has measures of success, naming them; removes it once they are gone', async () => {
    const refused = await del(`/api/strategy/priorities/${youth}`, author);
    expect(refused.status).toBe(409);
    expect(await jsonOf(refused)).toMatchObject({
      error: 'priority_has_measures',
      message: '“Youth voice” still has the measure of success “Feel safe at school”; remove it or move it to another priority first'
    });
    // The baseline wave cannot go either while the measure counts from it.
    expect((await del(`/api/series/${seriesId}/waves/${waveIds['2026']}`, officer)).status).toBe(409);

    const removed = await del(`/api/strategy/measures/${measureId}`, author);
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect((await strategy()).find((p) => p.id === youth)?.measures).toEqual([]);
    expect((await del(`/api/strategy/measures/${measureId}`, author)).status).toBe(404);

    expect((await del(`/api/strategy/priorities/${youth}`, author)).status).toBe(200);
    expect((await strategy()).map((p) => p.id)).not.toContain(youth);
    expect((await del(`/api/series/${seriesId}/waves/${waveIds['2026']}`, officer)).status).toBe(200);
  });

  it('will not remove a priority or measure of success a report still uses, naming the report', async () => {
    const priority = await addPriority('Safer journeys');
    const row = { youSaid: 'The bus stop is dark', weDid: 'New lights at the bus stop', priorityId: priority, status: 'planned' };
    const created = await api.json('/api/reports', { definition: { title: 'Journeys report', sections: [{ id: 'said', kind: 'you-said-we-did', rows: [row] }] } }, author);
    expect(created.status, await created.clone().text()).toBe(201);
    const refused = await del(`/api/strategy/priorities/${priority}`, author);
    expect(refused.status).toBe(409);
    expect(await jsonOf(refused)).toMatchObject({ error: 'used_in_report', message: '“Safer journeys” is used in the report “Journeys report”; take it out of that report first' });
    expect((await strategy()).map((p) => p.id)).toContain(priority);
    // Once the report's newest version no longer names it, it can go.
    const { report } = await jsonOf(created);
    const saved = await api.json(
      `/api/reports/${report.id}`,
      { version: report.version, definition: { title: 'Journeys report', sections: [{ id: 'said', kind: 'you-said-we-did', rows: [] }] } },
      author,
      'PUT'
    );
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect((await del(`/api/strategy/priorities/${priority}`, author)).status).toBe(200);
  });
});
