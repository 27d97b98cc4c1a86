import { describe, expect, it } from 'vitest';
import { answerCertainty, applyCalibration, calibrationFeatures, decisionCertainty, fitCalibrator, fitThemeCalibrators, monotone, themeConfidence } from './certainty';

// Synthetic out-of-fold data: the further above the threshold, the likelier "yes".
function synthetic(count: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const xs: number[][] = [];
  const ys: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const margin = random() * 12 - 6;
    const rule = random() < 0.5 ? 0 : random();
    xs.push(calibrationFeatures(margin, rule));
    ys.push(random() < 1 / (1 + Math.exp(-(1.5 * margin + (rule > 0 ? 1 : -1)))));
  }
  return { xs, ys };
}

describe('certainty calibration', () => {
  const { xs, ys } = synthetic(600, 5);
  const weights = fitCalibrator(xs, ys, 1e-3);

  it('maps every input into [0, 1]', () => {
    for (const margin of [-1e6, -20, -1, 0, 1, 20, 1e6, 3]) {
      for (const rule of [0, 0.3, 1]) {
        const p = applyCalibration(weights, calibrationFeatures(margin, rule));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is monotonic in the margin, with or without rule evidence', () => {
    for (const rule of [0, 0.6]) {
      let previous = -1;
      for (let margin = -8; margin <= 8; margin += 0.5) {
        const p = applyCalibration(weights, calibrationFeatures(margin, rule));
        expect(p).toBeGreaterThanOrEqual(previous);
        previous = p;
      }
    }
  });

  it('never lets a higher margin lower the probability', () => {
    const w = monotone([0, -1, 0, 3]);
    expect(w[1]).toBe(0);
    expect(monotone([0, 2, 0, -5])[3]).toBe(-2);
  });

  it('recovers roughly the right probabilities', () => {
    expect(applyCalibration(weights, calibrationFeatures(0, 0))).toBeLessThan(0.5);
    expect(applyCalibration(weights, calibrationFeatures(0, 0.5))).toBeGreaterThan(0.5);
    expect(applyCalibration(weights, calibrationFeatures(4, 0.5))).toBeGreaterThan(0.95);
    expect(applyCalibration(weights, calibrationFeatures(-4, 0))).toBeLessThan(0.05);
  });

  it('shrinks a theme with little data towards the pooled fit', () => {
    const few = synthetic(8, 9);
    const [pooledLike] = fitThemeCalibrators([few.xs, xs], [few.ys, ys], 50);
    const alone = fitCalibrator(few.xs, few.ys, 1e-3);
    const distance = (w: number[]) => Math.hypot(...w.map((v, j) => v - (weights[j] as number)));
    expect(distance(pooledLike as number[])).toBeLessThan(distance(alone));
  });
});

describe('confidence and certainty', () => {
  it('keeps the confidence on the side of the decision', () => {
    expect(themeConfidence(true, 0.3)).toBe(0.5);
    expect(themeConfidence(true, 0.9)).toBe(0.9);
    expect(themeConfidence(false, 0.7)).toBeLessThan(0.5);
    expect(themeConfidence(false, 0.02)).toBe(0.02);
  });

  it('gives the probability that a decision is right, and the product over an answer', () => {
    expect(decisionCertainty(true, 0.9)).toBe(0.9);
    expect(decisionCertainty(false, 0.1)).toBeCloseTo(0.9);
    expect(answerCertainty([0.9, 0.5])).toBeCloseTo(0.45);
    expect(answerCertainty([])).toBe(1);
  });
});
