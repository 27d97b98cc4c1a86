// The demo's series, on a fresh demo database: two waves of the youth and
// 8–11 surveys in which feeling safe out after dark really rose and feeling
// safe at school did not, girls feel less safe than boys after dark, and a
// strategy whose measures of success show a status the data supports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreView } from '../explore/types';
import type { SeriesMeasures } from '../measures/waves-view';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { seedDemoResponses } from './seed-responses';
import { DEMO_PRIORITIES, DEMO_SERIES_NAME, seedDemoSeries } from './seed-series';

let api: FreshApi;
let analyst: Record<string, string>;
let measures: SeriesMeasures;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  const now = Date.parse('2026-11-20T12:00:00Z');
  await seedDemoResponses(api.database.db, { now });
  await seedDemoSeries(api.database.db, organisationId, { now });
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  const list = await jsonOf(await api.app.request('/api/series', { headers: analyst }));
  const found = list.series.find((s: { name: string }) => s.name === DEMO_SERIES_NAME);
  measures = await jsonOf(await api.app.request(`/api/series/${found.id}/measures`, { headers: analyst }));
}, 120_000);
afterAll(() => api.close());

const line = (key: string) => measures.measures.find((m) => m.key === key);

describe('the demo series', () => {
  it('has two comparable waves a year apart, of both age bands', () => {
    expect(measures.waves.map((w) => w.label)).toEqual(['2025', '2026']);
    const dark = line('safe_area_after_dark');
    expect(dark?.figures.every((f) => f.shown)).toBe(true);
    expect(dark?.figures[1]?.ageBands.sort()).toEqual(['11–19', '8–11']);
    expect(dark?.steps[0]).toMatchObject({ comparable: true, notes: [] });
  });

  it('shows a real rise in feeling safe after dark and no significant change at school', () => {
    expect(line('safe_area_after_dark')?.steps[0]?.change?.verdict).toBe('increase');
    expect(line('safe_at_school')?.steps[0]?.change?.verdict).toBe('no statistically significant change');
    expect(line('safe_area_after_dark')?.figures[0]?.designEffect?.clusters).toBeGreaterThan(7);
  });

  it('feels less safe after dark than in the day, and differs by school', async () => {
    const day = line('safe_area_day')?.figures[1]?.percent ?? 0;
    const dark = line('safe_area_after_dark')?.figures[1]?.percent ?? 100;
    expect(day - dark).toBeGreaterThan(10);
    const youth = await api.database.client.execute("SELECT id FROM questionnaires WHERE slug = 'youth-safety-11-19'");
    const bySchool = await jsonOf(await api.app.request(`/api/explore/${youth.rows[0]?.id}?by=school`, { headers: analyst }));
    const atSchool = bySchool.measures.find((m: { key: string }) => m.key === 'safe_area_after_dark');
    const percents = atSchool.byGroup.map((g: { figure: { percent: number | null } }) => g.figure.percent).filter((p: number | null) => p !== null);
    expect(Math.max(...percents) - Math.min(...percents)).toBeGreaterThan(8);
  });

  it('shows girls feeling clearly less safe than boys after dark and in town, and about the same in the day and at school', async () => {
    const youth = await api.database.client.execute("SELECT id FROM questionnaires WHERE slug = 'youth-safety-11-19'");
    const res = await api.app.request(`/api/explore/${youth.rows[0]?.id}?by=gender`, { headers: analyst });
    expect(res.status).toBe(200);
    const view: ExploreView = await jsonOf(res);
    expect(view.measuresBy?.groups.map((g) => g.value)).toEqual(['girl', 'boy', 'another_way', 'prefer_not_to_say']);
    // About as many girls as boys answered, and a few in each of the other two groups.
    const [girls = 0, boys = 0, another = 0, notSaid = 0] = view.measures.find((m) => m.key === 'safe_at_school')?.byGroup?.map((g) => g.base.count ?? 0) ?? [];
    expect(Math.abs(girls - boys) / (girls + boys)).toBeLessThan(0.1);
    expect(another + notSaid).toBeLessThan((girls + boys) / 10);
    /** Girls' and boys' "safe" percentages for one measure, as the explorer's cross-tab by gender shows them. */
    const safe = (key: string) => {
      const measure = view.measures.find((m) => m.key === key);
      const [girl, boy] = measure?.byGroup?.map((g) => g.figure.percent) ?? [];
      if (typeof girl !== 'number' || typeof boy !== 'number') throw new Error(`No figures by gender for ${key}`);
      return { girl, boy };
    };
    const dark = safe('safe_area_after_dark');
    expect(dark.boy - dark.girl).toBeGreaterThan(8);
    for (const row of ['town_centre', 'bus_station', 'alleyways']) {
      const place = safe(`safe_places.${row}`);
      expect(place.boy - place.girl, row).toBeGreaterThan(6);
    }
    for (const key of ['safe_area_day', 'safe_at_school']) {
      const { girl, boy } = safe(key);
      expect(Math.abs(boy - girl), key).toBeLessThan(5);
    }
  });

  it('records the strategy’s four priorities, with measures of success whose status the data supports', async () => {
    const body = await jsonOf(await api.app.request('/api/strategy', { headers: analyst }));
    expect(body.priorities.map((p: { title: string }) => p.title)).toEqual(DEMO_PRIORITIES);
    const safety = body.priorities.find((p: { title: string }) => p.title === 'Perception of safety');
    const [dark, school] = safety.measures;
    expect(dark).toMatchObject({ measureKey: 'safe_area_after_dark', status: expect.stringMatching(/on track|too early to tell/) });
    expect(dark.change.points).toBeGreaterThan(0);
    expect(school.status).not.toBe('on track');
  });
});
