// The explorer API on the schools fixture (test/explore.ts): prevalence with
// Wilson intervals, filters, a cross-tab, co-occurrence, suppression, the
// differencing attack ("Year 9" against "Year 9 at every school but one"),
// quotes, roles and bad queries.
import { organisationSettings } from '@safer-voices/db';
import { wilson } from '@safer-voices/insights';
import { DEFAULT_CODEBOOK } from '@safer-voices/themes';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNIVES, type SchoolsExplorer, schoolsExplorer, theme } from '../test/explore';
import { jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor } from '../test/staff';
import type { ShownFigure } from '../explore/types';

let api: SchoolsExplorer['api'];
let organisationId: string;
let analyst: Record<string, string>;
let survey: SchoolsExplorer['survey'];
let explore: SchoolsExplorer['explore'];
let view: SchoolsExplorer['view'];
beforeAll(async () => {
  ({ api, organisationId, analyst, survey, explore, view } = await schoolsExplorer());
}, 60_000);
afterAll(() => api.close());

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
    expect(theme(yes, 'social_media')).toMatchObject({ count: null, suppressed: 'primary', reason: 'rest below threshold' });
  });

  it('counts the themes of one free-text question, each respondent once, and withholds a question too few answered', async () => {
    const one = await view('?question=what_makes_unsafe');
    expect(one.applied.question).toBe('what_makes_unsafe');
    expect(one.base).toMatchObject({ count: 62, suppressed: null });
    expect(theme(one, 'knives_weapons').count).toBe(24);
    const unanswered = await view('?question=what_would_help');
    expect(unanswered.base).toMatchObject({ count: null, suppressed: 'primary', reason: 'base below threshold' });
    for (const t of unanswered.prevalence) expect(t).toMatchObject({ count: null, percent: null, suppressed: 'primary' });
    expect(unanswered.quotes).toEqual([]);
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
    expect(year9.base).toMatchObject({ count: 42, suppressed: null });
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
      // A theme's count is shown, so no row may have exactly one hidden cell, nor hidden cells
      // that must all be 0 (the shown cells already making up the count).
      if (theme(v, row.themeId).count !== null) {
        const hidden = row.cells.map((c, g) => (c.count === null ? (counts[g] as number) : null)).filter((n) => n !== null);
        expect(hidden.length).not.toBe(1);
        if (hidden.length > 0) expect(hidden.some((n) => n > 0)).toBe(true);
      }
    }
    // All 10 who wrote about social media are at Ash: showing Ash's 10 beside the theme's 10 would
    // tell that nobody at Elm or Oak did, so it is withheld too.
    expect(theme(v, 'social_media').count).toBe(10);
    expect(table?.rows.find((r) => r.themeId === 'social_media')?.cells[0]).toMatchObject({ count: null, suppressed: 'secondary' });
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
      ['?colour=blue', 'colour'],
      // The differencing check's work doubles with every filter: answers to 5 questions at most.
      ['?f.school=Oak&f.class=Year%209&f.safe_at_school=very_safe&f.safe_online=very_safe&f.safe_area_day=very_safe&f.saw_violence_social_media=yes', 'f.saw_violence_social_media']
    ];
    for (const [query, field] of cases) {
      const res = await explore(query);
      expect(res.status, query).toBe(400);
      const body = await jsonOf(res);
      expect(body.error, query).toBe('invalid_request');
      expect(
        body.issues.map((i: { field: string }) => i.field),
        query
      ).toContain(field);
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
