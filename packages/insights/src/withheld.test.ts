import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseExplorer, type ExplorerCounts } from './explore/disclose';
import { ExploreIndex } from './explore/explore-index';
import { baseNoneByDefinition, groupsNoneByDefinition } from './explore/by-definition';
import { measureRows, tallyMeasureGroups, tallyMeasures } from './explore/measures';
import { selectRespondents } from './explore/select';
import { type SuppressionReason, suppress } from './suppress';
import { measureOverWaves } from './waves';
import { WITHHELD_RULES, waveWithheldReason, withheldCell, withheldNote, withheldNotes, withheldRule, withheldRuleInWords } from './withheld';

const REASONS: SuppressionReason[] = [
  'count below threshold',
  'base below threshold',
  'rest below threshold',
  'difference below threshold',
  'hidden so another hidden figure cannot be worked out from totals',
  'none by definition'
];

const counts = (input: Partial<ExplorerCounts> & Pick<ExplorerCounts, 'base' | 'counts'>): ExplorerCounts => ({
  threshold: 10,
  pairs: input.counts.map((c) => input.counts.map(() => c)),
  differencing: { view: [] },
  ...input
});

describe('which rule withheld a figure, in words', () => {
  it('put each reason under its rule', () => {
    expect(REASONS.map(withheldRule)).toEqual(['too few people', 'too few people', 'too few people', 'differencing', 'protects another cell', 'none by definition']);
    expect(withheldNote('base below threshold', 10)).toBe('under 10 in group');
    expect(withheldNote('rest below threshold', 10)).toBe('under 10 not counted');
    expect(withheldNote('count below threshold', 12)).toBe('under 12 counted');
    expect(withheldNote('hidden so another hidden figure cannot be worked out from totals', 10)).toBe('protects another cell');
    expect(withheldNote('none by definition', 10)).toBe('none by definition');
  });

  it('say what each rule means with the threshold, and no percentage but the one explained', () => {
    for (const rule of WITHHELD_RULES) {
      const sentence = withheldRuleInWords(rule, 15);
      expect(sentence.toLowerCase().startsWith(rule)).toBe(true);
      expect(sentence.replace('near 100%', '')).not.toMatch(/\d+%/);
    }
    expect(withheldRuleInWords('too few people', 15)).toContain('fewer than 15 people in the group answered');
  });

  it('give a rule and a short note for any reason text, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(...REASONS)), fc.integer({ min: 1, max: 1000 }), (reason, threshold) => {
        expect(WITHHELD_RULES).toContain(withheldRule(reason));
        const note = withheldNote(reason, threshold);
        expect(note.length).toBeGreaterThan(0);
        expect(note.length).toBeLessThanOrEqual(24);
      })
    );
  });

  it('note each rule once per table, counting its figures, and leave shown figures out', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...REASONS), { nil: null })), (reasons) => {
        const notes = withheldNotes(
          reasons.map((reason) => ({ reason })),
          10
        );
        expect(notes.reduce((s, n) => s + n.figures, 0)).toBe(reasons.filter((r) => r !== null).length);
        expect(notes.map((n) => n.rule)).toEqual(WITHHELD_RULES.filter((rule) => reasons.some((r) => r !== null && withheldRule(r) === rule)));
      })
    );
  });
});

