import { describe, expect, it } from 'vitest';
import { daysSinceEpoch, ExploreIndex } from './explore-index';
import { unsafeNeighbours } from './neighbour-rule';
import { MAX_FILTER_PARTS, neighbourCheck } from './neighbours';
import { type ExploreFilter, codedRows, selectRespondents } from './select';
import { differencingVerdicts, themeMembers } from './verdicts';

/** Pupils answering on days counted from a Monday; every one coded, with the themes given. */
function pupils() {
  const index = new ExploreIndex(8);
  index.declareDimension('did', 'multi');
  const monday = daysSinceEpoch(new Date('2026-10-05T12:00:00Z'));
  let n = 0;
  const add = (count: number, answers: Record<string, string | string[]>, { day = 0, version = 1, themes = [] as string[] } = {}) => {
    for (let i = 0; i < count; i++) {
      const row = index.add({ id: `r${n++}`, version, day: monday + day, answers });
      index.setCodes(
        row,
        'q',
        themes.map((themeId) => ({ themeId, confidence: 0.9 }))
      );
    }
  };
  const check = (filter: ExploreFilter, by: string | null = null) => neighbourCheck(index, selectRespondents(index, filter), { threshold: 10, by })(codedRows(index, null));
  return { index, add, check, monday };
}

describe('the differencing rule', () => {
  /** One week, no date part: counts by the parts failed. */
  const oneWeek = (dimensions: string[], byMask: number[]) => ({ dimensions, dateBit: 0, byWeek: byMask, firstWeek: 0, weeks: 1, groups: [], period: null });

  it('adds up what dropping any set of parts adds, and names the smallest sets that add a few', () => {
    // Parts a and b; 40 pass both, 12 fail only a, 0 fail only b, 3 fail both.
    expect(unsafeNeighbours(oneWeek(['a', 'b'], [40, 12, 0, 3]), 10)).toEqual([]);
    // Only 2 fail a alone: dropping a adds 2.
    expect(unsafeNeighbours(oneWeek(['a', 'b'], [40, 2, 0, 13]), 10)).toEqual([{ change: 'without', dimensions: ['a'] }]);
    // 5 fail both and nobody one alone: only dropping both together adds them.
    expect(unsafeNeighbours(oneWeek(['a', 'b'], [40, 0, 0, 5]), 10)).toEqual([{ change: 'without', dimensions: ['a', 'b'] }]);
  });

  it('counts what dropping a filter adds over the weeks the view holds, and the nearest week beyond', () => {
    // A school's 11, all in week 0; dropping the school adds nobody that week, and 1 in week 1.
    const counts = { dimensions: ['school'], dateBit: 0, byWeek: [11, 0, 0, 1], firstWeek: 0, weeks: 2, groups: [], period: null };
    // "The school, week 0" is the same people, and "everyone, week 0" would be the same again; "everyone, weeks 0–1" one more.
    expect(unsafeNeighbours(counts, 10)).toEqual([{ change: 'without', dimensions: ['school'] }]);
    // 12 in week 1 instead: any period for the same people is 0 or 12 short of everyone in it.
    expect(unsafeNeighbours({ ...counts, byWeek: [11, 0, 0, 12] }, 10)).toEqual([]);
  });

  it('looks at the weeks at either end of the period, and at the nearest held weeks outside it', () => {
    // The date is the only part: inside the period people pass it, outside they fail it.
    const period = (held: number[], fromWeek: number, toWeek: number) => ({
      dimensions: ['date'],
      dateBit: 1,
      byWeek: held.flatMap((n, w) => (w + 100 >= fromWeek && w + 100 <= toWeek ? [n, 0] : [0, n])),
      firstWeek: 100,
      weeks: held.length,
      groups: [],
      period: { fromWeek, toWeek }
    });
    expect(unsafeNeighbours(period([12, 0, 12, 0, 12], 102, 102), 10)).toEqual([]);
    // The last week held inside has 3.
    expect(unsafeNeighbours(period([12, 3, 0, 12], 100, 102), 10)).toEqual([{ change: 'period', dimensions: ['date'] }]);
    // Moving the end on by one week (empty) then another reaches 2.
    expect(unsafeNeighbours(period([12, 12, 0, 2, 12], 100, 101), 10)).toEqual([{ change: 'period', dimensions: ['date'] }]);
  });
});

