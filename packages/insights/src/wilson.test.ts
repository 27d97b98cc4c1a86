import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, twoSidedP, zForConfidence } from './normal';
import { type Proportion, wilson } from './wilson';

/** The interval's width; NaN when there is no interval, so no comparison with it passes. */
const width = (r: Proportion) => (r.upper ?? Number.NaN) - (r.lower ?? Number.NaN);

describe('normal distribution', () => {
  it('has the familiar critical values', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959964, 6);
    expect(zForConfidence(0.99)).toBeCloseTo(2.575829, 6);
    expect(zForConfidence(0.9)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
  it('gives the CDF and two-sided p-values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBe(1);
  });
});

describe('wilson', () => {
  it('matches the worked example 81/263', () => {
    const r = wilson(81, 263);
    expect(r.p).toBeCloseTo(0.308, 4);
    expect(r.lower).toBeCloseTo(0.2553, 4);
    expect(r.upper).toBeCloseTo(0.3662, 4);
  });
  it('handles 0/10 and 10/10 without leaving [0, 1]', () => {
    const none = wilson(0, 10);
    expect(none).toMatchObject({ p: 0, lower: 0 });
    expect(none.upper).toBeCloseTo(0.2775, 4);
    const all = wilson(10, 10);
    expect(all).toMatchObject({ p: 1, upper: 1 });
    expect(all.lower).toBeCloseTo(0.7225, 4);
  });
  it('is symmetric around one half', () => {
    const r = wilson(5, 10);
    expect(r.lower).toBeCloseTo(0.2366, 4);
    expect(r.upper).toBeCloseTo(0.7634, 4);
    expect((r.lower ?? 0) + (r.upper ?? 0)).toBeCloseTo(1, 10);
  });
  it('widens with confidence', () => {
    const r90 = wilson(81, 263, 0.9);
    const r99 = wilson(81, 263, 0.99);
    expect(width(r90)).toBeLessThan(width(r99));
    expect(r99.lower).toBeCloseTo(0.2404, 3);
  });
  it('returns nulls for n = 0', () => {
    expect(wilson(0, 0)).toMatchObject({ p: null, lower: null, upper: null, n: 0 });
  });
  it('rejects impossible counts', () => {
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
    expect(() => wilson(1, 10, 1)).toThrow(RangeError);
  });
});
