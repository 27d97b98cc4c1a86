// A questionnaire far bigger than SQLite lets one function call name (127
// arguments): the youth survey with 200 more closed questions over 20 pages,
// answered by 40 pupils of four schools. The explorer, the series' measures,
// its workbook and a report covering it all read every closed answer, the
// last question as well as the first.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreView } from '../explore/types';
import type { SeriesMeasures } from '../measures/waves-view';
import type { ReportDocument } from '../reports/model';
import { createFromTemplate, designerPath } from '../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';

const EXTRA = 200;
const SCHOOLS = 4;
const PER_SCHOOL = 10;
const extraId = (n: number) => `extra_${String(n).padStart(3, '0')}`;

let api: FreshApi;
let analyst: Record<string, string>;
let author: Record<string, string>;
let questionnaireId: string;
let seriesId: string;

/** Each school's even-numbered pupils say yes to an extra question; to the last one, its first three. */
const saysYes = (pupil: number, question: number) => (question === EXTRA ? pupil < 3 : pupil % 2 === 0);

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  const officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
  const created = await createFromTemplate(api, officer, 'youth-safety-11-19');
  questionnaireId = created.questionnaire.id;
  const definition = created.working.definition;
  for (let page = 0; page < EXTRA / 10; page++) {
    const questions = Array.from({ length: 10 }, (_, i) => ({
      id: extraId(page * 10 + i + 1),
      type: 'single',
      label: `Extra question ${page * 10 + i + 1}`,
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' }
      ]
    }));
    definition.pages.push({ id: `extra_page_${page + 1}`, title: `More questions ${page + 1}`, questions });
  }
  const saved = await api.json(designerPath(questionnaireId, '/draft'), { definition }, officer, 'PUT');
  expect(saved.status, await saved.clone().text()).toBe(200);
  const published = await api.json(designerPath(questionnaireId, '/publish'), {}, officer);
  expect(published.status, await published.clone().text()).toBe(200);
  const versionId = (await jsonOf(published)).versions[0].id as string;

  // Half of each school's pupils feel safe after dark; 3 of each school's 10 say yes to the last extra question.
  const statements = [];
  for (let s = 0; s < SCHOOLS; s++) {
    for (let i = 0; i < PER_SCHOOL; i++) {
      const answers: Record<string, unknown> = { safe_area_after_dark: i < PER_SCHOOL / 2 ? 'very_safe' : 'not_very_safe' };
      for (let n = 1; n <= EXTRA; n++) answers[extraId(n)] = saysYes(i, n) ? 'yes' : 'no';
      statements.push({
        sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [randomUUID(), versionId, randomUUID(), JSON.stringify(answers), JSON.stringify({ school: `School ${s + 1}`, class: 'Year 9' }), Date.now()]
      });
    }
  }
  await api.database.client.batch(statements, 'write');

  const series = await api.json('/api/series', { name: 'A long survey' }, officer);
  expect(series.status, await series.clone().text()).toBe(201);
  seriesId = (await jsonOf(series)).series.id;
  const wave = await api.json(`/api/series/${seriesId}/waves`, { label: '2026', fieldworkDate: '2026-06-15', questionnaireIds: [questionnaireId] }, officer);
  expect(wave.status, await wave.clone().text()).toBe(201);
}, 60_000);
afterAll(() => api.close());

const explore = async (query = ''): Promise<ExploreView> => {
  const res = await api.app.request(`/api/explore/${questionnaireId}${query}`, { headers: analyst });
  expect(res.status, await res.clone().text()).toBe(200);
  return jsonOf(res);
};

describe(`a questionnaire with ${EXTRA} more closed questions`, () => {
  it('opens in the explorer, counting every pupil and filtering by its first and last questions', async () => {
    /** The "safe after dark" measure among the pupils the query picks: how many answered, and how many of them feel safe. */
    const afterDark = async (query = '') => {
      const dark = (await explore(query)).measures.find((m) => m.key === 'safe_area_after_dark');
      return [dark?.base.count, dark?.figure.count];
    };
    const all = await explore();
    const keys = all.dimensions.map((d) => d.key);
    expect(keys).toEqual(expect.arrayContaining([extraId(1), extraId(127), extraId(EXTRA), 'safe_area_after_dark', 'school']));
    expect(await afterDark()).toEqual([SCHOOLS * PER_SCHOOL, SCHOOLS * (PER_SCHOOL / 2)]);
    expect((await afterDark(`?f.${extraId(1)}=yes`))[0]).toBe(SCHOOLS * (PER_SCHOOL / 2));
    expect((await afterDark(`?f.${extraId(150)}=no`))[0]).toBe(SCHOOLS * (PER_SCHOOL / 2));
    expect((await afterDark(`?f.${extraId(EXTRA)}=yes`))[0]).toBe(SCHOOLS * 3);
    expect((await afterDark(`?f.${extraId(EXTRA)}=no`))[0]).toBe(SCHOOLS * 7);
  });

  it('gives its series the measure of feeling safe after dark, on the page and in the workbook', async () => {
    const res = await api.app.request(`/api/series/${seriesId}/measures`, { headers: analyst });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await jsonOf<SeriesMeasures>(res);
    const dark = body.measures.find((m) => m.key === 'safe_area_after_dark');
    expect(dark?.figures.map((f) => [f.label, f.base, f.percent])).toEqual([['2026', SCHOOLS * PER_SCHOOL, 50]]);

    const book = await api.app.request(`/api/series/${seriesId}/workbook`, { headers: analyst });
    expect(book.status, await book.clone().text()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await book.arrayBuffer());
    const rows = (workbook.getWorksheet('Measures')?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows.filter((r) => r[0] === 'Safe after dark').map((r) => [r[2], r[5], r[6]])).toEqual([['2026', SCHOOLS * PER_SCHOOL, 50]]);
  });

  it('can be covered by a report, whose preview shows the measure and how many answered', async () => {
    const created = await api.json(
      '/api/reports',
      {
        definition: {
          title: 'A long survey',
          covers: { seriesId, questionnaireIds: [questionnaireId] },
          sections: [
            { id: 'method', kind: 'methodology' },
            { id: 'safety', kind: 'safety', measureKeys: ['safe_area_after_dark'] }
          ]
        }
      },
      author
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const id = (await jsonOf(created)).report.id as string;
    const res = await api.app.request(`/api/reports/${id}`, { headers: author });
    expect(res.status, await res.clone().text()).toBe(200);
    const { document } = await jsonOf<{ document: ReportDocument }>(res);
    const safety = document.sections.find((s) => s.kind === 'safety')?.blocks ?? [];
    const chart = safety.find((b) => b.type === 'chart');
    if (chart?.type !== 'chart') throw new Error('no chart of the measure');
    expect(chart.table.head).toContain('People answering');
    expect(chart.table.rows).toEqual([['2026', '50%', expect.stringMatching(/^\d+–\d+%$/), String(SCHOOLS * PER_SCHOOL), expect.any(String)]]);
    const method = document.sections.find((s) => s.kind === 'methodology')?.blocks ?? [];
    const schools = method.flatMap((b) => (b.type === 'table' && b.caption === 'People who took part, by school' ? b.rows : []));
    expect(schools.find((r) => r[0] === 'School 1')).toContain(String(PER_SCHOOL));
  });
});
