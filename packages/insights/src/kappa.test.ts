import { describe, expect, it } from 'vitest';
import { cohensKappa, describeKappa, pairsFromTable } from './kappa';

describe('cohensKappa', () => {
  it('gives 0.40 for the 2×2 table 20/5/10/15', () => {
    const r = cohensKappa(
      pairsFromTable(
        [
          [20, 5],
          [10, 15]
        ],
        ['yes', 'no']
      )
    );
    expect(r.defined).toBe(true);
    expect(r.observed).toBeCloseTo(0.7, 10);
    expect(r.expected).toBeCloseTo(0.5, 10);
    expect(r.kappa).toBeCloseTo(0.4, 10);
    if (r.defined) {
      expect(r.standardError).toBeCloseTo(Math.sqrt((0.7 * 0.3) / (50 * 0.25)), 10);
      expect(r.lower).toBeLessThan(0.4);
      expect(r.upper).toBeGreaterThan(0.4);
    }
  });
  it('matches the other textbook 2×2 examples', () => {
    expect(
      cohensKappa(
        pairsFromTable([
          [45, 15],
          [25, 15]
        ])
      ).kappa
    ).toBeCloseTo(0.1304, 4);
    expect(
      cohensKappa(
        pairsFromTable([
          [25, 35],
          [5, 35]
        ])
      ).kappa
    ).toBeCloseTo(0.2593, 4);
  });
  it('handles nominal codes with three categories', () => {
    // po = 39/50; pe = (15·13 + 15·15 + 20·22) / 50² = 0.344
    const table = [
      [10, 2, 3],
      [1, 12, 2],
      [2, 1, 17]
    ];
    const r = cohensKappa(pairsFromTable(table, ['safety', 'police', 'youth services']));
    expect(r.observed).toBeCloseTo(0.78, 10);
    expect(r.expected).toBeCloseTo(0.344, 10);
    expect(r.kappa).toBeCloseTo((0.78 - 0.344) / 0.656, 10);
  });
  it('is 1 for perfect agreement and negative for systematic disagreement', () => {
    expect(
      cohensKappa([
        [true, true],
        [false, false],
        [true, true]
      ]).kappa
    ).toBe(1);
    expect(
      cohensKappa([
        [1, 0],
        [0, 1],
        [1, 0],
        [0, 1]
      ]).kappa
    ).toBe(-1);
  });
  it('does not count a category only one rater used as agreement', () => {
    const r = cohensKappa([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'b']
    ]);
    expect(r.defined).toBe(true);
    expect(r.categories).toEqual(['a', 'b', 'c']);
    expect(r.observed).toBe(0.5);
  });
  it('is undefined, not 0 or 1, when everything is one category', () => {
    const r = cohensKappa([
      ['yes', 'yes'],
      ['yes', 'yes'],
      ['yes', 'yes']
    ]);
    expect(r).toMatchObject({ defined: false, kappa: null, reason: 'one category only', observed: 1, expected: 1 });
  });
  it('is undefined with no pairs', () => {
    expect(cohensKappa([])).toMatchObject({ defined: false, kappa: null, reason: 'no pairs', n: 0 });
  });
  it('describes kappa in Landis and Koch bands', () => {
    expect(describeKappa(0.4)).toBe('fair');
    expect(describeKappa(0.75)).toBe('substantial');
    expect(describeKappa(-0.1)).toBe('poor');
  });
  it('rejects a table that is not square', () => {
    expect(() =>
      pairsFromTable([
        [1, 2, 3],
        [4, 5, 6]
      ])
    ).toThrow(RangeError);
  });
});
