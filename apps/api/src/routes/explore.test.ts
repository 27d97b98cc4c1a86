// The explorer API on a real temporary database: pupils answer the youth
// survey with class codes from three schools, the coder codes their answers,
// and analysts explore: prevalence with Wilson intervals, filters, a
// cross-tab, co-occurrence, suppression, the differencing attack ("Year 9"
// against "Year 9 at every school but one"), quotes, roles and bad queries;
// then new responses and a re-coding job reach the figures.
import { randomUUID } from 'node:crypto';
import { organisationSettings, questionnaireVersions } from '@safer-voices/db';
import { wilson } from '@safer-voices/insights';
import { type Answers, sampleAnswers, withoutHiddenAnswers } from '@safer-voices/survey';
import { createCoder, DEFAULT_CODEBOOK, retireTheme } from '@safer-voices/themes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { createRecodeJob, runRecodeChunk } from '../coding/recode-job';
import { createResponseWriter } from '../ingest/response-writer';
import { demoSurvey } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import type { ExploreView, ShownFigure } from './explore-types';

const KNIVES_AND_SCARED = 'Boys at Oak Academy carry knives and I feel scared walking home at night, ring Sophie Smith on 07700 900123';
const KNIVES = 'Boys carry knives near the station';
const ALLEY = 'The dark alley behind the shops at night';
const SCARED = 'I feel scared walking home at night';
const SNAP = 'People send threats on snapchat';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let organisationId: string;
let analyst: Record<string, string>;
let submitted = 0;

/** A pupil's response through the ingest writer, as a class code would start it. */
async function pupil(school: string, klass: string, text: string) {
  const seed = submitted++;
  const answers: Answers = { ...sampleAnswers(survey.definition, seed), saw_violence_social_media: text === SNAP ? 'yes' : 'no', what_makes_unsafe: text };
  delete answers.why_involved;
  delete answers.what_would_help;
  const writer = createResponseWriter(api.database.writes, api.database.client);
  await writer.write({ versionId: survey.versionId, answers: withoutHiddenAnswers(survey.definition, answers), context: { school, class: klass }, idempotencyKey: randomUUID() });
}

async function pupils(count: number, school: string, klass: string, text: string) {
  for (let i = 0; i < count; i++) await pupil(school, klass, text);
}

async function codeEverything() {
  while ((await codeOutstanding(api.database, { limit: 100 })).responses > 0);
}

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  survey = await demoSurvey(api);
  await api.database.db.insert(organisationSettings).values({ organisationId, redactionTerms: ['Oak Academy'], updatedAt: new Date() });
  // 62 pupils. Knives 24 (12 with fear), fear 28, the alley (environment) 12, snapchat threats (social media) 10.
  await pupils(12, 'Oak', 'Year 9', KNIVES_AND_SCARED);
  await pupils(8, 'Oak', 'Year 9', ALLEY);
  await pupils(12, 'Elm', 'Year 9', KNIVES);
  await pupils(4, 'Elm', 'Year 9', ALLEY);
  await pupils(6, 'Ash', 'Year 9', SCARED); // the small group of the differencing attack
  await pupils(10, 'Ash', 'Year 10', SCARED);
  await pupils(10, 'Ash', 'Year 10', SNAP);
  await codeEverything();
}, 60_000);
afterAll(() => api.close());

const explore = async (query = '', headers = analyst, id = survey.questionnaireId) => api.app.request(`/api/explore/${id}${query}`, { headers });
const view = async (query = ''): Promise<ExploreView> => {
  const res = await explore(query);
  expect(res.status, await res.clone().text()).toBe(200);
  return jsonOf(res);
};
const theme = (v: ExploreView, id: string) => v.prevalence.find((t) => t.themeId === id) as ExploreView['prevalence'][number];

