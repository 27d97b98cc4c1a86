// "Who took part" in a report's methodology cannot give a small school away:
// where a line of the table (a school's row, a wave's column, or the totals)
// shows its total, the counts it hides add up to nothing or to at least the
// threshold, so "All" less the shown counts never leaves a small number.
import { randomUUID } from 'node:crypto';
import { suppress, withheldRuleInWords } from '@safer-voices/insights';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath } from '../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import type { ReportDocument, TableBlock } from './model';

const THRESHOLD = 10;

/** The lines of a published count table whose total is shown: what is left of the total once the shown counts are taken off. */
function hiddenRemainders(table: TableBlock): { line: string; remainder: number }[] {
  const numberOf = (s: string | undefined) => (s === undefined || s.startsWith('[c]') ? null : Number(s.replace(/,/g, '')));
  const grid = table.rows.map((row) => row.slice(1).map(numberOf));
  const labels = table.rows.map((row) => row[0] ?? '');
  const found: { line: string; remainder: number }[] = [];
  const check = (line: string, parts: (number | null)[], total: number | null) => {
    if (total === null || !parts.includes(null)) return;
    found.push({ line, remainder: total - parts.reduce<number>((s, v) => s + (v ?? 0), 0) });
  };
  const width = grid[0]?.length ?? 0;
  // Rows (the last column is the row's total) and columns (the last row is "All").
  grid.forEach((row, r) => {
    if (width > 1) check(`row ${labels[r]}`, row.slice(0, -1), row[width - 1] ?? null);
  });
  for (let c = 0; c < width; c++)
    check(
      `column ${table.head[c + 1]}`,
      grid.slice(0, -1).map((row) => row[c] ?? null),
      grid[grid.length - 1]?.[c] ?? null
    );
  return found;
}

const giveAway = (table: TableBlock) => hiddenRemainders(table).filter(({ remainder }) => remainder > 0 && remainder < THRESHOLD);

describe('suppressing a table with totals', () => {
  it('hides more than the small school when its column total is shown (the reported table)', () => {
    // Schools by 2026 aged 8–11, 2026 aged 11–19 and 2025: Tiny Test School has 3, the junior schools none aged 11–19.
    const counts = [
      [31, 0, 0],
      [25, 0, 40],
      [0, 480, 300],
      [0, 1023, 500],
      [0, 3, 0]
    ];
    const result = suppress(counts, { threshold: THRESHOLD, showZeros: true });
    const column = counts.map((row) => row[1] as number);
    const total = result.columnTotals[1]?.count;
    const shown = result.cells.reduce((s, row) => s + (row[1]?.count ?? 0), 0);
    expect(result.cells[4]?.[1]?.count).toBeNull();
    if (total !== null && total !== undefined) expect(total - shown).toBeGreaterThanOrEqual(THRESHOLD);
    expect(column.reduce((s, v) => s + v, 0)).toBe(1506);
  });

  it('leaves no row, column or line of totals whose hidden counts add up to 1 to 9', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }));
    const table = fc.integer({ min: 1, max: 5 }).chain((columns) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(table, fc.boolean(), (counts, showZeros) => {
        const t = suppress(counts, { threshold: THRESHOLD, showZeros });
        const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
        const columnTotals = (counts[0] ?? []).map((_, c) => counts.reduce((s, row) => s + (row[c] ?? 0), 0));
        const grand = rowTotals.reduce((s, v) => s + v, 0);
        // Every line: [true value, figure] for its parts, then its total.
        const lines = [
          ...counts.map((row, r) => [...row.map((v, c) => [v, t.cells[r]?.[c]] as const), [rowTotals[r], t.rowTotals[r]] as const]),
          ...columnTotals.map((v, c) => [...counts.map((row, r) => [row[c], t.cells[r]?.[c]] as const), [v, t.columnTotals[c]] as const]),
          [...rowTotals.map((v, r) => [v, t.rowTotals[r]] as const), [grand, t.total] as const],
          [...columnTotals.map((v, c) => [v, t.columnTotals[c]] as const), [grand, t.total] as const]
        ];
        for (const line of lines) {
          for (const [value, figure] of line) expect(figure?.count === null || figure?.count === value).toBe(true);
          const [, total] = line[line.length - 1] as (typeof line)[number];
          if (total?.count === null || total?.count === undefined) continue;
          const hidden = line.slice(0, -1).filter(([, f]) => f?.count === null);
          const mass = hidden.reduce((s, [v]) => s + (v ?? 0), 0);
          expect(hidden.length === 0 || mass >= THRESHOLD).toBe(true);
        }
      }),
      { numRuns: 400 }
    );
  });
});

