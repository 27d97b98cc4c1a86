import { describe, expect, it } from 'vitest';
import { twoProportionChange } from './change';

describe('twoProportionChange', () => {
  it('names a significant increase', () => {
    // 45% → 60% of 100 each: pooled 0.525, SE 0.07062, z 2.124, p 0.0337
    const r = twoProportionChange({ successes: 45, n: 100 }, { successes: 60, n: 100 });
    expect(r.difference).toBeCloseTo(0.15, 10);
    expect(r.z).toBeCloseTo(2.124, 3);
    expect(r.pValue).toBeCloseTo(0.0337, 4);
    expect(r).toMatchObject({ significant: true, verdict: 'increase' });
    expect(r.lower).toBeGreaterThan(0);
    expect(r.upper).toBeGreaterThan(0.15);
  });
  it('names a significant decrease', () => {
    const r = twoProportionChange({ successes: 300, n: 500 }, { successes: 240, n: 500 });
    expect(r.difference).toBeCloseTo(-0.12, 10);
    expect(r.verdict).toBe('decrease');
    expect(r.upper).toBeLessThan(0);
  });
  it('says "no significant change" when the difference could be chance', () => {
    const r = twoProportionChange({ successes: 45, n: 100 }, { successes: 52, n: 100 });
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r).toMatchObject({ significant: false, verdict: 'no significant change' });
    expect(r.lower).toBeLessThan(0);
    expect(r.upper).toBeGreaterThan(0);
  });
  it('matches Newcombe’s worked interval (56/70 vs 48/80)', () => {
    // Newcombe 1998, example (a): difference 0.2, 95% CI 0.0524 to 0.3339
    const r = twoProportionChange({ successes: 48, n: 80 }, { successes: 56, n: 70 });
    expect(r.difference).toBeCloseTo(0.2, 10);
    expect(r.lower).toBeCloseTo(0.0524, 4);
    expect(r.upper).toBeCloseTo(0.3339, 4);
  });
  it('respects a stricter confidence level', () => {
    const r = twoProportionChange({ successes: 45, n: 100 }, { successes: 60, n: 100 }, 0.99);
    expect(r.verdict).toBe('no significant change');
  });
  it('treats identical 0% or 100% waves as no change', () => {
    expect(twoProportionChange({ successes: 0, n: 20 }, { successes: 0, n: 30 })).toMatchObject({ z: 0, pValue: 1, verdict: 'no significant change' });
    expect(twoProportionChange({ successes: 20, n: 20 }, { successes: 30, n: 30 })).toMatchObject({ z: 0, significant: false });
  });
  it('returns nulls when a wave has nobody', () => {
    expect(twoProportionChange({ successes: 0, n: 0 }, { successes: 5, n: 10 })).toMatchObject({ difference: null, z: null, verdict: 'no significant change' });
  });
});
