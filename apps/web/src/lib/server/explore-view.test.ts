import type { ExploreView, ShownFigure } from '@safer-voices/api';
import { describe, expect, it } from 'vitest';
import { baseInWords, chosenFrom, chosenOf, crossTabOf, exploreHref, exploreQuery, filtersInWords, pairsOf, periodInWords, themeFigures, workbookHref } from './explore-view.ts';
import { filterForm, problemsFrom } from './explore-filter-form.ts';
import { measuresOf } from './explore-measures.ts';

const shown = (count: number, percent: number, lower: number, upper: number): ShownFigure => ({ count, percent, lower, upper, suppressed: null, reason: null });
const withheld = (suppressed: 'primary' | 'secondary' | 'differencing' = 'primary'): ShownFigure => ({
  count: null,
  percent: null,
  lower: null,
  upper: null,
  suppressed,
  reason: suppressed === 'differencing' ? 'difference below threshold' : suppressed === 'secondary' ? 'hidden so another hidden figure cannot be worked out from totals' : 'count below threshold'
});
/** Which rule withheld a cell, as the tables say it. */
const rule = (note: string, name: string) => expect.objectContaining({ note, rule: name, sentence: expect.stringMatching(new RegExp(`^${name[0]?.toUpperCase()}${name.slice(1)}: `)) });

function viewWith(over: Partial<ExploreView> = {}): ExploreView {
  return {
    questionnaire: { id: 'q1', title: "Young people's safety survey", kind: 'survey' },
    versions: [
      { version: 1, publishedAt: '2026-09-01T08:00:00.000Z' },
      { version: 2, publishedAt: '2026-10-01T08:00:00.000Z' }
    ],
    freeTextQuestions: [{ id: 'what_makes_unsafe', label: 'What makes you feel unsafe?' }],
    dimensions: [
      {
        key: 'gender',
        label: 'Gender',
        options: [
          { value: 'girl', label: 'Girl' },
          { value: 'boy', label: 'Boy' }
        ]
      },
      { key: 'safe_places.park', label: 'How safe do you feel in these places? Parks', options: [{ value: 'very_safe', label: 'Very safe' }] }
    ],
    applied: { versions: [], from: null, to: null, question: null, filters: {}, by: null, theme: 'knives_weapons' },
    threshold: 10,
    measures: [],
    measuresBy: null,
    base: shown(200, 100, 100, 100),
    prevalence: [
      { themeId: 'fear', label: 'Fear', ...shown(40, 20, 15, 26) },
      { themeId: 'knives_weapons', label: 'Knives & weapons', ...shown(80, 40, 33.5, 46.8) },
      { themeId: 'vawg', label: 'VAWG', ...withheld() }
    ],
    crosstab: null,
    cooccurrence: {
      themeIds: ['fear', 'knives_weapons', 'vawg'],
      counts: [
        [40, 25, null],
        [25, 80, null],
        [null, null, null]
      ]
    },
    quotes: [{ themeId: 'knives_weapons', questionId: 'what_makes_unsafe', text: 'Boys carry knives near [place]', evidence: [{ start: 11, end: 17 }] }],
    notice: null,
    ...over
  };
}

describe('the workbook link', () => {
  it('asks the API for the same view, leaving out what it does not take', () => {
    const params = new URLSearchParams('f.school=Oak+Academy&by=class&utm=x&from=');
    expect(workbookHref('q 1', params)).toBe('/api/explore/q%201/workbook?f.school=Oak+Academy&by=class');
    expect(workbookHref('q1', new URLSearchParams())).toBe('/api/explore/q1/workbook');
  });
});

