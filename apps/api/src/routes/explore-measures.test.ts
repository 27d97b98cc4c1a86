// The explorer's perception-of-safety measures and its Excel workbook, on the
// schools fixture (test/explore.ts): headlines with Wilson intervals worked
// out again from the stored answers, filters, suppression, differencing,
// groups, and the workbook holding the same figures as the view.
import { wilson, withheldNote, withheldRuleInWords } from '@safer-voices/insights';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SchoolsExplorer, schoolsExplorer } from '../test/explore';
import { jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor } from '../test/staff';
import type { ExploreView } from '../explore/types';

let api: SchoolsExplorer['api'];
let organisationId: string;
let analyst: Record<string, string>;
let survey: SchoolsExplorer['survey'];
let view: SchoolsExplorer['view'];
beforeAll(async () => {
  ({ api, organisationId, analyst, survey, view } = await schoolsExplorer());
}, 60_000);
afterAll(() => api.close());

const measure = (v: ExploreView, key: string) => v.measures.find((m) => m.key === key) as ExploreView['measures'][number];

describe('perception-of-safety measures', () => {
  /** Base and count of a single-answer measure, worked out from the stored answers themselves. */
  async function fromStoredAnswers(question: string, counted: string[], notInBase: string[]) {
    const { rows } = await api.database.client.execute({ sql: 'SELECT answers FROM responses WHERE version_id = ?', args: [survey.versionId] });
    const answers = rows.map((r) => JSON.parse(String(r.answers))[question]).filter((a) => typeof a === 'string' && !notInBase.includes(a));
    return { base: answers.length, count: answers.filter((a) => counted.includes(a)).length };
  }

  it('reports each measure the survey has as its headline percentage with a 95% Wilson interval, leaving “don’t know” out of the base', async () => {
    const v = await view();
    expect(v.measures.map((m) => m.key)).toEqual(expect.arrayContaining(['safe_at_school', 'safe_area_after_dark', 'safe_places.park', 'worry_violence', 'saw_violence_social_media']));
    // Free-text questions and closed questions without a measure headline are not measures.
    expect(v.measures.map((m) => m.key)).not.toContain('what_makes_unsafe');
    const school = measure(v, 'safe_at_school');
    expect(school).toMatchObject({ measure: 'safe_at_school', name: 'Safe at school', headline: '% very, fairly or quite safe', counted: ['Very safe', 'Quite safe'] });
    expect(school.notInBase).toEqual(expect.arrayContaining(["I don't know", "I'm not at school or college"]));
    const expected = await fromStoredAnswers('safe_at_school', ['very_safe', 'quite_safe'], ['dont_know', 'prefer_not_to_say', 'not_applicable']);
    expect(expected.base).toBeGreaterThanOrEqual(10);
    expect(school.base.count).toBe(expected.base);
    expect(school.figure.count).toBe(expected.count);
    const w = wilson(expected.count, expected.base);
    expect(school.figure.percent).toBeCloseTo((expected.count / expected.base) * 100, 9);
    expect(school.figure.lower).toBeCloseTo((w.lower as number) * 100, 9);
    expect(school.figure.upper).toBeCloseTo((w.upper as number) * 100, 9);
    // A grid row is a measure of its own, among those who go there.
    expect(measure(v, 'safe_places.park')).toMatchObject({ name: 'Safe: Parks', headline: '% very or fairly safe, of those who go there', notInBase: ["I don't go there"] });
    expect(measure(v, 'saw_violence_social_media')).toMatchObject({ base: { count: 62 }, figure: { count: 10, suppressed: null } });
  });

  it('follow the filters, and count everyone who answered, not only those with coded text', async () => {
    const ash = await view('?f.school=Ash');
    expect(measure(ash, 'saw_violence_social_media')).toMatchObject({ base: { count: 26 }, figure: { count: 10 } });
    expect(measure(ash, 'saw_violence_social_media').figure.percent).toBeCloseTo((10 / 26) * 100, 9);
  });

  it('withhold a figure that would show everyone, or nobody but a few, gave the same answer', async () => {
    // Every pupil in the fixture did at least one of the things listed: "62 of 62" would tell what each of them did.
    expect(measure(await view(), 'changed_behaviour')).toMatchObject({ base: { count: 62 }, figure: { count: null, suppressed: 'primary', reason: 'rest below threshold' } });
    // Too few pupils in the view (Ash's 6 in Year 9): the base and the figure are withheld.
    const few = await view('?f.class=Year%209&f.school=Ash');
    expect(measure(few, 'safe_at_school')).toMatchObject({ base: { count: null, suppressed: 'primary' }, figure: { count: null, suppressed: 'primary' } });
  });

  it('say a base is none by definition, not too few, when the filters leave no one who could be counted', async () => {
    // "I don't know" is left out of the measure's base: choosing only it leaves no one, whatever the answers.
    const v = await view('?f.safe_at_school=dont_know');
    expect(measure(v, 'safe_at_school')).toMatchObject({ base: { count: null, reason: 'none by definition' }, figure: { count: null, reason: 'none by definition' } });
    // Split by its own question: that answer's group is none by definition; another group empty only by chance is not.
    const own = await view('?by=safe_at_school');
    const groups = own.measuresBy?.groups.map((g) => g.value) ?? [];
    const cells = measure(own, 'safe_at_school').byGroup ?? [];
    expect(cells[groups.indexOf('dont_know')]?.base).toMatchObject({ count: null, reason: 'none by definition' });
    expect(cells[groups.indexOf('very_safe')]?.base.reason).not.toBe('none by definition');
    // Filtered to one school and split by school: the other schools are none by definition.
    const ash = await view('?f.school=Ash&by=school');
    const schools = ash.crosstab?.groups ?? [];
    expect(schools.filter((g) => g.value !== 'Ash').every((g) => g.base.reason === 'none by definition')).toBe(true);
    expect(schools.find((g) => g.value === 'Ash')?.base.count).toBeGreaterThanOrEqual(10);
  });

  it('split by a grouping question, each group protected as in the themes cross-tab', async () => {
    const v = await view('?by=class');
    expect(v.measuresBy).toEqual({ key: 'class', label: 'Class', groups: [expect.objectContaining({ label: 'Year 9' }), expect.objectContaining({ label: 'Year 10' })] });
    const year = (label: string) => v.measuresBy?.groups.findIndex((g) => g.label === label) as number;
    const saw = measure(v, 'saw_violence_social_media');
    expect(measure(v, 'safe_at_school').byGroup?.[year('Year 9')]).toMatchObject({ base: { count: 42 }, figure: { count: 22, suppressed: null } });
    // All 10 who saw violence on social media are in Year 10. Year 9's 0 of 42 is withheld, and so is
    // Year 10's 10 of 20, which the overall 10 would otherwise give away.
    expect(saw.figure).toMatchObject({ count: 10, suppressed: null });
    expect(saw.byGroup?.[year('Year 9')]?.figure).toMatchObject({ count: null, suppressed: 'primary' });
    expect(saw.byGroup?.[year('Year 10')]).toMatchObject({ base: { count: 20 }, figure: { count: null, suppressed: 'secondary' } });
    const ungrouped = await view();
    expect(ungrouped.measuresBy).toBeNull();
    expect(measure(ungrouped, 'safe_at_school').byGroup).toBeNull();
  });

  it('are withheld with everything else when the view differs from a wider one by fewer than 10 people', async () => {
    const attack = await view('?f.class=Year%209&f.school=Oak&f.school=Elm');
    expect(attack.measures.length).toBeGreaterThan(0);
    for (const m of attack.measures) {
      expect(m.base).toMatchObject({ count: null, suppressed: 'differencing' });
      expect(m.figure).toMatchObject({ count: null, percent: null, suppressed: 'differencing' });
    }
  });
});

