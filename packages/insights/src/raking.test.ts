import { describe, expect, it } from 'vitest';
import { RakingError, rake } from './raking';

const cellsOf = (rows: [string, string, number][]) => rows.map(([age, sex, count]) => ({ categories: { age, sex }, count }));

describe('rake', () => {
  const sample = cellsOf([
    ['11-13', 'girl', 120],
    ['11-13', 'boy', 80],
    ['14-16', 'girl', 150],
    ['14-16', 'boy', 110],
    ['17-19', 'girl', 40],
    ['17-19', 'boy', 50]
  ]);
  const margins = { age: { '11-13': 0.36, '14-16': 0.38, '17-19': 0.26 }, sex: { girl: 0.49, boy: 0.51 } };

  it('reproduces the worked example: weights and Kish effective n 504.0 of 550', () => {
    const r = rake(sample, margins);
    expect(r.weights.map((w) => Number(w.toFixed(4)))).toEqual([0.8899, 1.1402, 0.7183, 0.9204, 1.3741, 1.7607]);
    expect(r.kishEffectiveN.toFixed(1)).toBe('504.0');
    expect(r.n).toBe(550);
    expect(r.converged).toBe(true);
    expect(r.largestGap).toBeLessThanOrEqual(1e-6);
    expect(r.designEffect).toBeCloseTo(550 / r.kishEffectiveN, 10);
    expect(r.trimmed).toBe(0);
  });
  it('makes the weighted margins match the population', () => {
    const r = rake(sample, margins);
    const total = sample.reduce((s, c, i) => s + c.count * (r.weights[i] ?? 0), 0);
    const girls = sample.reduce((s, c, i) => s + (c.categories.sex === 'girl' ? c.count * (r.weights[i] ?? 0) : 0), 0);
    expect(total).toBeCloseTo(550, 6);
    expect(girls / total).toBeCloseTo(0.49, 6);
  });
  it('trims extreme weights and says it could not then match the margins exactly', () => {
    const skewed = cellsOf([
      ['young', 'girl', 300],
      ['young', 'boy', 5],
      ['old', 'girl', 5],
      ['old', 'boy', 300]
    ]);
    // The population is mostly young boys, of whom the sample has five.
    const r = rake(skewed, { age: { young: 0.8, old: 0.2 }, sex: { girl: 0.2, boy: 0.8 } }, { trim: { lower: 0.5, upper: 2 } });
    expect(Math.max(...r.weights)).toBeLessThanOrEqual(2 + 1e-9);
    expect(Math.min(...r.weights)).toBeGreaterThanOrEqual(0.5 - 1e-9);
    expect(r.trimmed).toBeGreaterThan(0);
    expect(r.converged).toBe(false);
    expect(r.largestGap).toBeGreaterThan(0.01);
  });
  it('reports when it did not converge', () => {
    const r = rake(sample, margins, { maxIterations: 1, tolerance: 1e-12 });
    expect(r).toMatchObject({ converged: false, iterations: 1 });
    expect(r.largestGap).toBeGreaterThan(1e-12);
  });
  it('refuses margins that do not add up, or a population group with no respondents', () => {
    expect(() => rake(sample, { ...margins, sex: { girl: 0.6, boy: 0.6 } })).toThrow(RakingError);
    expect(() => rake(sample, { ...margins, age: { '11-13': 0.3, '14-16': 0.3, '17-19': 0.2, '20-24': 0.2 } })).toThrow(/no respondents in age “20-24”/);
    expect(() => rake(sample, { age: { '11-13': 0.5, '14-16': 0.5 } })).toThrow(/no population share for age “17-19”/);
  });
});