describe('the explorer query', () => {
  it("passes on the API's keys only, without empty fields or repeats", () => {
    const params = new URLSearchParams('version=1&version=2&version=2&from=&to=2026-10-01&question=&f.gender=girl&f.gender=boy&by=gender&utm_source=x&f.=y&theme=fear');
    expect(exploreQuery(params)).toEqual({ version: ['1', '2'], to: ['2026-10-01'], 'f.gender': ['girl', 'boy'], by: ['gender'], theme: ['fear'] });
  });

  it('makes links that keep every filter and change one thing', () => {
    const chosen = chosenFrom(new URLSearchParams('version=2&f.gender=girl&f.safe_places.park=very_safe&by=gender'));
    const href = exploreHref('q1', chosen, { theme: 'fear' }, '#quotes');
    expect(href).toBe('/staff/analysis/q1?version=2&f.gender=girl&f.safe_places.park=very_safe&by=gender&theme=fear#quotes');
    expect(chosenFrom(new URL(href, 'http://x').searchParams)).toEqual({ ...chosen, theme: 'fear' });
    expect(exploreHref('q1', chosenFrom(new URLSearchParams()))).toBe('/staff/analysis/q1');
  });
});

describe('the filters in words', () => {
  it('names every version, date, question, answer and group', () => {
    const view = viewWith({
      applied: { versions: [2], from: '2026-08-31', to: '2026-10-04', question: 'what_makes_unsafe', filters: { gender: ['girl', 'boy'] }, by: 'gender', theme: null }
    });
    expect(filtersInWords(view)).toEqual([
      'Version 2',
      'Submitted from the week of 31 August 2026 to the week of 28 September 2026 (Monday 31 August 2026 to Sunday 4 October 2026)',
      'Themes of answers to “What makes you feel unsafe?”',
      'Gender: Girl or Boy',
      'Grouped by “Gender”'
    ]);
  });

  it('says which whole weeks were counted', () => {
    expect(periodInWords('2026-10-05', '2026-10-11')).toBe('Submitted in the week of 5 October 2026 (Monday 5 October 2026 to Sunday 11 October 2026)');
    expect(periodInWords('2026-10-05', null)).toBe('Submitted in or after the week of 5 October 2026 (from Monday 5 October 2026)');
    expect(periodInWords(null, '2026-10-25')).toBe('Submitted in or before the week of 19 October 2026 (to Sunday 25 October 2026)');
  });

  it('says when nothing narrows the view', () => {
    expect(filtersInWords(viewWith())).toEqual(['All 2 versions', 'Submitted on any date', 'Themes of answers to any free-text question']);
  });

  it('gives the base, or why it is withheld', () => {
    expect(baseInWords(viewWith({ base: shown(1234, 100, 100, 100) }))).toMatch(/^1,234 respondents match/);
    expect(baseInWords(viewWith({ base: withheld() }))).toMatch(/^Fewer than 10 respondents/);
    expect(baseInWords(viewWith({ base: withheld('differencing') }))).toMatch(/withheld, so that it cannot be compared/);
  });
});

describe('the figures', () => {
  it('orders themes by prevalence, withheld last, with the chosen theme’s quotes', () => {
    const themes = themeFigures(viewWith());
    expect(themes.map((t) => t.id)).toEqual(['knives_weapons', 'fear', 'vawg']);
    expect(themes[0]?.quotes).toEqual([{ text: 'Boys carry knives near [place]', evidence: [{ start: 11, end: 17 }] }]);
    expect(themes[1]?.quotes).toEqual([]);
  });

  it('lays the cross-tab out in the same order, with [c] for withheld cells and bases', () => {
    const view = viewWith({
      crosstab: {
        by: { key: 'gender', label: 'Gender' },
        groups: [
          { value: 'girl', label: 'Girl', base: shown(120, 60, 53, 66) },
          { value: 'boy', label: 'Boy', base: withheld('differencing') }
        ],
        rows: [
          { themeId: 'fear', cells: [shown(30, 25, 18.1, 33.4), withheld()] },
          { themeId: 'knives_weapons', cells: [shown(50, 41.7, 33.2, 50.6), withheld('secondary')] },
          { themeId: 'vawg', cells: [withheld(), withheld()] }
        ]
      }
    });
    const x = crossTabOf(view, themeFigures(view));
    expect(x?.table.groups).toEqual([
      { label: 'Girl', note: 'n = 120', withheld: null },
      { label: 'Boy', note: 'n = [c]', withheld: rule('differencing', 'differencing') }
    ]);
    expect(x?.table.rows.map((r) => r.label)).toEqual(['Knives & weapons', 'Fear', 'VAWG']);
    expect(x?.table.rows[0]?.cells).toEqual([
      { main: '42% (50)', sub: '33–51%' },
      { main: '[c]', sub: null, withheld: rule('protects another cell', 'protects another cell') }
    ]);
    // Each withheld cell says which rule withheld it.
    expect(x?.table.rows[1]?.cells[1]?.withheld).toEqual(rule('under 10 counted', 'too few people'));
    // The chart follows the theme chosen for quotes, and keeps the groups in their own order.
    expect(x?.chart?.theme).toBe('Knives & weapons');
    expect(x?.chart?.layout.rows.map((r) => [r.label, r.bar?.value ?? r.note])).toEqual([
      ['Girl', '42%'],
      ['Boy', 'not shown: protects another cell']
    ]);
    expect(x?.chart?.summary).toBe('Knives & weapons, by “Gender”: Girl 42% (95% CI 33–51%); Boy withheld.');
  });

  it('lists pairs mentioned together, most common first, and counts the withheld ones', () => {
    expect(pairsOf(viewWith())).toEqual({ pairs: [{ a: 'Fear', b: 'Knives & weapons', both: 25 }], withheld: 2 });
  });
});

