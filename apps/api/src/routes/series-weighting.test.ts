// Weighting a series to population margins on a real database: one school
// over-represented in the sample, weighted back to its share of pupils.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesMeasures } from '../measures/waves-view';
import { createFromTemplate, designerPath } from '../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let officer: Record<string, string>;
let analyst: Record<string, string>;
let author: Record<string, string>;
let seriesId: string;
let laterVersion: string;

async function publishedYouthSurvey() {
  const created = await createFromTemplate(api, officer, 'youth-safety-11-19');
  const published = await jsonOf(await api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer));
  return { id: created.questionnaire.id as string, versionId: published.versions[0].id as string };
}

/** `count` pupils of `school`, the first `safe` of them feeling safe after dark. */
function pupils(versionId: string, school: string, count: number, safe: number) {
  return Array.from({ length: count }, (_, i) => ({
    sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [randomUUID(), versionId, randomUUID(), JSON.stringify({ safe_area_after_dark: i < safe ? 'very_safe' : 'not_very_safe' }), JSON.stringify({ school, class: 'Year 9' }), Date.now()]
  }));
}

const measures = async (): Promise<SeriesMeasures> => jsonOf(await api.app.request(`/api/series/${seriesId}/measures`, { headers: analyst }));
const afterDark = (m: SeriesMeasures) => m.measures.find((line) => line.key === 'safe_area_after_dark');
const put = (body: unknown, headers = analyst) =>
  api.app.request(`/api/series/${seriesId}/weighting`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bySchool = (a: number, b: number) => ({ variables: [{ key: 'school', shares: { 'Ash School': a, 'Birch School': b } }] });

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
  const [before, after] = [await publishedYouthSurvey(), await publishedYouthSurvey()];
  laterVersion = after.versionId;
  // Both years: Ash School 300 pupils (60% safe, then 66%), Birch School 100 (20%, then 26%).
  await api.database.client.batch([...pupils(before.versionId, 'Ash School', 300, 180), ...pupils(before.versionId, 'Birch School', 100, 20)], 'write');
  await api.database.client.batch([...pupils(after.versionId, 'Ash School', 300, 198), ...pupils(after.versionId, 'Birch School', 100, 26)], 'write');
  seriesId = (await jsonOf(await api.json('/api/series', { name: 'Weighted youth survey' }, officer))).series.id;
  for (const [label, date, q] of [
    ['2025', '2025-06-15', before.id],
    ['2026', '2026-06-15', after.id]
  ] as const) {
    const res = await api.json(`/api/series/${seriesId}/waves`, { label, fieldworkDate: date, questionnaireIds: [q] }, officer);
    expect(res.status, await res.clone().text()).toBe(201);
  }
}, 60_000);
afterAll(() => api.close());