describe('the explorer', () => {
  it('shows the prevalence of each theme among respondents, with 95% Wilson intervals', async () => {
    const v = await view();
    expect(v.questionnaire).toMatchObject({ id: survey.questionnaireId, title: "Young people's safety survey", kind: 'survey' });
    expect(v.versions).toEqual([{ version: 1, publishedAt: expect.any(String) }]);
    expect(v.threshold).toBe(10);
    expect(v.base).toMatchObject({ count: 62, suppressed: null });
    const knives = theme(v, 'knives_weapons');
    const w = wilson(24, 62);
    expect(knives).toMatchObject({ label: 'Knives & weapons', count: 24, suppressed: null, reason: null });
    expect(knives.percent).toBeCloseTo((24 / 62) * 100, 9);
    expect(knives.lower).toBeCloseTo((w.lower as number) * 100, 9);
    expect(knives.upper).toBeCloseTo((w.upper as number) * 100, 9);
    expect(theme(v, 'fear').count).toBe(28);
    expect(theme(v, 'environment').count).toBe(12);
    expect(theme(v, 'social_media').count).toBe(10);
    // The codebook's themes, in its order.
    expect(v.prevalence.map((t) => t.themeId)).toEqual(DEFAULT_CODEBOOK.themes.map((t) => t.id));
    expect(v.notice).toBeNull();
  });

  it('withholds counts below the threshold, zeros included', async () => {
    const v = await view();
    expect(theme(v, 'exclusion')).toMatchObject({ count: null, percent: null, lower: null, upper: null, suppressed: 'primary', reason: 'count below threshold' });
    const yes = await view('?f.saw_violence_social_media=yes');
    expect(yes.base.count).toBe(10);
    // All 10 wrote about social media: 10 would tell that nobody did not.
    expect(theme(yes, 'social_media')).toMatchObject({ count: null, suppressed: 'secondary' });
  });

  it('lists the closed questions, grid rows and class-code labels to filter by', async () => {
    const v = await view();
    const keys = v.dimensions.map((d) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['safe_at_school', 'changed_behaviour', 'safe_places.park', 'avoid_places', 'school', 'class']));
    expect(keys).not.toContain('what_makes_unsafe');
    expect(v.dimensions.find((d) => d.key === 'safe_places.park')).toMatchObject({ label: 'How safe do you feel in these places?: Parks' });
    expect(v.dimensions.find((d) => d.key === 'safe_at_school')?.options.map((o) => o.value)).toEqual([
      'very_safe',
      'quite_safe',
      'not_very_safe',
      'not_at_all_safe',
      'dont_know',
      'prefer_not_to_say',
      'not_applicable'
    ]);
    expect(v.dimensions.find((d) => d.key === 'school')).toEqual({
      key: 'school',
      label: 'School',
      options: [
        { value: 'Ash', label: 'Ash' },
        { value: 'Elm', label: 'Elm' },
        { value: 'Oak', label: 'Oak' }
      ]
    });
    expect(v.freeTextQuestions.map((q) => q.id)).toEqual(['what_makes_unsafe', 'why_involved', 'what_would_help']);
  });

  it('filters by answers: any of one question’s values, and every question', async () => {
    const year9 = await view('?f.class=Year%209');
    expect(year9.applied.filters).toEqual({ class: ['Year 9'] });
    expect(year9.base.count).toBe(42);
    expect(theme(year9, 'knives_weapons').count).toBe(24);
    expect(theme(year9, 'fear').count).toBe(18);
    expect(theme(year9, 'social_media').count).toBeNull();
    const two = await view('?f.school=Oak&f.school=Ash');
    expect(two.base.count).toBe(46);
    expect(theme(two, 'fear').count).toBe(28);
    const oak9 = await view('?f.school=Oak&f.class=Year%209&version=1');
    expect(oak9.base.count).toBe(20);
    expect(oak9.applied).toMatchObject({ versions: [1], filters: { school: ['Oak'], class: ['Year 9'] } });
  });

  it('filters by the day submitted', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await view(`?from=${today}&to=${today}`)).base.count).toBe(62);
    const before = await view('?to=2020-01-01');
    expect(before.base).toMatchObject({ count: null, suppressed: 'primary', reason: 'base below threshold' });
    expect(before.prevalence.every((t) => t.count === null)).toBe(true);
    expect(before.quotes).toEqual([]);
  });

  it('withholds every figure when a view differs from a wider one by fewer than 10 people', async () => {
    // "Year 9" is shown; "Year 9 at every school but one" differs from it by Ash's 6 Year 9 pupils.
    const year9 = await view('?f.class=Year%209');
    expect(year9.notice).toBeNull();
    const attack = await view('?f.class=Year%209&f.school=Oak&f.school=Elm');
    expect(attack.base).toMatchObject({ count: null, suppressed: 'differencing', reason: 'difference below threshold' });
    for (const t of attack.prevalence) expect(t).toMatchObject({ count: null, percent: null, suppressed: 'differencing' });
    expect(attack.cooccurrence.counts.flat().every((c) => c === null)).toBe(true);
    expect(attack.quotes).toEqual([]);
    expect(attack.notice).toContain('“School”');
    expect(attack.notice).toMatch(/fewer|smaller than 10/);
    // The same cut as a cross-tab is withheld too.
    const crossed = await view('?f.class=Year%209&f.school=Oak&f.school=Elm&by=school');
    expect(crossed.crosstab?.rows.flatMap((r) => r.cells).every((c) => c.suppressed === 'differencing')).toBe(true);
    // Without the class filter, the school filter leaves out all 26 at Ash: nothing to hide.
    expect((await view('?f.school=Oak&f.school=Elm')).base.count).toBe(36);
  });

  it('cross-tabulates themes by group as a protected two-way table', async () => {
    const v = await view('?by=school');
    const table = v.crosstab;
    expect(table?.by).toEqual({ key: 'school', label: 'School' });
    expect(table?.groups.map((g) => [g.value, g.base.count])).toEqual([
      ['Ash', 26],
      ['Elm', 16],
      ['Oak', 20]
    ]);
    expect(table?.groups[0]?.base.percent).toBeCloseTo((26 / 62) * 100, 9);
    expect(table?.rows.map((r) => r.themeId)).toEqual(v.prevalence.map((t) => t.themeId));
    const truth: Record<string, number[]> = { knives_weapons: [0, 12, 12], fear: [16, 0, 12], environment: [0, 4, 8], social_media: [10, 0, 0] };
    for (const row of table?.rows ?? []) {
      const counts = truth[row.themeId] ?? [0, 0, 0];
      row.cells.forEach((cell: ShownFigure, g) => {
        const base = table?.groups[g]?.base.count as number;
        if (cell.count !== null) {
          expect(cell.count).toBe(counts[g]);
          // Nor can the group's pupils without the theme be worked out as a small number.
          expect(base - cell.count).toBeGreaterThanOrEqual(10);
          expect(cell.percent).toBeCloseTo((cell.count / base) * 100, 9);
        }
        if ((counts[g] as number) < 10) expect(cell.count).toBeNull();
      });
      // A theme's count is shown, so no row may have exactly one hidden cell.
      if (theme(v, row.themeId).count !== null) expect(row.cells.filter((c) => c.count === null).length).not.toBe(1);
    }
    const social = table?.rows.find((r) => r.themeId === 'social_media')?.cells[0];
    expect(social).toMatchObject({ count: 10, suppressed: null });
    expect(social?.percent).toBeCloseTo((10 / 26) * 100, 9);
  });

  it('counts respondents with both of two themes, withholding small groups', async () => {
    const v = await view();
    const at = (a: string, b: string) => v.cooccurrence.counts[v.cooccurrence.themeIds.indexOf(a)]?.[v.cooccurrence.themeIds.indexOf(b)];
    expect(v.cooccurrence.themeIds).toEqual(['social_media', 'fear', 'knives_weapons', 'environment']);
    expect(at('knives_weapons', 'fear')).toBe(12);
    expect(at('fear', 'knives_weapons')).toBe(12);
    expect(at('fear', 'fear')).toBe(28);
    expect(at('knives_weapons', 'environment')).toBeNull();
  });

  it('quotes the most confident answers of the chosen theme, redacted, with the evidence on the redacted text', async () => {
    const v = await view('?theme=knives_weapons');
    expect(v.applied.theme).toBe('knives_weapons');
    expect(v.quotes).toHaveLength(5);
    for (const quote of v.quotes) {
      expect(quote).toMatchObject({ themeId: 'knives_weapons', questionId: 'what_makes_unsafe' });
      expect(quote.text).not.toMatch(/Sophie|07700|Oak Academy/);
      expect(quote.evidence.length).toBeGreaterThan(0);
      for (const e of quote.evidence) expect(quote.text.slice(e.start, e.end)).toMatch(/knive|carry/i);
    }
    expect(v.quotes.map((q) => q.text)).toContain('Boys at [redacted] carry knives and I feel scared walking home at night, ring [name] on [phone]');
    // Only from the respondents in view.
    const elm = await view('?theme=knives_weapons&f.school=Elm&f.school=Ash');
    expect(new Set(elm.quotes.map((q) => q.text))).toEqual(new Set([KNIVES]));
    // By default, the most common theme shown.
    const plain = await view();
    expect(plain.applied.theme).toBe('fear');
    expect(plain.quotes.every((q) => q.themeId === 'fear')).toBe(true);
    // None for a theme whose count is withheld.
    const hidden = await view('?theme=social_media&f.class=Year%209');
    expect(hidden.quotes).toEqual([]);
  });

  it('answers officers, authors and admins too; a safeguarding lead alone is refused; other organisations see nothing', async () => {
    for (const role of ['officer', 'author', 'admin'] as const) {
      expect((await explore('', await bearerFor(api, (await addStaff(api, organisationId, [role])).id))).status).toBe(200);
    }
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await explore('', lead)).status).toBe(403);
    expect((await explore('', {})).status).toBe(401);
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere VRP'), ['analyst'])).id);
    const res = await explore('', elsewhere);
    expect(res.status).toBe(404);
    expect(await jsonOf(res)).toMatchObject({ error: 'questionnaire_not_found' });
    expect((await explore('', analyst, 'no-such-questionnaire')).status).toBe(404);
  });

  it('refuses a query it does not understand with field-level issues', async () => {
    const cases: [string, string][] = [
      ['?f.favourite_colour=blue', 'f.favourite_colour'],
      ['?f.school=Birch', 'f.school'],
      ['?f.safe_at_school=very_safe&f.safe_at_school=fairly', 'f.safe_at_school'],
      ['?from=2026-02-30', 'from'],
      ['?from=yesterday', 'from'],
      ['?from=2026-03-02&to=2026-03-01', 'to'],
      ['?from=2026-03-01&from=2026-03-02', 'from'],
      ['?version=2', 'version'],
      ['?version=latest', 'version.0'],
      ['?question=safe_at_school', 'question'],
      ['?theme=unicorns', 'theme'],
      ['?by=what_makes_unsafe', 'by'],
      ['?colour=blue', 'colour']
    ];
    for (const [query, field] of cases) {
      const res = await explore(query);
      expect(res.status, query).toBe(400);
      const body = await jsonOf(res);
      expect(body.error, query).toBe('invalid_request');
      expect(body.issues.map((i: { field: string }) => i.field), query).toContain(field);
    }
  });

  it('uses the organisation’s threshold', async () => {
    const { db } = api.database;
    await db.update(organisationSettings).set({ suppressionThreshold: 12 }).where(eq(organisationSettings.organisationId, organisationId));
    try {
      const v = await view();
      expect(v.threshold).toBe(12);
      expect(theme(v, 'environment').count).toBe(12);
      expect(theme(v, 'social_media')).toMatchObject({ count: null, suppressed: 'primary' });
    } finally {
      await db.update(organisationSettings).set({ suppressionThreshold: 10 }).where(eq(organisationSettings.organisationId, organisationId));
    }
  });
});