describe('the figures as an Excel workbook', () => {
  const workbook = async (query: string, headers = analyst) => api.app.request(`/api/explore/${survey.questionnaireId}/workbook${query}`, { headers });

  it('holds the same figures as the view, one sheet per table, "[c]" and its rule where withheld, notes on the rules, and no quotes', async () => {
    const v = await view('?by=class');
    const res = await workbook('?by=class');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="young-people-s-safety-survey-figures.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['About', 'Measures', 'Measures by group', 'Themes', 'Themes by group', 'Notes']);
    const rows = (name: string) => (book.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows('About')).toEqual(
      expect.arrayContaining([
        ['Questionnaire', "Young people's safety survey"],
        ['Grouped by', 'Class']
      ])
    );
    const school = measure(v, 'safe_at_school');
    expect(rows('Measures')).toContainEqual([
      'Safe at school',
      school.label,
      '% very, fairly or quite safe',
      Math.round((school.figure.percent as number) * 10) / 10,
      Math.round((school.figure.lower as number) * 10) / 10,
      Math.round((school.figure.upper as number) * 10) / 10,
      school.figure.count,
      school.base.count,
      school.counted.join(', '),
      school.notInBase.join(', ')
    ]);
    // Year 10's figure for seeing violence on social media is withheld on the page, and here.
    // Year 10's figure for seeing violence on social media is withheld on the page, and here, saying which rule withheld it as the page does.
    const year10 = measure(v, 'saw_violence_social_media').byGroup?.[v.measuresBy?.groups.findIndex((g) => g.label === 'Year 10') ?? -1]?.figure;
    const year10Mark = `[c] ${withheldNote(year10?.reason ?? null, 10)}`;
    expect(year10Mark).toBe('[c] protects another cell');
    expect(rows('Measures by group')).toContainEqual(['Saw violence on social media', 'Year 10', year10Mark, year10Mark, year10Mark, year10Mark, 20]);
    const exclusion = v.prevalence.find((p) => p.label === 'School exclusion');
    const exclusionMark = `[c] ${withheldNote(exclusion?.reason ?? null, 10)}`;
    expect(exclusionMark).toBe('[c] under 10 counted');
    expect(rows('Themes')).toContainEqual(['School exclusion', exclusionMark, exclusionMark, exclusionMark, exclusionMark, 62]);
    // The Notes sheet says what each rule means, once per sheet, with how many of its figures it withheld.
    expect(rows('Notes')[0]).toEqual(['Sheet', 'Rule', 'Figures it withheld', 'What it means']);
    expect(rows('Notes')).toContainEqual(['Themes', 'too few people', expect.any(Number), withheldRuleInWords('too few people', 10)]);
    expect(rows('Notes')).toContainEqual(['Measures by group', 'protects another cell', expect.any(Number), withheldRuleInWords('protects another cell', 10)]);
    const themeMarks = rows('Themes')
      .flat()
      .filter((c) => typeof c === 'string' && c.startsWith('[c]')).length;
    expect(
      rows('Notes')
        .filter((r) => r[0] === 'Themes')
        .reduce((sum, r) => sum + Number(r[2]), 0)
    ).toBe(themeMarks);
    expect(rows('About')).toContainEqual(['Withheld figures', '[c] is a withheld figure; after it, in a few words, the rule that withheld it. The Notes sheet says what each rule means.']);
    // Quotes (even redacted) stay on the page.
    const everything = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    expect(everything).not.toContain('snapchat');
    expect(everything).not.toContain('Sophie');
  });

  it('refuses what the view refuses, with the same errors', async () => {
    const bad = await workbook('?from=2026-02-31');
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).issues.map((i: { field: string }) => i.field)).toContain('from');
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await workbook('', lead)).status).toBe(403);
  });
});
