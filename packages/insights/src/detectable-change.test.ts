import { describe, expect, it } from 'vitest';
import { smallestDetectableChange } from './detectable-change';

describe('smallestDetectableChange', () => {
  it('reproduces the worked example: 400 per wave at 65% can detect 9.5 points', () => {
    const r = smallestDetectableChange({ n: 400, p: 0.65 });
    expect(r?.change).toBeCloseTo(0.0945, 4);
    expect(r?.points).toBe(9.5);
  });
  it('reproduces the worked example with a design effect of 1.5: 11.6 points', () => {
    expect(smallestDetectableChange({ n: 400, p: 0.65, designEffect: 1.5 })?.points).toBe(11.6);
  });
  it('shrinks with more respondents and is largest at 50%', () => {
    const small = smallestDetectableChange({ n: 200, p: 0.5 })?.change ?? 0;
    const large = smallestDetectableChange({ n: 2000, p: 0.5 })?.change ?? 0;
    expect(large).toBeLessThan(small);
    expect(smallestDetectableChange({ n: 400, p: 0.5 })?.change).toBeGreaterThan(smallestDetectableChange({ n: 400, p: 0.8 })?.change ?? 1);
  });
  it('gives nothing for an impossible plan', () => {
    expect(smallestDetectableChange({ n: 0, p: 0.5 })).toBeNull();
    expect(smallestDetectableChange({ n: 100, p: 1.5 })).toBeNull();
    expect(smallestDetectableChange({ n: 100, p: Number.NaN })).toBeNull();
  });
});