describe('the reason the engine gives for each withheld figure', () => {
  it('say too few people are left over when a share is near 100%, not that it protects another cell', () => {
    // 55 of 60: the 5 without are too few.
    const view = discloseExplorer(counts({ base: 60, counts: [55, 5, 30] }));
    expect(view.prevalence.map((f) => [f.count, f.suppressed, f.reason])).toEqual([
      [null, 'primary', 'rest below threshold'],
      [null, 'primary', 'count below threshold'],
      [30, null, null]
    ]);
  });

  it('say so per group in a cross-tab: too few in the group, counted, or not counted, and which protect another', () => {
    const groups = [
      { base: 50, counts: [47] }, // 3 not counted
      { base: 50, counts: [5] }, // 5 counted
      { base: 6, counts: [3] }, // a small group
      { base: 60, counts: [30] }
    ];
    const view = discloseExplorer(counts({ base: 166, counts: [85], crossTab: { partition: true, groups, missing: null } }));
    const cells = view.crossTab?.cells[0] ?? [];
    expect(cells.map((c) => c.reason)).toEqual(['rest below threshold', 'count below threshold', 'base below threshold', null]);
    // The small group's base could be worked out from the total: the smallest other one protects it.
    expect(view.crossTab?.bases.map((b) => b.reason)).toEqual(['hidden so another hidden figure cannot be worked out from totals', null, 'base below threshold', null]);
  });

  it('say a base is none by definition when the filters make it 0, and only then', () => {
    const none = discloseExplorer(counts({ base: 0, counts: [0], noneByDefinition: { base: true } }));
    expect(none.base).toMatchObject({ count: null, suppressed: 'primary', reason: 'none by definition' });
    expect(none.prevalence[0]).toMatchObject({ count: null, reason: 'none by definition' });
    // A base that happens to be small is too few people, whatever the flag says.
    const few = discloseExplorer(counts({ base: 4, counts: [2], noneByDefinition: { base: true } }));
    expect(few.base).toMatchObject({ count: null, reason: 'base below threshold' });
  });

  it('say a group of a cross-tab is none by definition when its answer is left out of the base', () => {
    const groups = [
      { base: 40, counts: [20] },
      { base: 30, counts: [12] },
      { base: 0, counts: [0] }
    ];
    const view = discloseExplorer(counts({ base: 70, counts: [32], crossTab: { partition: true, groups, missing: null }, noneByDefinition: { groups: [false, false, true] } }));
    expect(view.crossTab?.bases[2]).toMatchObject({ count: null, reason: 'none by definition' });
    expect(view.crossTab?.cells[0]?.[2]).toMatchObject({ count: null, reason: 'none by definition' });
    expect(view.crossTab?.cells[0]?.slice(0, 2).map((c) => c.count)).toEqual([20, 12]);
  });

  it('never show a count, or leave a difference, under the threshold, whatever the reasons say', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ base: fc.integer({ min: 0, max: 80 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (raw, empty) => {
          const groups = raw.map(({ base, share }) => ({ base, counts: [Math.round(base * share)] }));
          const base = groups.reduce((s, g) => s + g.base, 0);
          const counted = groups.reduce((s, g) => s + (g.counts[0] as number), 0);
          const view = discloseExplorer(counts({ base, counts: [counted], crossTab: { partition: true, groups, missing: null }, noneByDefinition: { base: empty[0], groups: empty } }));
          const figures = [view.base, ...view.prevalence, ...(view.crossTab?.bases ?? []), ...(view.crossTab?.cells.flat() ?? [])];
          for (const f of figures) {
            if (f.count !== null) expect(f.count === 0 || f.count >= 10).toBe(true);
            expect(f.count === null).toBe(f.reason !== null);
          }
          groups.forEach((g, i) => {
            const cell = view.crossTab?.cells[0]?.[i];
            if (cell?.percent !== null && cell?.percent !== undefined) expect(g.base - (g.counts[0] as number)).toBeGreaterThanOrEqual(10);
            if (view.crossTab?.bases[i]?.reason === 'none by definition') expect(g.base).toBe(0);
          });
        }
      )
    );
  });
});