describe('keeping up with the database', () => {
  it('counts new responses once they are coded', async () => {
    await pupils(10, 'Ash', 'Year 10', SNAP);
    expect(theme(await view(), 'social_media').count).toBe(10); // not coded yet
    await codeEverything();
    const v = await view();
    expect(v.base.count).toBe(72);
    expect(theme(v, 'social_media').count).toBe(20);
  });

  it('adds a newly published version, its new question becoming a dimension', async () => {
    const definition = structuredClone(survey.definition);
    definition.pages.push({ id: 'travel', questions: [{ id: 'travel_mode', type: 'single', label: 'How do you usually get to school?', required: false, options: [{ value: 'walk', label: 'Walk' }, { value: 'bus', label: 'Bus' }] }] });
    const versionId = randomUUID();
    await api.database.db.insert(questionnaireVersions).values({ id: versionId, questionnaireId: survey.questionnaireId, version: 2, definition, publishedAt: new Date() });
    const writer = createResponseWriter(api.database.writes, api.database.client);
    for (let i = 0; i < 12; i++) {
      const answers: Answers = { ...withoutHiddenAnswers(definition, sampleAnswers(definition, i)), what_makes_unsafe: KNIVES, travel_mode: 'bus' };
      delete answers.why_involved;
      delete answers.what_would_help;
      await writer.write({ versionId, answers, idempotencyKey: randomUUID() });
    }
    await codeEverything();
    const v = await view('?version=2');
    expect(v.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(v.dimensions.find((d) => d.key === 'travel_mode')).toMatchObject({ label: 'How do you usually get to school?' });
    expect(v.base.count).toBe(12);
    expect((await view('?f.travel_mode=bus')).base.count).toBe(12);
    // Version 1 has 72: version 2 leaves out 72, and version 1 alone leaves out the 12.
    expect((await view('?version=1')).base.count).toBe(72);
  });

  it('follows a re-coding job, including answers that lose every theme', async () => {
    const job = await createRecodeJob(api.database.db, { organisationId, questionnaireId: survey.questionnaireId, createdBy: (await addStaff(api, organisationId, ['analyst'])).id });
    const coder = createCoder({ codebook: retireTheme(DEFAULT_CODEBOOK, 'social_media') });
    await runRecodeChunk(api.database, { limit: 62, coder });
    // Part way: the first 62 pupils are re-coded, the 10 who came later not yet.
    expect(theme(await view('?version=1'), 'social_media').count).toBe(10);
    while ((await runRecodeChunk(api.database, { limit: 40, coder })) !== null);
    const v = await view('?version=1');
    expect(job.status).toBe('queued');
    expect(v.base.count).toBe(72);
    expect(theme(v, 'social_media')).toMatchObject({ count: null, suppressed: 'primary' });
    expect(theme(v, 'knives_weapons').count).toBe(24);
  });
});

describe('analysts’ decisions', () => {
  it('reach the figures at once, even one that leaves an answer with no themes', async () => {
    const before = theme(await view('?version=1'), 'knives_weapons').count as number;
    const coded = await api.database.client.execute({
      sql: "SELECT ac.response_id, ac.question_id FROM answer_codes ac JOIN responses r ON r.id = ac.response_id WHERE ac.theme_id = 'knives_weapons' AND r.version_id = ? LIMIT 1",
      args: [survey.versionId]
    });
    const [answer] = coded.rows;
    const decided = await api.json('/api/review/decisions', { responseId: answer?.response_id, questionId: answer?.question_id, themes: [] }, analyst);
    expect(decided.status, await decided.clone().text()).toBe(200);
    expect(theme(await view('?version=1'), 'knives_weapons').count).toBe(before - 1);
  });
});

describe('collections', () => {
  it('are explored like surveys, by their grouping columns', async () => {
    const rows = Array.from({ length: 24 }, (_, i) => `${i % 2 === 0 ? 'Taunton' : 'Bridgwater'},"${i < 14 ? KNIVES : ALLEY}"`);
    const form = new FormData();
    form.append('file', new File([['area,comment', ...rows].join('\r\n')], 'posts.csv'));
    form.append('name', 'Community posts');
    form.append('textColumn', 'comment');
    form.append('groupColumns', 'area');
    const imported = await api.app.request('/api/collections', { method: 'POST', body: form, headers: analyst });
    expect(imported.status, await imported.clone().text()).toBe(201);
    const { collection } = await jsonOf(imported);
    await codeEverything();
    const v = await jsonOf(await explore('', analyst, collection.id));
    expect(v.questionnaire).toMatchObject({ id: collection.id, title: 'Community posts', kind: 'collection' });
    expect(v.base.count).toBe(24);
    expect(theme(v, 'knives_weapons').count).toBe(14);
    const area = v.dimensions.find((d: { label: string }) => /area/i.test(d.label));
    expect(area.options.map((o: { label: string }) => o.label).sort()).toEqual(['Bridgwater', 'Taunton']);
    const taunton = area.options.find((o: { label: string }) => o.label === 'Taunton').value;
    expect((await jsonOf(await explore(`?f.${area.key}=${taunton}`, analyst, collection.id))).base.count).toBe(12);
  });
});
