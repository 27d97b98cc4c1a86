import { describe, expect, it } from 'vitest';
import { foldAssignment, groupedFoldAssignment, spreadOf } from './folds';

describe('seeded folds', () => {
  it('are reproducible for a seed and differ between seeds', () => {
    expect(foldAssignment(50, 5, 3)).toEqual(foldAssignment(50, 5, 3));
    expect(foldAssignment(50, 5, 3)).not.toEqual(foldAssignment(50, 5, 4));
  });

  it('put every answer in one fold, with sizes differing by at most one', () => {
    const fold = foldAssignment(23, 5, 1);
    expect(fold).toHaveLength(23);
    const sizes = [0, 1, 2, 3, 4].map((f) => fold.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(23);
  });
});

describe('folds that keep groups together', () => {
  it('put every answer of a source in the same fold, and answers without one anywhere', () => {
    const groups = ['a', 'a', 'b', undefined, 'c', 'b', 'a', undefined, 'd', 'c'];
    const fold = groupedFoldAssignment(groups, 3, 2);
    for (const group of ['a', 'b', 'c', 'd']) {
      expect(new Set(fold.filter((_, i) => groups[i] === group)).size).toBe(1);
    }
    expect(new Set(fold).size).toBe(3);
    expect(groupedFoldAssignment(groups, 3, 2)).toEqual(fold);
  });
});

describe('spread over seeds', () => {
  it('gives mean, sample sd, min and max', () => {
    expect(spreadOf([0.5, 0.6, 0.7])).toEqual({ mean: 0.6, sd: 0.1, min: 0.5, max: 0.7 });
    expect(spreadOf([0.4]).sd).toBe(0);
  });
});
