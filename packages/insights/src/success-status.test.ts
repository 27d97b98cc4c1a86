import { describe, expect, it } from 'vitest';
import { assessMeasureOfSuccess, expectedChangeBy, type MeasureOfSuccess } from './success-status';

// "+5 points by 2027" from a 2025 baseline.
const measure: MeasureOfSuccess = { direction: 'increase', targetChange: 0.05, baselineDate: new Date('2025-06-01'), targetDate: new Date('2027-06-01') };

describe('assessMeasureOfSuccess', () => {
  it('expects progress in proportion to the time gone', () => {
    expect(expectedChangeBy(measure, new Date('2025-06-01'))).toBe(0);
    expect(expectedChangeBy(measure, new Date('2026-06-01'))).toBeCloseTo(0.025, 3);
    expect(expectedChangeBy(measure, new Date('2030-01-01'))).toBe(0.05);
  });
  it('is too early to tell with only the baseline', () => {
    expect(assessMeasureOfSuccess(measure, { successes: 550, n: 1000 }, null).status).toBe('too early to tell');
  });
  it('is on track when the whole interval is at or beyond the trajectory', () => {
    const r = assessMeasureOfSuccess(measure, { successes: 550, n: 1000 }, { wave: { successes: 680, n: 1000 }, date: new Date('2026-06-01') });
    expect(r.status).toBe('on track');
    expect(r.change?.lower).toBeGreaterThanOrEqual(r.expectedChange);
  });
  it('is not on track when the whole interval falls short', () => {
    const r = assessMeasureOfSuccess(measure, { successes: 550, n: 1000 }, { wave: { successes: 480, n: 1000 }, date: new Date('2026-06-01') });
    expect(r.status).toBe('not on track');
  });
  it('is too early to tell when the interval holds both, however good the point estimate looks', () => {
    const r = assessMeasureOfSuccess(measure, { successes: 55, n: 100 }, { wave: { successes: 62, n: 100 }, date: new Date('2026-06-01') });
    expect(r.change?.difference).toBeGreaterThan(r.expectedChange);
    expect(r.status).toBe('too early to tell');
  });
  it('turns the interval round when a fall is wanted', () => {
    const fewer = { ...measure, direction: 'decrease' as const };
    expect(assessMeasureOfSuccess(fewer, { successes: 300, n: 1000 }, { wave: { successes: 200, n: 1000 }, date: new Date('2026-06-01') }).status).toBe('on track');
    expect(assessMeasureOfSuccess(fewer, { successes: 300, n: 1000 }, { wave: { successes: 380, n: 1000 }, date: new Date('2026-06-01') }).status).toBe('not on track');
  });
  it('allows for clustering in the interval', () => {
    const baseline = { successes: 550, n: 1000, designEffect: 4 };
    const latest = { wave: { successes: 640, n: 1000, designEffect: 4 }, date: new Date('2026-06-01') };
    expect(assessMeasureOfSuccess(measure, { successes: 550, n: 1000 }, { ...latest, wave: { successes: 640, n: 1000 } }).status).toBe('on track');
    expect(assessMeasureOfSuccess(measure, baseline, latest).status).toBe('too early to tell');
  });
});