describe('the form', () => {
  it('opens a question’s section only when one of its answers is chosen', () => {
    const view = viewWith({ applied: { ...viewWith().applied, filters: { gender: ['girl'] }, by: 'gender' } });
    const form = filterForm(view, chosenOf(view.applied, false));
    expect(form.dimensions.map((d) => [d.id, d.open, d.chosen])).toEqual([
      ['f--gender', true, 1],
      ['f--safe_places-park', false, 0]
    ]);
    expect(form.dimensions[0]?.options.map((o) => [o.id, o.checked])).toEqual([
      ['f--gender--girl', true],
      ['f--gender--boy', false]
    ]);
    expect(form.groupBy.find((g) => g.selected)?.value).toBe('gender');
    expect(form.theme).toBe(''); // the API's default theme is not pinned by the form
    expect(form.versions.map((v) => v.label)).toEqual(['Version 1, published 1 September 2026', 'Version 2, published 1 October 2026']);
  });

  it("links each of the API's problems to its field's first control, and opens its section", () => {
    const view = viewWith();
    const problems = problemsFrom(
      [
        { field: 'f.safe_places.park.0', message: 'Choose an answer this question has' },
        { field: 'from', message: 'Enter a real date' },
        { field: 'version', message: 'There is no version 7' },
        { field: 'f.nope', message: 'There is no such question' }
      ],
      'The request query is not valid',
      view
    );
    expect(problems).toEqual([
      { field: 'f.safe_places.park', message: 'Choose an answer this question has', href: '#f--safe_places-park--very_safe' },
      { field: 'from', message: 'Enter a real date', href: '#from' },
      { field: 'version', message: 'There is no version 7', href: '#version--1' },
      { field: 'f.nope', message: 'There is no such question', href: '#filters' }
    ]);
    const form = filterForm(view, chosenFrom(new URLSearchParams('from=2026-02-31')), problems);
    expect(form.from).toBe('2026-02-31');
    expect(form.dimensions[1]).toMatchObject({ open: true, error: 'Choose an answer this question has' });
  });
});