describe('a base that is none by definition', () => {
  const SAFE = { dimension: 'safe', counts: ['very_safe', 'quite_safe'], notInBase: ['dont_know'] };

  it('is one where only answers left out of the base are chosen, of a question with one answer each', () => {
    expect(baseNoneByDefinition(SAFE, 'single', ['dont_know'])).toBe(true);
    expect(baseNoneByDefinition(SAFE, 'single', ['dont_know', 'very_safe'])).toBe(false);
    expect(baseNoneByDefinition(SAFE, 'single', [])).toBe(false);
    expect(baseNoneByDefinition(SAFE, 'multi', ['dont_know'])).toBe(false);
  });

  it('is a group that the filters on its own question leave out, or that the measure leaves out of its base', () => {
    expect(groupsNoneByDefinition('single', ['Ash', 'Elm', 'Oak'], ['Ash'])).toEqual([false, true, true]);
    expect(groupsNoneByDefinition('single', ['Ash', 'Elm'], undefined)).toEqual([false, false]);
    expect(groupsNoneByDefinition('single', ['very_safe', 'dont_know'], undefined, SAFE.notInBase)).toEqual([false, true]);
    expect(groupsNoneByDefinition('multi', ['a', 'b'], ['a'], ['b'])).toEqual([false, false]);
  });

  it('is 0 in the data whenever it says so, for filters and for groups', () => {
    const answers = ['very_safe', 'quite_safe', 'not_safe', 'dont_know'];
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...answers), { nil: null }), { maxLength: 60 }), fc.subarray(answers), (given, chosen) => {
        const index = new ExploreIndex(4);
        given.forEach((safe, i) => {
          index.add({ id: `r${i}`, version: 1, day: 20_000, answers: safe === null ? {} : { safe } });
        });
        const rows = measureRows(index, SAFE);
        const [tally] = tallyMeasures(selectRespondents(index, chosen.length > 0 ? { values: { safe: chosen } } : {}), [rows]);
        if (baseNoneByDefinition(SAFE, 'single', chosen)) expect(tally?.base).toBe(0);
        // Split by its own question, under the same filter: a group the filter or the base leaves out holds no one.
        const values = index.dimensions.get('safe')?.values ?? [];
        const selection = selectRespondents(index, chosen.length > 0 ? { values: { safe: chosen } } : {});
        const groups = tallyMeasureGroups(index, selection, 'safe', [rows])[0] ?? [];
        groupsNoneByDefinition('single', values, chosen, SAFE.notInBase).forEach((none, g) => {
          if (none) expect(groups[g]?.base).toBe(0);
        });
      })
    );
  });
});

describe('the one-way and two-way suppression', () => {
  it('still give the reasons it always has', () => {
    expect(suppress([3, 40]).cells[0]?.reason).toBe('count below threshold');
  });
});

describe('a wave nobody answered', () => {
  it('reads as no figure, not as a few people withheld, in every table and its notes', () => {
    const reason = waveWithheldReason('no respondents');
    expect(withheldCell(reason, 10)).toBe('[x] nobody answered');
    expect(withheldNotes([{ reason }], 10)).toEqual([{ rule: 'nobody answered', figures: 1, sentence: withheldRuleInWords('nobody answered', 10) }]);
    expect(withheldRuleInWords('nobody answered', 10)).toMatch(/^Nobody answered: no one has taken part/);
    // A wave with a few people is withheld as too few, and one held back for its small part protects that part.
    expect(withheldCell(waveWithheldReason('too few respondents'), 10)).toBe('[c] too few people');
    expect(withheldCell(waveWithheldReason('a part is too small to show'), 10)).toBe('[c] protects another cell');
    expect(withheldCell('base below threshold', 10)).toBe('[c] under 10 in group');
  });

  it('is told apart from a wave of a few people by the same rule the figures use', () => {
    const part = { questionnaireId: 'q', ageBand: '11–19', wording: 'How safe do you feel?', scale: 'safe|unsafe', mode: 'school' as const, counted: 0, schools: [] };
    const wave = (base: number) => ({ id: String(base), label: String(base), date: new Date('2026-06-01'), parts: [{ ...part, base }] });
    const { figures } = measureOverWaves([wave(0), wave(4)], 10);
    expect(figures.map((f) => withheldCell(waveWithheldReason(f.withheld), 10))).toEqual(['[x] nobody answered', '[c] too few people']);
  });

  it('marks any reason, known or not, with [c] unless nobody answered', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'grapheme' })), (reason) => {
        const cell = withheldCell(waveWithheldReason(reason), 10);
        expect(cell.startsWith(reason === 'no respondents' ? '[x] ' : '[c] ')).toBe(true);
      })
    );
  });
});
