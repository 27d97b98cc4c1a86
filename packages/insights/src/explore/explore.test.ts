import { describe, expect, it } from 'vitest';
import { wilson } from '../wilson';
import { countBits } from './bitset';
import { discloseExplorer, type ExplorerCounts } from './disclose';
import { daysSinceEpoch, ExploreIndex } from './explore-index';
import { neighbourCheck } from './neighbours';
import { codedRows, selectRespondents, type ThemeGroup } from './select';
import { type CrossTabCounts, tallyThemes } from './tally';
import { topAnswers } from './top-answers';

const THEMES: ThemeGroup[] = [
  { id: 'knives', themeIds: ['knives'] },
  { id: 'fear', themeIds: ['fear', 'worry'] }, // "worry" was merged into fear
  { id: 'drugs', themeIds: ['drugs'] }
];

/** Pupils at three schools; `year` is a closed question, `did` a multiple choice. */
function pupils() {
  const index = new ExploreIndex(8);
  index.declareDimension('did', 'multi');
  const day = daysSinceEpoch(new Date('2026-03-02T10:00:00Z'));
  let n = 0;
  const add = (school: string, year: string, themes: string[][], did: string[] = [], version = 1, offset = 0) => {
    const row = index.add({ id: `r${String(n++).padStart(4, '0')}`, version, day: day + offset, answers: { school, year, did } });
    themes.forEach((ids, q) => {
      index.setCodes(
        row,
        `q${q}`,
        ids.map((themeId, i) => ({ themeId, confidence: 0.9 - i * 0.1 }))
      );
    });
    return row;
  };
  return { index, add, day };
}

