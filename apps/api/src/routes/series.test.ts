// Series, waves and measures over time on a real database: two waves of the
// youth survey, answered by pupils of ten schools, one measure that rose and
// one that did not; a third wave too small to show; strategy measures of
// success with the status the waves support.
import { randomUUID } from 'node:crypto';
import { withheldRuleInWords } from '@safer-voices/insights';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesMeasures } from '../measures/waves-view';
import { createFromTemplate, designerPath } from '../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let organisationId: string;
let officer: Record<string, string>;
let analyst: Record<string, string>;
let author: Record<string, string>;
let outsider: Record<string, string>;

async function publishedYouthSurvey() {
  const created = await createFromTemplate(api, officer, 'youth-safety-11-19');
  const published = await jsonOf(await api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer));
  return { id: created.questionnaire.id as string, versionId: published.versions[0].id as string };
}

/**
 * Pupils' answers stored straight into the database, `safe` of each school's
 * `perSchool` saying they feel safe after dark and `atSchool` safe at school.
 */
async function answer(versionId: string, schools: number, perSchool: number, safeAfterDark: (school: number) => number, safeAtSchool: number) {
  const statements = [];
  for (let s = 0; s < schools; s++) {
    for (let i = 0; i < perSchool; i++) {
      const answers = {
        safe_area_after_dark: i < safeAfterDark(s) ? 'very_safe' : 'not_very_safe',
        safe_at_school: i < safeAtSchool ? 'quite_safe' : 'not_very_safe',
        safe_places: { town_centre: i < 10 ? 'fairly_safe' : 'fairly_unsafe', park: 'very_safe' }
      };
      statements.push({
        sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [randomUUID(), versionId, randomUUID(), JSON.stringify(answers), JSON.stringify({ school: `School ${s + 1}`, class: 'Year 9' }), Date.now()]
      });
    }
  }
  await api.database.client.batch(statements, 'write');
}

let seriesId: string;
const waveIds: Record<string, string> = {};
let small: { id: string; versionId: string };
let firstId: string;

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
  outsider = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere'), ['analyst', 'officer'])).id);
  const first = await publishedYouthSurvey();
  firstId = first.id;
  const second = await publishedYouthSurvey();
  small = await publishedYouthSurvey();
  // 2025: 50% safe after dark in every school. 2026: 65%. Safe at school 20 of 40 in both.
  await answer(first.versionId, 10, 40, () => 20, 20);
  await answer(second.versionId, 10, 40, () => 26, 21);
  await answer(small.versionId, 1, 8, () => 4, 4);
  const created = await api.json('/api/series', { name: 'Youth safety survey', description: 'Every summer term' }, officer);
  expect(created.status, await created.clone().text()).toBe(201);
  seriesId = (await jsonOf(created)).series.id;
  for (const [label, date, q] of [
    ['2025', '2025-06-15', first.id],
    ['2026', '2026-06-15', second.id]
  ] as const) {
    const res = await api.json(`/api/series/${seriesId}/waves`, { label, fieldworkDate: date, questionnaireIds: [q] }, officer);
    expect(res.status, await res.clone().text()).toBe(201);
    waveIds[label] = (await jsonOf(res)).series.waves.find((w: { label: string }) => w.label === label).id;
  }
}, 60_000);
afterAll(() => api.close());