describe('neighbours over the index', () => {
  it('withholds a period whose next or last week holds a lone pupil, so three periods cannot isolate them', () => {
    const { add, check, monday } = pupils();
    add(12, { school: 'birch' }, { day: -4 });
    add(12, { school: 'birch' }, { day: 2 });
    add(12, { school: 'birch' }, { day: 9 });
    add(1, { school: 'birch' }, { day: 18 });
    add(12, { school: 'birch' }, { day: 31 });
    add(30, { school: 'cedar' }, { day: 3 });
    const weeks = (from: number | null, to: number | null) => check({ fromDay: from === null ? null : monday + from, toDay: to === null ? null : monday + to, values: { school: ['birch'] } }).view;
    // Up to the week before the lone pupil's: moving the end on a week adds them.
    expect(weeks(null, 13)).toEqual([{ change: 'period', dimensions: ['date'] }]);
    // From the week after: moving the start back (past an empty week) adds them.
    expect(weeks(28, null)).toEqual([{ change: 'period', dimensions: ['date'] }]);
    // Their own week at the end of the period.
    expect(weeks(0, 20)).toEqual([{ change: 'period', dimensions: ['date'] }]);
    // Week 0 alone: 12 in it, 12 the week before and 12 the week after.
    expect(weeks(0, 6)).toEqual([]);
    // A day range is whole weeks: Tuesday to Wednesday is week 0 too.
    expect(weeks(1, 2)).toEqual([]);
    // Weeks 0 to 4 hold the lone pupil inside, with 12 at either end; dropping the period adds week −1's 12.
    expect(weeks(0, 34)).toEqual([]);
  });

  it('withholds a view with several answers chosen when leaving one out drops a few', () => {
    const { add, check } = pupils();
    add(30, { school: 'birch', year: 'y9' });
    add(4, { school: 'birch', year: 'y10' });
    add(20, { school: 'cedar', year: 'y10' });
    expect(check({ values: { year: ['y9', 'y10'], school: ['birch'] } }).view).toEqual([{ change: 'narrower', dimensions: ['year'] }]);
    expect(check({ values: { year: ['y10'] } }).view).toEqual([]);
  });

  it('counts each set of the chosen answers of a question with several answers as a group', () => {
    const { add, check } = pupils();
    add(20, { did: ['stayed_in'] });
    add(20, { did: ['avoided'] });
    add(3, { did: ['stayed_in', 'avoided'] });
    add(20, { did: ['none'] });
    expect(check({ values: { did: ['stayed_in', 'avoided'] } }).view).toEqual([{ change: 'narrower', dimensions: ['did'] }]);
    expect(check({ values: { did: ['stayed_in'] } }).view).toEqual([]);
  });

  it('withholds a group of a cross-tab whose own view would fail, and says which', () => {
    const { add, check } = pupils();
    add(20, { school: 'birch', year: 'y9' });
    add(3, { school: 'birch', year: 'y10' });
    add(20, { school: 'cedar', year: 'y9' });
    add(20, { school: 'cedar', year: 'y10' });
    const { view, groups } = check({ values: { year: ['y9'] } }, 'school');
    // Year 9: dropping the year adds 23. Birch's Year 9: dropping the year adds Birch's 3.
    expect(view).toEqual([]);
    expect(groups?.get('birch')).toEqual([{ change: 'without', dimensions: ['year'] }]);
    expect(groups?.get('cedar')).toEqual([]);
    // With both schools chosen and grouped by school, a group is the selection with that school only.
    const both = check({ values: { school: ['birch', 'cedar'], year: ['y9'] } }, 'school');
    expect(both.groups?.get('birch')).toEqual([{ change: 'without', dimensions: ['year'] }]);
  });

  it('withholds a version chosen among several when it holds a few', () => {
    const { add, check } = pupils();
    add(20, { school: 'birch' }, { version: 1 });
    add(5, { school: 'birch' }, { version: 2 });
    expect(check({ versions: [1, 2] }).view).toEqual([{ change: 'narrower', dimensions: ['version'] }]);
    // Version 1 alone is "every version but the 5".
    expect(check({ versions: [1] }).view).toEqual([{ change: 'without', dimensions: ['version'] }]);
  });

  it('refuses more filter parts than it can check', () => {
    const { index, add } = pupils();
    add(1, { school: 'birch' });
    const values = Object.fromEntries(Array.from({ length: MAX_FILTER_PARTS + 1 }, (_, i) => [`q${i}`, ['x']]));
    expect(() => neighbourCheck(index, selectRespondents(index, { values }), { threshold: 10 })).toThrow(RangeError);
  });
});