describe('the explore index', () => {
  it('counts respondents, not answers, across free-text questions, and merged themes once', () => {
    const { index, add } = pupils();
    add('oak', 'y9', [['knives'], ['knives', 'fear']]);
    add('oak', 'y9', [['worry'], ['fear']]);
    add('elm', 'y10', [['drugs'], []]);
    add('elm', 'y10', []); // not coded
    const all = selectRespondents(index, {});
    const rows = codedRows(index, null);
    expect(countBits(all.rows)).toBe(4);
    expect(tallyThemes(index, rows, null, THEMES)).toMatchObject({ base: 3, counts: [1, 2, 1] });
    expect(tallyThemes(index, codedRows(index, 'q1'), 'q1', THEMES)).toMatchObject({ base: 3, counts: [1, 2, 0] });
  });

  it('filters by version, whole weeks and closed answers (any of a key’s values, all keys)', () => {
    const { index, add, day } = pupils();
    // `day` is a Monday: weeks 0, 1, 1 and 2.
    add('oak', 'y9', [['knives']], ['stayed_in'], 1, 0);
    add('oak', 'y10', [['knives']], ['avoided', 'stayed_in'], 2, 7);
    add('elm', 'y9', [['fear']], ['avoided'], 2, 13);
    add('ash', 'y9', [['drugs']], [], 2, 14);
    const count = (filter: Parameters<typeof selectRespondents>[1]) => countBits(selectRespondents(index, filter).rows);
    expect(count({ versions: [2] })).toBe(3);
    // Wednesday to Thursday of week 1 is all of week 1: a day cannot be picked out.
    expect(count({ fromDay: day + 9, toDay: day + 10 })).toBe(2);
    expect(count({ fromDay: day + 6 })).toBe(4);
    expect(count({ toDay: day + 6 })).toBe(1);
    expect(count({ values: { school: ['oak', 'elm'] } })).toBe(3);
    expect(count({ values: { school: ['oak', 'elm'], year: ['y9'] } })).toBe(2);
    expect(count({ values: { did: ['avoided'] } })).toBe(2);
    expect(count({ values: { did: ['avoided', 'stayed_in'] }, versions: [1] })).toBe(1);
    expect(count({ values: { school: ['nowhere'] } })).toBe(0);
  });

  it('replaces an answer’s themes when it is coded again', () => {
    const { index, add } = pupils();
    const row = add('oak', 'y9', [['knives', 'fear']]);
    index.setCodes(row, 'q0', [{ themeId: 'drugs', confidence: 0.7 }]);
    expect(tallyThemes(index, codedRows(index, null), null, THEMES).counts).toEqual([0, 0, 1]);
    expect(topAnswers(index, codedRows(index, null), null, THEMES[0] as ThemeGroup)).toEqual([]);
    index.clearCodes(row, 'q0');
    expect(countBits(codedRows(index, null))).toBe(0);
  });

  it('cross-tabulates themes by group, keeping respondents with no answer apart', () => {
    const { index, add } = pupils();
    add('oak', 'y9', [['knives']], ['avoided', 'stayed_in']);
    add('oak', 'y9', [['fear']], ['avoided']);
    add('elm', 'y10', [['knives', 'drugs']]);
    const noSchool = index.add({ id: 'x', version: 1, day: 0, answers: {} });
    index.setCodes(noSchool, 'q0', [{ themeId: 'knives', confidence: 0.5 }]);
    const rows = codedRows(index, null);
    const bySchool = tallyThemes(index, rows, null, THEMES, { by: 'school' }).crossTab as CrossTabCounts;
    expect(bySchool.kind).toBe('single');
    expect(bySchool.groups.get('oak')).toEqual({ base: 2, counts: [1, 1, 0] });
    expect(bySchool.groups.get('elm')).toEqual({ base: 1, counts: [1, 0, 1] });
    expect(bySchool.missing).toEqual({ base: 1, counts: [1, 0, 0] });
    const byDid = tallyThemes(index, rows, null, THEMES, { by: 'did' }).crossTab as CrossTabCounts;
    expect(byDid.kind).toBe('multi');
    expect(byDid.groups.get('avoided')).toEqual({ base: 2, counts: [1, 1, 0] });
    expect(byDid.groups.get('stayed_in')).toEqual({ base: 1, counts: [1, 0, 0] });
  });

  it('counts respondents with both of each pair of themes', () => {
    const { index, add } = pupils();
    add('oak', 'y9', [['knives'], ['fear']]);
    add('oak', 'y9', [['knives', 'worry', 'fear']]);
    add('oak', 'y9', [['drugs']]);
    expect(tallyThemes(index, codedRows(index, null), null, THEMES, { pairs: true }).pairs).toEqual([
      [2, 2, 0],
      [2, 2, 0],
      [0, 0, 1]
    ]);
  });

  it('finds the most confident answers of a theme among the selected respondents', () => {
    const { index, add } = pupils();
    const a = add('oak', 'y9', [['knives']]);
    const b = add('elm', 'y9', [['fear', 'knives']]);
    index.setCodes(a, 'q1', [{ themeId: 'knives', confidence: 0.95 }]);
    const top = topAnswers(index, codedRows(index, null), null, THEMES[0] as ThemeGroup, 2);
    expect(top.map((t) => [t.responseId, t.questionId, t.confidence.toFixed(2)])).toEqual([
      ['r0000', 'q1', '0.95'],
      ['r0000', 'q0', '0.90']
    ]);
    const elm = selectRespondents(index, { values: { school: ['elm'] } }).rows;
    expect(topAnswers(index, elm, null, THEMES[0] as ThemeGroup).map((t) => t.row)).toEqual([b]);
    expect(topAnswers(index, codedRows(index, null), 'q1', THEMES[1] as ThemeGroup)).toEqual([]);
  });

  it('grows past its first capacity and past 32 themes and options', () => {
    const index = new ExploreIndex(32);
    for (let i = 0; i < 100; i++) {
      const row = index.add({ id: `r${i}`, version: 1, day: 0, answers: { many: [`o${i % 40}`, `o${(i + 1) % 40}`] } });
      index.setCodes(row, 'q', [{ themeId: `t${i % 40}`, confidence: 0.5 }]);
    }
    const themes = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, themeIds: [`t${i}`] }));
    const rows = codedRows(index, null);
    const { counts } = tallyThemes(index, rows, null, themes);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(100);
    expect(counts[39]).toBe(2);
    expect(countBits(selectRespondents(index, { values: { many: ['o39'] } }).rows)).toBe(4);
    expect(tallyThemes(index, rows, null, themes, { by: 'many' }).crossTab?.groups.get('o39')?.counts[39]).toBe(2);
  });
});