const measuresOf = async (headers = analyst) => {
  const res = await api.app.request(`/api/series/${seriesId}/measures`, { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return jsonOf<SeriesMeasures>(res);
};

describe('series and waves', () => {
  it('lists the series with its waves in date order and their questionnaires', async () => {
    const body = await jsonOf(await api.app.request(`/api/series?organisationId=${organisationId}`, { headers: analyst }));
    const found = body.series.find((s: { id: string }) => s.id === seriesId);
    expect(found.waves.map((w: { label: string; fieldworkDate: string }) => [w.label, w.fieldworkDate])).toEqual([
      ['2025', '2025-06-15'],
      ['2026', '2026-06-15']
    ]);
    expect(found.waves[0].questionnaires[0]).toMatchObject({ title: expect.any(String), accessMode: 'open' });
  });

  it('refuses, with the field named, what cannot be a series or wave', async () => {
    expect((await api.json('/api/series', { name: 'Youth safety survey' }, officer)).status).toBe(409);
    const blank = await api.json('/api/series', { name: '  ' }, officer);
    expect(blank.status).toBe(400);
    expect((await jsonOf(blank)).issues).toEqual([expect.objectContaining({ field: 'name' })]);
    const badDate = await api.json(`/api/series/${seriesId}/waves`, { label: '2027', fieldworkDate: '2027-02-30', questionnaireIds: [] }, officer);
    expect(badDate.status).toBe(400);
    expect((await jsonOf(badDate)).issues).toEqual([expect.objectContaining({ field: 'fieldworkDate', message: 'Enter a real date, like 2026-06-15' })]);
    const twice = await api.json(`/api/series/${seriesId}/waves`, { label: '2027', fieldworkDate: '2027-06-15', questionnaireIds: [small.id, small.id] }, officer);
    expect(twice.status).toBe(400);
    expect((await jsonOf(twice)).issues).toEqual([{ field: 'questionnaireIds', message: 'Choose each questionnaire once' }]);
    const taken = await api.json(`/api/series/${seriesId}/waves`, { label: '2027', fieldworkDate: '2027-06-15', questionnaireIds: [firstId] }, officer);
    expect(taken.status).toBe(422);
    expect((await jsonOf(taken)).issues).toEqual([{ field: 'questionnaireIds', message: 'A questionnaire can be in one wave only; remove it from the other wave first' }]);
    const unknown = await api.json(`/api/series/${seriesId}/waves`, { label: '2027', fieldworkDate: '2027-06-15', questionnaireIds: ['nope'] }, officer);
    expect(unknown.status).toBe(422);
    expect((await jsonOf(unknown)).issues).toEqual([{ field: 'questionnaireIds', message: 'There is no survey “nope” in this organisation' }]);
  });

  it('keeps series to their organisation and their roles', async () => {
    expect((await api.app.request(`/api/series/${seriesId}/measures`, { headers: outsider })).status).toBe(404);
    expect((await api.json(`/api/series/${seriesId}/waves`, { label: 'x', fieldworkDate: '2027-01-01' }, outsider)).status).toBe(404);
    expect((await api.json('/api/series', { name: 'Analyst series' }, analyst)).status).toBe(403);
  });
});

describe('measures over waves', () => {
  it('gives each wave its figure, allowing for clustering by school, and names a real change', async () => {
    const body = await measuresOf();
    expect(body.waves.map((w) => w.label)).toEqual(['2025', '2026']);
    const dark = body.measures.find((m) => m.key === 'safe_area_after_dark');
    expect(dark?.figures.map((f) => [f.label, f.base, f.percent])).toEqual([
      ['2025', 400, 50],
      ['2026', 400, 65]
    ]);
    expect(dark?.figures[0]?.designEffect).toMatchObject({ clusters: 10, meanClusterSize: 40, floored: true });
    expect(dark?.steps[0]?.change?.verdict).toBe('increase');
    expect(dark?.steps[0]?.change?.designEffects.applied).toBe(true);
    expect(dark?.sentence).toMatch(/^In 2026, safe after dark: 65% \(\d\d–\d\d%\) of 11–19 year olds, an increase from 2025 \(50%\)\.$/);
  });

  it('keeps each row of a grid apart, lined up by measure key and row', async () => {
    const body = await measuresOf();
    expect(body.measures.find((m) => m.key === 'safe_places.town_centre')?.figures.map((f) => f.percent)).toEqual([25, 25]);
    // Everyone feels safe in the park: 100% would describe every pupil, so it is withheld.
    expect(body.measures.find((m) => m.key === 'safe_places.park')?.figures[0]).toMatchObject({ shown: false, withheld: 'too few respondents' });
  });

  it('says, before the next wave, the smallest change it could detect with the people expected', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/measures?expected=400`, { headers: analyst });
    const body = await jsonOf<SeriesMeasures>(res);
    const dark = body.measures.find((m) => m.key === 'safe_area_after_dark');
    // From 2026's 65% with its design effect of 1.78 (ρ floored at 0.02, 40 pupils a school): 12.61, rounded up to 12.7 points.
    expect(dark?.detectable).toEqual({ points: 12.7, from: '2026', designEffect: expect.closeTo(1.78, 10) });
    expect((await measuresOf()).measures[0]?.detectable).toBeNull();
    const bad = await api.app.request(`/api/series/${seriesId}/measures?expected=lots`, { headers: analyst });
    expect(bad.status).toBe(400);
  });

  it('says "no statistically significant change" when the difference could be chance', async () => {
    const school = (await measuresOf()).measures.find((m) => m.key === 'safe_at_school');
    expect(school?.figures.map((f) => f.percent)).toEqual([50, 52.5]);
    expect(school?.steps[0]?.change?.verdict).toBe('no statistically significant change');
    expect(school?.sentence).toContain('no statistically significant change from 2025 (50%)');
  });

  it('withholds a wave with too few people and compares it with nothing', async () => {
    const added = await api.json(`/api/series/${seriesId}/waves`, { label: '2027', fieldworkDate: '2027-06-15', questionnaireIds: [small.id] }, officer);
    expect(added.status, await added.clone().text()).toBe(201);
    const dark = (await measuresOf()).measures.find((m) => m.key === 'safe_area_after_dark');
    expect(dark?.figures[2]).toMatchObject({ label: '2027', shown: false, withheld: 'too few respondents', percent: null, base: null });
    expect(dark?.steps[1]?.change).toBeNull();
    expect(dark?.sentence).toBe('In 2027, safe after dark: too few 11–19 year olds answered to show a figure.');
    const wave2027 = (await measuresOf()).waves.find((w) => w.label === '2027');
    const removed = await api.json(`/api/series/${seriesId}/waves/${wave2027?.id}`, { label: '2027', fieldworkDate: '2027-06-15', questionnaireIds: [] }, officer, 'PUT');
    expect(removed.status).toBe(200);
  });
});

describe('the workbook', () => {
  it('holds the page’s figures, one row per measure and wave, a wave nobody answered as [x] with its reason, said in full on the Notes sheet', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/workbook`, { headers: analyst });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="youth-safety-survey-measures.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const rows = (workbook.getWorksheet('Measures')?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toContain('Verdict');
    const dark = rows.filter((r) => r[0] === 'Safe after dark');
    expect(dark.map((r) => [r[2], r[5], r[6]])).toEqual([
      ['2025', 400, 50],
      ['2026', 400, 65],
      // The 2027 wave has no questionnaire left, so nobody answered: no figure, not "under 10", which would suggest a few did.
      ['2027', '[x] nobody answered', '[x] nobody answered']
    ]);
    // The Notes sheet says what the reason means, in the explorer's words.
    const notes = (workbook.getWorksheet('Notes')?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(notes).toContainEqual(['Measures', 'nobody answered', expect.any(Number), withheldRuleInWords('nobody answered', 10)]);
    const column = (name: string) => (rows[0] as unknown[]).indexOf(name);
    expect(dark[1]?.[column('Verdict')]).toBe('increase');
    expect(dark[1]?.[column('Weighted')]).toBe('Unweighted');
    expect(dark[1]?.[column('Design effect (clustering)')]).toBeCloseTo(1.78, 2);
    expect((await api.app.request(`/api/series/${seriesId}/workbook`, { headers: outsider })).status).toBe(404);
  });
});

describe('measures of success', () => {
  it('records a strategy and shows each measure’s status with its interval', async () => {
    const priority = await api.json('/api/strategy/priorities', { title: 'Perception of safety' }, author);
    expect(priority.status).toBe(201);
    const priorityId = (await jsonOf(priority)).id;
    const measure = (over: Record<string, unknown>) =>
      api.json(
        '/api/strategy/measures',
        {
          priorityId,
          name: 'Young people feel safe after dark',
          seriesId,
          measureKey: 'safe_area_after_dark',
          baselineWaveId: waveIds['2025'],
          direction: 'increase',
          targetPoints: 5,
          targetDate: '2027-06-15',
          ...over
        },
        author
      );
    expect((await measure({})).status).toBe(201);
    expect((await measure({ name: 'Safe at school', measureKey: 'safe_at_school', targetPoints: 10 })).status).toBe(201);
    expect((await measure({ name: 'Both', themeId: 'fear' })).status).toBe(400);
    expect((await measure({ baselineWaveId: 'nope' })).status).toBe(422);
    expect((await api.json('/api/strategy/priorities', { title: 'x' }, analyst)).status).toBe(403);

    const body = await jsonOf(await api.app.request('/api/strategy', { headers: analyst }));
    const [safety] = body.priorities;
    expect(safety.title).toBe('Perception of safety');
    const [dark, school] = safety.measures;
    // +15 points, interval well above the 2.5 points expected halfway to the target.
    expect(dark).toMatchObject({ status: 'on track', baseline: { label: '2025' }, latest: { label: '2026' } });
    expect(dark.expectedPoints).toBeCloseTo(2.5, 1);
    expect(dark.change.lower).toBeGreaterThan(2.5);
    // +2.5 points against 5 expected: the interval holds both.
    expect(school).toMatchObject({ status: 'too early to tell' });
    expect(school.change.lower).toBeLessThan(school.expectedPoints);
    expect(school.change.upper).toBeGreaterThan(school.expectedPoints);
  });
});

describe('changing and removing waves', () => {
  const seriesNow = async () => (await jsonOf(await api.app.request(`/api/series/${seriesId}`, { headers: analyst }))).series;
  const waveNamed = async (label: string) => (await seriesNow()).waves.find((w: { label: string }) => w.label === label);

  it('changes a wave’s name, fieldwork date and questionnaires', async () => {
    const wave = await waveNamed('2027');
    const res = await api.json(`/api/series/${seriesId}/waves/${wave.id}`, { label: 'Spring 2027', fieldworkDate: '2027-04-20', questionnaireIds: [small.id] }, officer, 'PUT');
    expect(res.status, await res.clone().text()).toBe(200);
    const changed = await waveNamed('Spring 2027');
    expect(changed).toMatchObject({ id: wave.id, fieldworkDate: '2027-04-20', questionnaires: [{ id: small.id }] });
    // The figures follow: the changed wave's name is the one the measures show.
    expect((await measuresOf()).waves.map((w) => w.label)).toEqual(['2025', '2026', 'Spring 2027']);
  });

  it('refuses a bad change with the field named, and another series’ wave name', async () => {
    const wave = await waveNamed('Spring 2027');
    const blank = await api.json(`/api/series/${seriesId}/waves/${wave.id}`, { label: ' ', fieldworkDate: '2027-04-20' }, officer, 'PUT');
    expect(blank.status).toBe(400);
    expect((await jsonOf(blank)).issues).toEqual([expect.objectContaining({ field: 'label' })]);
    const extra = await api.json(`/api/series/${seriesId}/waves/${wave.id}`, { label: 'x', fieldworkDate: '2027-04-20', colour: 'red' }, officer, 'PUT');
    expect(extra.status).toBe(400);
    const clash = await api.json(`/api/series/${seriesId}/waves/${wave.id}`, { label: '2026', fieldworkDate: '2027-04-20' }, officer, 'PUT');
    expect(clash.status).toBe(409);
    expect((await jsonOf(clash)).issues).toEqual([{ field: 'label', message: 'This series already has a wave with that name' }]);
  });

  it('keeps wave changes and removals to the organisation and to those who manage series', async () => {
    const wave = await waveNamed('Spring 2027');
    const body = { label: 'Taken', fieldworkDate: '2027-04-20' };
    expect((await api.json(`/api/series/${seriesId}/waves/${wave.id}`, body, outsider, 'PUT')).status).toBe(404);
    expect((await api.app.request(`/api/series/${seriesId}/waves/${wave.id}`, { method: 'DELETE', headers: outsider })).status).toBe(404);
    expect((await api.json(`/api/series/${seriesId}/waves/${wave.id}`, body, analyst, 'PUT')).status).toBe(403);
    expect((await api.app.request(`/api/series/${seriesId}/waves/${wave.id}`, { method: 'DELETE', headers: author })).status).toBe(403);
    expect((await api.app.request(`/api/series/${seriesId}/waves/nope`, { method: 'DELETE', headers: officer })).status).toBe(404);
    expect((await waveNamed('Spring 2027')).id).toBe(wave.id);
  });

  it('refuses to remove a wave measures of success count from, naming them', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/waves/${waveIds['2025']}`, { method: 'DELETE', headers: officer });
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).message).toBe(
      'Wave 2025 is the baseline of the measures of success “Young people feel safe after dark” and “Safe at school”: change their baseline wave or remove them first'
    );
    expect(await waveNamed('2025')).toBeDefined();
    // Nor may it be emptied of its questionnaires.
    const emptied = await api.app.request(`/api/series/${seriesId}/waves/${waveIds['2025']}`, {
      method: 'PUT',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ label: '2025', fieldworkDate: '2025-06-15', questionnaireIds: [] })
    });
    expect(emptied.status).toBe(409);
    expect((await jsonOf(emptied)).issues[0]).toEqual({
      field: 'questionnaireIds',
      message: 'Wave 2025 is the baseline of the measures of success “Young people feel safe after dark” and “Safe at school”: it must keep at least one questionnaire'
    });
    expect((await waveNamed('2025')).questionnaires).toHaveLength(1);
  });

  it('removes a wave but keeps its questionnaires and their responses, free for another wave', async () => {
    const wave = await waveNamed('Spring 2027');
    const count = async () => (await api.database.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE version_id = ?', args: [small.versionId] })).rows[0]?.n;
    expect(await count()).toBe(8);
    const res = await api.app.request(`/api/series/${seriesId}/waves/${wave.id}`, { method: 'DELETE', headers: officer });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await jsonOf(res)).series.waves.map((w: { label: string }) => w.label)).toEqual(['2025', '2026']);
    expect(await count()).toBe(8);
    expect((await measuresOf()).waves.map((w) => w.label)).toEqual(['2025', '2026']);
    const again = await api.json(`/api/series/${seriesId}/waves`, { label: '2027', fieldworkDate: '2027-06-15', questionnaireIds: [small.id] }, officer);
    expect(again.status, await again.clone().text()).toBe(201);
  });
});