describe('verdicts for every count a view shows', () => {
  const themes = [
    { id: 'knives', themeIds: ['knives'] },
    { id: 'fear', themeIds: ['fear'] }
  ];

  it('withhold a theme, and a pair of themes, whose respondents a neighbouring view would change by a few', () => {
    const { index, add } = pupils();
    add(20, { school: 'birch' }, { themes: ['knives', 'fear'] });
    add(20, { school: 'birch' }, { themes: [] });
    add(12, { school: 'cedar' }, { themes: ['fear'] });
    add(3, { school: 'cedar' }, { themes: ['knives', 'fear'] });
    const coded = codedRows(index, null);
    const birch = selectRespondents(index, { values: { school: ['birch'] } });
    const verdicts = differencingVerdicts(neighbourCheck(index, birch, { threshold: 10 }), coded, () => themeMembers(index, coded, null, themes), { pairs: () => true });
    // Birch: dropping the school adds 15, so the view is shown; but only 3 more with knives.
    expect(verdicts.view).toEqual([]);
    expect(verdicts.themes).toEqual([true, false]);
    add(10, { school: 'cedar' }, { themes: ['knives'] });
    const more = differencingVerdicts(
      neighbourCheck(index, selectRespondents(index, { values: { school: ['birch'] } }), { threshold: 10 }),
      codedRows(index, null),
      () => themeMembers(index, codedRows(index, null), null, themes),
      {
        pairs: () => true
      }
    );
    // 13 more with knives now, 15 more with fear, but still 3 more with both.
    expect(more.themes).toEqual([false, false]);
    expect(more.pairs).toEqual([
      [false, true],
      [true, false]
    ]);
  });

  it('withhold a cell of a cross-tab whose respondents a neighbouring view would change by a few', () => {
    const { index, add } = pupils();
    add(20, { school: 'birch' }, { themes: ['knives'] });
    add(20, { school: 'birch' }, { themes: [] });
    add(12, { school: 'cedar' }, { themes: ['fear'] });
    add(3, { school: 'cedar' }, { themes: ['knives'] });
    const coded = codedRows(index, null);
    const check = neighbourCheck(index, selectRespondents(index, {}), { threshold: 10, by: 'school' });
    const verdicts = differencingVerdicts(check, coded, () => themeMembers(index, coded, null, themes), { groups: ['birch', 'cedar'] });
    // Birch's 20 with knives are all but 3 of everyone with knives.
    expect(verdicts.groups).toEqual([false, false]);
    expect(verdicts.cells).toEqual([
      [true, false],
      [false, false]
    ]);
  });

  it('need nothing counted for a view with no filters and no groups', () => {
    const { index, add } = pupils();
    add(3, { school: 'birch' });
    const counted = () => {
      throw new Error('not needed');
    };
    expect(differencingVerdicts(neighbourCheck(index, selectRespondents(index, {}), { threshold: 10 }), codedRows(index, null), counted)).toEqual({ view: [] });
  });
});
