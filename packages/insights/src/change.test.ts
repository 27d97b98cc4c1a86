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
  it('says "no statistically significant change" when the difference could be chance', () => {
    const r = twoProportionChange({ successes: 45, n: 100 }, { successes: 52, n: 100 });
    expect(r.pValue).toBeGreaterThan(0.05);
    expect(r).toMatchObject({ significant: false, verdict: 'no statistically significant change' });
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
    expect(r.verdict).toBe('no statistically significant change');
  });
  it('treats identical 0% or 100% waves as no change', () => {
    expect(twoProportionChange({ successes: 0, n: 20 }, { successes: 0, n: 30 })).toMatchObject({ z: 0, pValue: 1, verdict: 'no statistically significant change' });
    expect(twoProportionChange({ successes: 20, n: 20 }, { successes: 30, n: 30 })).toMatchObject({ z: 0, significant: false });
  });
  it('returns nulls when a wave has nobody', () => {
    expect(twoProportionChange({ successes: 0, n: 0 }, { successes: 5, n: 10 })).toMatchObject({ difference: null, z: null, verdict: 'no statistically significant change' });
  });
});

describe('twoProportionChange with design effects', () => {
  it('reproduces the worked example: 412/1000 → 455/1000 is +4.3 points, z 1.94, p 0.052, no statistically significant change', () => {
    const r = twoProportionChange({ successes: 412, n: 1000 }, { successes: 455, n: 1000 });
    expect(r.difference).toBeCloseTo(0.043, 10);
    expect(r.z).toBeCloseTo(1.94, 2);
    expect(r.pValue).toBeCloseTo(0.052, 3);
    expect(r.verdict).toBe('no statistically significant change');
    expect(r.designEffects).toEqual({ a: 1, b: 1, applied: false });
    expect(r.lower).toBeLessThan(0);
    expect(r.upper).toBeGreaterThan(0.043);
  });
  it('reproduces the worked example with a design effect of 1.8: z 1.45, p 0.148, and a wider interval', () => {
    const plain = twoProportionChange({ successes: 412, n: 1000 }, { successes: 455, n: 1000 });
    const r = twoProportionChange({ successes: 412, n: 1000, designEffect: 1.8 }, { successes: 455, n: 1000, designEffect: 1.8 });
    expect(r.z).toBeCloseTo(1.45, 2);
    expect(r.pValue).toBeCloseTo(0.148, 3);
    expect(r.verdict).toBe('no statistically significant change');
    expect(r.designEffects).toEqual({ a: 1.8, b: 1.8, applied: true });
    expect((r.upper ?? 0) - (r.lower ?? 0)).toBeGreaterThan((plain.upper ?? 0) - (plain.lower ?? 0));
  });
  it('turns a significant change into no statistically significant change when clustering is allowed for', () => {
    const a = { successes: 400, n: 1000 };
    const b = { successes: 450, n: 1000 };
    expect(twoProportionChange(a, b).verdict).toBe('increase');
    expect(twoProportionChange({ ...a, designEffect: 2.5 }, { ...b, designEffect: 2.5 }).verdict).toBe('no statistically significant change');
  });
  it('accepts weighted counts that are not whole numbers', () => {
    const r = twoProportionChange({ successes: 210.4, n: 498.7 }, { successes: 260.2, n: 503.1 });
    expect(r.difference).toBeCloseTo(260.2 / 503.1 - 210.4 / 498.7, 10);
    expect(r.verdict).toBe('increase');
  });
  it('refuses a design effect below 1', () => {
    expect(() => twoProportionChange({ successes: 1, n: 10, designEffect: 0.5 }, { successes: 2, n: 10 })).toThrow(RangeError);
  });
});
