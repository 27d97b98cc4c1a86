import { describe, expect, it } from 'vitest';
import { autoCodeThreshold, bestF1Threshold, recallThreshold, reviewBandFor } from './calibrate';

describe('threshold calibration', () => {
  const margins = [-3, -2, -1, -0.5, 0.5, 1, 2, 3];
  const truth = [false, false, false, false, true, true, true, true];

  it('puts the F1 threshold between the classes', () => {
    const threshold = bestF1Threshold(margins, truth);
    expect(threshold).toBeGreaterThan(-0.5);
    expect(threshold).toBeLessThan(0.5);
  });

  it('falls back when there are too few positives', () => {
    expect(bestF1Threshold([1, 2], [true, false], 0)).toBe(0);
  });

  it('keeps the asked-for recall', () => {
    const threshold = recallThreshold([-2, -1, 0.5, 1, 2], [true, false, true, true, true], 1, 0);
    expect(threshold).toBeLessThanOrEqual(-2);
  });

  it('sends uncertain answers to review', () => {
    const band = reviewBandFor([[0.99], [0.98], [0.55], [0.52]], [[true], [true], [false], [false]]);
    expect(band).toBeGreaterThan(0.05);
    expect(band).toBeLessThan(0.49);
  });

  it('auto-codes the most certain answers down to the asked-for precision', () => {
    const certainties = [0.99, 0.95, 0.9, 0.6, 0.4];
    const confidences = [[0.9], [0.8], [0.7], [0.6], [0.55]];
    const truth = [[true], [true], [true], [false], [false]];
    expect(autoCodeThreshold(certainties, confidences, truth)).toBe(0.9);
    expect(autoCodeThreshold(certainties, confidences, truth, 0.5)).toBe(0.4);
  });
});