describe('who took part, on a real database', () => {
  let api: FreshApi;
  let author: Record<string, string>;
  let seriesId: string;

  async function publishedSurvey(officer: Record<string, string>, template: string) {
    const created = await createFromTemplate(api, officer, template);
    const published = await jsonOf(await api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer));
    return { id: created.questionnaire.id as string, versionId: published.versions[0].id as string };
  }

  async function answers(versionId: string, school: string, n: number) {
    const statements = Array.from({ length: n }, () => ({
      sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [randomUUID(), versionId, randomUUID(), '{}', JSON.stringify({ school, class: 'Year 6' }), Date.parse('2026-06-10T12:00:00Z')]
    }));
    await api.database.client.batch(statements, 'write');
  }

  beforeAll(async () => {
    api = await freshApi();
    const organisationId = await demoOrganisationId(api);
    author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
    const officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
    const juniors = await publishedSurvey(officer, 'feeling-safe-8-11');
    const seniors = await publishedSurvey(officer, 'youth-safety-11-19');
    const before = await publishedSurvey(officer, 'youth-safety-11-19');
    await answers(juniors.versionId, 'Brookside Junior School', 31);
    await answers(juniors.versionId, 'Elm Primary School', 25);
    await answers(seniors.versionId, 'Castle High School', 480);
    await answers(seniors.versionId, 'Riverside Academy', 1023);
    await answers(seniors.versionId, 'Tiny Test School', 3);
    await answers(before.versionId, 'Elm Primary School', 40);
    await answers(before.versionId, 'Castle High School', 300);
    await answers(before.versionId, 'Riverside Academy', 500);
    seriesId = (await jsonOf(await api.json('/api/series', { name: 'Feeling safe' }, officer))).series.id;
    for (const [label, date, ids] of [
      ['2025', '2025-06-15', [before.id]],
      ['2026', '2026-06-15', [juniors.id, seniors.id]]
    ] as const) {
      const wave = await api.json(`/api/series/${seriesId}/waves`, { label, fieldworkDate: date, questionnaireIds: ids }, officer);
      expect(wave.status, await wave.clone().text()).toBe(201);
    }
  }, 120_000);
  afterAll(() => api.close());

  it('a school of 3 pupils cannot be worked out from the shown counts and totals', async () => {
    const created = await api.json('/api/reports', { definition: { title: 'Who', covers: { seriesId }, sections: [{ id: 'm', kind: 'methodology' }] } }, author);
    expect(created.status, await created.clone().text()).toBe(201);
    const res = await api.app.request(`/api/reports/${(await jsonOf(created)).report.id}`, { headers: author });
    expect(res.status).toBe(200);
    const { document } = await jsonOf<{ document: ReportDocument }>(res);
    const tables = (document.sections.find((s) => s.kind === 'methodology')?.blocks ?? []).flatMap((b) => (b.type === 'table' ? [b] : []));
    const schools = tables.find((t) => t.caption === 'People who took part, by school');
    expect(schools?.head).toEqual(expect.arrayContaining(['People, 2025', 'People, 2026, aged 8–11', 'People, 2026, aged 11–19', 'People, all']));
    const tiny = schools?.rows.find((r) => r[0] === 'Tiny Test School');
    // Each withheld count says which rule withheld it (its school has fewer than 10 in all), and the table's notes say what each rule means.
    expect(tiny?.slice(1)).toEqual(['[c] under 10 in group', '[c] under 10 in group', '[c] under 10 counted', '[c] under 10 counted']);
    const marks = (schools?.rows ?? []).flat().filter((c) => c.startsWith('[c]'));
    expect(schools?.withheld?.reduce((sum, n) => sum + n.figures, 0)).toBe(marks.length);
    expect(schools?.withheld?.[0]?.sentence).toBe(withheldRuleInWords('too few people', THRESHOLD));
    expect(giveAway(schools as TableBlock)).toEqual([]);
    const ages = tables.find((t) => t.caption === 'People who took part, by age group');
    expect(ages).toBeDefined();
    expect(giveAway(ages as TableBlock)).toEqual([]);
  });
});