describe('differencing', () => {
  it('finds the 6 pupils left out by "Year 9 at every school but one"', () => {
    const { index, add } = pupils();
    for (let i = 0; i < 40; i++) add('oak', 'y9', [['knives']]);
    for (let i = 0; i < 30; i++) add('elm', 'y9', [['fear']]);
    for (let i = 0; i < 6; i++) add('ash', 'y9', [['drugs']]);
    for (let i = 0; i < 50; i++) add('ash', 'y10', [['drugs']]);
    const coded = codedRows(index, null);
    const check = (values: Record<string, string[]>) => neighbourCheck(index, selectRespondents(index, { values }), { threshold: 10 })(coded).view;
    expect(check({ year: ['y9'] })).toEqual([]);
    expect(check({ year: ['y9'], school: ['oak', 'elm'] })).toEqual([{ change: 'without', dimensions: ['school'] }]);
  });
});

const view = (input: Partial<ExplorerCounts>): ExplorerCounts => ({ threshold: 10, base: 0, counts: [], pairs: [], differencing: { view: [] }, ...input });

describe('disclosure control for the explorer', () => {
  it('shows counts with Wilson intervals and withholds small ones and small complements', () => {
    const out = discloseExplorer(view({ base: 100, counts: [40, 5, 95, 0], pairs: [[], [], [], []] }));
    expect(out.base).toMatchObject({ count: 100, suppressed: null });
    const w = wilson(40, 100);
    expect(out.prevalence[0]).toMatchObject({ count: 40, percent: 40, suppressed: null });
    expect(out.prevalence[0]?.lower).toBeCloseTo((w.lower as number) * 100, 9);
    expect(out.prevalence[1]).toMatchObject({ count: null, suppressed: 'primary', reason: 'count below threshold' });
    // 95 of 100: the 5 without the theme are too few, so the share is withheld for them.
    expect(out.prevalence[2]).toMatchObject({ count: null, suppressed: 'primary', reason: 'rest below threshold' });
    expect(out.prevalence[3]).toMatchObject({ count: null, suppressed: 'primary' });
  });

  it('withholds everything when the base is below the threshold', () => {
    const out = discloseExplorer(view({ base: 9, counts: [9], pairs: [[9]] }));
    expect(out.base).toMatchObject({ count: null, suppressed: 'primary', reason: 'base below threshold' });
    expect(out.prevalence[0]).toMatchObject({ count: null, suppressed: 'primary' });
    expect(out.pairs).toEqual([[null]]);
  });

  it('withholds every figure when a filter leaves out between 1 and threshold − 1 respondents', () => {
    const out = discloseExplorer(
      view({
        base: 70,
        counts: [40, 30],
        pairs: [
          [40, 0],
          [0, 30]
        ],
        differencing: { view: [{ change: 'without', dimensions: ['school'] }] },
        crossTab: { partition: true, groups: [{ base: 70, counts: [40, 30] }], missing: null }
      })
    );
    expect(out.differencing).toEqual([{ change: 'without', dimensions: ['school'] }]);
    expect(out.base).toMatchObject({ count: null, suppressed: 'differencing', reason: 'difference below threshold' });
    expect(out.prevalence.every((f) => f.count === null && f.suppressed === 'differencing')).toBe(true);
    expect(out.crossTab?.cells.flat().every((f) => f.suppressed === 'differencing')).toBe(true);
    expect(out.pairs.flat().every((c) => c === null)).toBe(true);
  });

  it('protects the cross-tab as a two-way table: a hidden cell cannot be worked out from the margins', () => {
    const out = discloseExplorer(
      view({
        base: 80,
        counts: [44, 30],
        pairs: [
          [44, 12],
          [12, 30]
        ],
        crossTab: {
          partition: true,
          groups: [
            { base: 50, counts: [35, 20] },
            { base: 24, counts: [4, 10] },
            { base: 6, counts: [5, 0] } // a school of 6: hidden whole
          ],
          missing: null
        }
      })
    );
    const table = out.crossTab;
    // 80 − 50 − 24 would give the small school's 6 away, so elm's base goes too.
    expect(table?.bases.map((b) => [b.count, b.suppressed])).toEqual([
      [50, null],
      [null, 'secondary'],
      [null, 'primary']
    ]);
    expect(table?.bases[0]?.percent).toBeCloseTo(62.5, 9);
    const [knives, fear] = table?.cells ?? [];
    expect(knives?.[1]).toMatchObject({ count: null, suppressed: 'primary', reason: 'count below threshold' });
    expect(knives?.[2]).toMatchObject({ count: null, suppressed: 'primary', reason: 'base below threshold' });
    // Fear at elm (10) is safe alone, but with elm's 14 without fear hidden it would be
    // the only hidden figure in its column: it is hidden as a complement.
    expect(fear?.[0]).toMatchObject({ count: 20, percent: 40, suppressed: null });
    expect(fear?.[1]).toMatchObject({ count: null, suppressed: 'secondary' });
    expect(out.prevalence.map((p) => p.count)).toEqual([44, 30]);
  });

  it('hides a group the differencing rule withholds whole, and enough others that it cannot be worked out', () => {
    const groups = [
      { base: 30, counts: [15] },
      { base: 24, counts: [12] },
      { base: 20, counts: [10] }
    ];
    const out = discloseExplorer(view({ base: 74, counts: [37], pairs: [[37]], crossTab: { partition: true, groups, missing: null }, differencing: { view: [], groups: [false, true, false] } }));
    const bases = out.crossTab?.bases.map((b) => [b.count, b.suppressed]);
    // 74 − 30 − 20 would give the 24 away: one more base goes.
    expect(bases).toEqual([
      [30, null],
      [null, 'differencing'],
      [null, 'secondary']
    ]);
    expect(out.crossTab?.cells[0]?.[1]).toMatchObject({ count: null, suppressed: 'differencing' });
  });

  it('keeps a small group in the table model when the differencing rule flags it too', () => {
    // 37 = 24 + 11 + 2: the 2 are hidden as too few whatever else is said of them, so the 11 goes as well.
    const groups = [
      { base: 2, counts: [0] },
      { base: 24, counts: [12] },
      { base: 11, counts: [3] }
    ];
    const out = discloseExplorer(view({ base: 37, counts: [15], pairs: [[15]], crossTab: { partition: true, groups, missing: null }, differencing: { view: [], groups: [true, false, false] } }));
    expect(out.crossTab?.bases.map((b) => [b.count, b.suppressed])).toEqual([
      [null, 'primary'],
      [24, null],
      [null, 'secondary']
    ]);
  });

  it('withholds a theme, a cell or a pair the differencing rule finds unsafe, keeping the rest', () => {
    const out = discloseExplorer(
      view({
        base: 100,
        counts: [40, 30],
        pairs: [
          [40, 15],
          [15, 30]
        ],
        crossTab: {
          partition: true,
          groups: [
            { base: 50, counts: [20, 15] },
            { base: 50, counts: [20, 15] }
          ],
          missing: null
        },
        differencing: {
          view: [],
          themes: [true, false],
          cells: [
            [false, false],
            [false, true]
          ],
          pairs: [
            [false, true],
            [true, false]
          ]
        }
      })
    );
    expect(out.prevalence.map((p) => [p.count, p.suppressed])).toEqual([
      [null, 'differencing'],
      [30, null]
    ]);
    // The withheld theme's whole row; and one cell of the other, with its partner so neither can be worked out from 30.
    expect(out.crossTab?.cells.map((row) => row.map((c) => c.suppressed))).toEqual([
      ['differencing', 'differencing'],
      ['secondary', 'differencing']
    ]);
    expect(out.pairs[0]?.[1]).toBeNull();
  });

  it('withholds co-occurrence counts that are small or leave a small group with one theme only', () => {
    const out = discloseExplorer(
      view({
        base: 200,
        counts: [60, 50, 40],
        pairs: [
          [60, 45, 12],
          [45, 50, 20],
          [12, 20, 40]
        ]
      })
    );
    // 45 of the 60 with knives also have fear, but that leaves 5 with fear only.
    expect(out.pairs).toEqual([
      [60, null, 12],
      [null, 50, 20],
      [12, 20, 40]
    ]);
  });
});