describe('the perception-of-safety measures', () => {
  const measure = (key: string, name: string, figure: ShownFigure, base: ShownFigure) => ({
    key,
    name,
    label: `How ${name.toLowerCase()} do you feel?`,
    measure: key,
    headline: '% very, fairly or quite safe',
    counted: ['Very safe', 'Quite safe'],
    notInBase: ["I don't know"],
    base,
    figure,
    byGroup: null as { base: ShownFigure; figure: ShownFigure }[] | null
  });

  it('shows each in question order with its interval and how many answered, and "[c]" for one withheld', () => {
    const view = viewWith({
      measures: [
        measure('safe_at_school', 'Safe at school', shown(120, 60, 53.1, 66.5), shown(200, 100, 100, 100)),
        measure('safe_online', 'Safe online', shown(150, 75, 68.6, 80.5), shown(200, 100, 100, 100)),
        measure('safe_journey_school', 'Safe going to and from school', withheld('secondary'), shown(15, 100, 100, 100))
      ]
    });
    const m = measuresOf(view);
    expect(m.rows.map((r) => [r.name, r.percent, r.interval, r.base])).toEqual([
      ['Safe at school', '60%', '53–67%', '200'],
      ['Safe online', '75%', '69–81%', '200'],
      ['Safe going to and from school', '[c]', '[c]', '15']
    ]);
    expect(m.rows[0]).toMatchObject({ counted: '“Very safe”, “Quite safe”', notInBase: "“I don't know”" });
    // The chart keeps the questionnaire's order; the withheld one says why.
    expect(m.chart.rows.map((r) => r.note)).toEqual([null, null, 'not shown: protects another cell']);
    expect(m.rows.map((r) => r.withheld?.rule ?? null)).toEqual([null, null, 'protects another cell']);
    expect(m.summary).toBe('2 of the 3 measures can be shown. Highest: Safe online, 75% very, fairly or quite safe. Lowest: Safe at school, 60% very, fairly or quite safe.');
  });

  it('cuts a long name short in the chart, which cannot wrap, but not in the table', () => {
    const name = 'Problem: Young people being exploited by gangs, for example county lines';
    const m = measuresOf(viewWith({ measures: [measure('problem_in_area.exploitation', name, shown(120, 60, 53.1, 66.5), shown(200, 100, 100, 100))] }));
    expect(m.rows[0]?.name).toBe(name);
    expect(m.chart.rows[0]?.label).toBe('Problem: Young people being…');
  });

  it('lays each measure out across the groups of a group-by, withheld cells as "[c]"', () => {
    const atSchool = {
      ...measure('safe_at_school', 'Safe at school', shown(120, 60, 53.1, 66.5), shown(200, 100, 100, 100)),
      byGroup: [
        { base: shown(150, 100, 100, 100), figure: shown(100, 66.7, 58.8, 73.7) },
        { base: shown(50, 100, 100, 100), figure: withheld('secondary') }
      ]
    };
    const view = viewWith({
      measures: [atSchool],
      measuresBy: {
        key: 'gender',
        label: 'Gender',
        groups: [
          { value: 'girl', label: 'Girl' },
          { value: 'boy', label: 'Boy' }
        ]
      }
    });
    const table = measuresOf(view).byGroup?.table;
    expect(table?.caption).toBe('Perception-of-safety measures by “Gender”');
    expect(table?.groups.map((g) => g.label)).toEqual(['Girl', 'Boy']);
    expect(table?.rows).toEqual([
      {
        id: 'safe_at_school',
        label: 'Safe at school',
        cells: [
          { main: '67%', sub: '59–74%', note: 'n = 150', withheld: null },
          // The group's 50 is shown, and the cell says why its share is not.
          { main: '[c]', sub: null, note: 'n = 50', withheld: rule('protects another cell', 'protects another cell') }
        ]
      }
    ]);
    expect(measuresOf(viewWith({ measures: [atSchool] })).byGroup).toBeNull();
  });

  it('says a measure is none by definition, in the cell, the chart and the summary, not fewer than 10', () => {
    const none: ShownFigure = { count: null, percent: null, lower: null, upper: null, suppressed: 'primary', reason: 'none by definition' };
    const m = measuresOf(viewWith({ measures: [measure('safe_at_school', 'Safe at school', none, none)] }));
    expect(m.rows[0]?.withheld).toEqual(rule('none by definition', 'none by definition'));
    expect(m.rows[0]?.baseWithheld?.note).toBe('none by definition');
    expect(m.chart.rows[0]?.note).toBe('not shown: none by definition');
    expect(m.summary).toContain('none by definition');
    expect(m.summary).not.toContain('fewer than');
  });

  it('says so when none can be shown', () => {
    const view = viewWith({ measures: [measure('safe_at_school', 'Safe at school', withheld(), withheld())] });
    expect(measuresOf(view).summary).toMatch(/^No measure can be shown for these respondents/);
  });
});