describe('weighting a series', () => {
  it('offers the schools of the class codes to weight by', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/weighting`, { headers: analyst });
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.weighting).toBeNull();
    expect(body.variables.find((v: { key: string }) => v.key === 'school').categories.map((c: { value: string }) => c.value)).toEqual(['Ash School', 'Birch School']);
    // Answers that describe the respondent, such as gender, not the measures being estimated.
    const keys = body.variables.map((v: { key: string }) => v.key);
    expect(body.variables.find((v: { key: string }) => v.key === 'question:gender')).toMatchObject({ label: 'Answers to “Which of these describes you?”' });
    expect(keys).not.toContain('question:saw_violence_social_media');
  });

  it('is unweighted until margins are entered, and says so', async () => {
    const m = await measures();
    expect(m.weighting).toBeNull();
    const figure = afterDark(m)?.figures[1];
    expect(figure).toMatchObject({ weighted: false, weightingDesignEffect: null });
    expect(figure?.percent).toBeCloseTo(56, 6);
  });

  it('weights each wave to the schools’ shares of pupils, with the weights’ effective sample size and a wider interval', async () => {
    const unweighted = afterDark(await measures())?.figures[1];
    const res = await put(bySchool(50, 50));
    expect(res.status, await res.clone().text()).toBe(200);
    const m = await measures();
    const line = afterDark(m);
    // 2026 weighted: (66% + 26%) / 2 = 46%; weights 2/3 for Ash, 2 for Birch.
    expect(line?.figures[1]?.percent).toBeCloseTo(46, 6);
    expect(line?.figures[1]?.weighted).toBe(true);
    // Kish: 400² / (300 × (2/3)² + 100 × 2²) = 300 of 400, a design effect of 4/3.
    expect(line?.figures[1]?.weightingDesignEffect).toBeCloseTo(4 / 3, 6);
    expect(m.weighting?.waves[1]).toMatchObject({ label: '2026', applied: true, converged: true, n: 400, trimmed: 0 });
    expect(m.weighting?.waves[1]?.kishEffectiveN).toBeCloseTo(300, 6);
    expect(m.weighting?.variables).toEqual([{ key: 'school', label: 'School (from class codes)' }]);
    const width = (f: typeof unweighted) => (f?.upper ?? 0) - (f?.lower ?? 0);
    expect(width(line?.figures[1])).toBeGreaterThan(width(unweighted));
    expect(line?.sentence).toMatch(/^In 2026, .*: 46% \(\d+–\d+%, weighted\) of 11–19 year olds, .* from 2025 \(40%\)\.$/);
    // Both waves weighted alike, so they are compared.
    expect(line?.steps[0]).toMatchObject({ comparable: true });
    expect(line?.steps[0]?.change?.difference).toBeCloseTo(0.06, 6);
  });

  it('says in the workbook which figures are weighted', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/workbook`, { headers: analyst });
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const text = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join(' ');
    expect(text).toContain('Weighted');
    expect(text).toContain('School (from class codes)');
  });

  it('refuses margins that do not add up, or name a group the series does not have, and keeps what was saved', async () => {
    const bad = await put(bySchool(50, 40));
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).issues[0].message).toBe('The shares must add up to 100%; they add up to 90%');
    const unknown = await put({ variables: [{ key: 'question:shoe_size', shares: { a: 50, b: 50 } }] });
    expect(unknown.status).toBe(400);
    expect((await jsonOf(unknown)).message).toBe('The questionnaires of this series have no such variable to weight by');
    const stranger = await put({ variables: [{ key: 'school', shares: { 'Ash School': 50, 'Cedar School': 50 } }] });
    expect(stranger.status).toBe(400);
    expect((await jsonOf(stranger)).message).toBe('School (from class codes) has no group “Cedar School”');
    expect(afterDark(await measures())?.figures[1]?.percent).toBeCloseTo(46, 6);
  });

  it('lets only analysts and admins weight', async () => {
    expect((await put(bySchool(50, 50), author)).status).toBe(403);
    expect((await put(bySchool(50, 50), officer)).status).toBe(403);
  });

  it('can be removed, leaving every figure unweighted', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/weighting`, { method: 'DELETE', headers: analyst });
    expect(res.status).toBe(204);
    const m = await measures();
    expect(m.weighting).toBeNull();
    expect(afterDark(m)?.figures[1]).toMatchObject({ weighted: false });
  });

  it('answers any body with a 4xx and changes nothing', async () => {
    let accepted = 0;
    const anyText = fc.string({ unit: 'binary', maxLength: 20 });
    const body = fc.oneof(
      fc.anything(),
      fc.record({ variables: fc.array(fc.record({ key: fc.oneof(anyText, fc.constant('school')), shares: fc.dictionary(anyText, fc.oneof(fc.double(), anyText)) }), { maxLength: 3 }) })
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const res = await put(value);
        if (res.status === 200) {
          accepted++; // a well-formed weighting by school, by chance
          return;
        }
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 }
    );
    const after = await jsonOf(await api.app.request(`/api/series/${seriesId}/weighting`, { headers: analyst }));
    if (accepted === 0) expect(after.weighting).toBeNull();
    await api.app.request(`/api/series/${seriesId}/weighting`, { method: 'DELETE', headers: analyst });
  });

  // Last: adds pupils of a third school to 2026.
  it('does not weight by a group of fewer than the threshold, and says why the waves are then not compared', async () => {
    const shares = { variables: [{ key: 'school', shares: { 'Ash School': 45, 'Birch School': 45, 'Cedar School': 10 } }] };
    await api.database.client.batch(pupils(laterVersion, 'Cedar School', 3, 0), 'write');
    expect((await put(shares)).status).toBe(200);
    let m = await measures();
    expect(m.weighting?.waves[1]).toMatchObject({
      applied: false,
      problem: 'It is not weighted: fewer than 10 of its people are in “Cedar School” (School (from class codes)), too few to weight by.'
    });
    expect(afterDark(m)?.figures[1]?.weighted).toBe(false);
    // Twelve pupils are enough: 2026 is weighted, 2025 (no Cedar School) is not, and the two are not compared.
    await api.database.client.batch(pupils(laterVersion, 'Cedar School', 9, 0), 'write');
    m = await measures();
    expect(m.weighting?.waves.map((w) => w.applied)).toEqual([false, true]);
    const line = afterDark(m);
    expect(line?.steps[0]).toMatchObject({ comparable: false, weightingDiffers: true, change: null });
    expect(line?.sentence).toMatch(/; not compared with 2025 \(50%\), as only one of the two is weighted\.$/);
  });
});
