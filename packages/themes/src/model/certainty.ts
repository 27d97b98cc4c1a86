/**
 * Calibrated certainty. A theme's raw margin says which side of its decision
 * threshold an answer falls; it does not say how often that decision is right,
 * and margins from different themes are not comparable. Each theme gets a
 * small logistic calibrator, fitted on out-of-fold margins, over:
 *   - the margin relative to the theme's threshold,
 *   - whether the codebook found any evidence for the theme, and
 *   - their interaction (so "no rule evidence and a low model score" can be a
 *     confident "no" while a disagreement between rules and model is not).
 * Per-theme fits are shrunk towards one pooled fit, so themes with few
 * positives borrow strength from the rest.
 */

export const CALIBRATION_FEATURES = 4;

/** Calibrator inputs for one decision: margin − threshold and the rule score. */
export function calibrationFeatures(relativeMargin: number, ruleScore: number): number[] {
  const z = Math.max(-12, Math.min(12, relativeMargin));
  const evidence = ruleScore > 0 ? 1 : 0;
  return [1, z, evidence, z * evidence];
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function applyCalibration(weights: readonly number[], features: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < features.length; j++) s += (weights[j] ?? 0) * (features[j] as number);
  return sigmoid(s);
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] as number) > Math.abs(m[pivot]?.[c] as number)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    const p = row[c] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] as number[];
      const f = (other[c] as number) / p;
      if (f !== 0) for (let k = c; k <= n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
    }
  }
  return m.map((row, i) => (Math.abs(row[i] as number) < 1e-12 ? 0 : (row[n] as number) / (row[i] as number)));
}

/**
 * L2-regularised logistic regression by Newton's method, penalising the
 * distance from `prior` (the intercept only lightly). Returns the weights.
 */
export function fitCalibrator(xs: number[][], ys: boolean[], l2: number, prior: number[] = []): number[] {
  const d = xs[0]?.length ?? CALIBRATION_FEATURES;
  const centre = Array.from({ length: d }, (_, j) => prior[j] ?? 0);
  let w = [...centre];
  const penalty = (j: number) => (j === 0 ? l2 * 0.01 : l2);
  for (let iteration = 0; iteration < 25; iteration++) {
    const gradient = w.map((wj, j) => penalty(j) * (wj - (centre[j] as number)));
    const hessian = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? penalty(i) + 1e-9 : 0)));
    xs.forEach((x, i) => {
      const p = applyCalibration(w, x);
      const error = p - (ys[i] ? 1 : 0);
      const curvature = Math.max(p * (1 - p), 1e-6);
      for (let a = 0; a < d; a++) {
        gradient[a] = (gradient[a] as number) + error * (x[a] as number);
        const row = hessian[a] as number[];
        for (let b = 0; b < d; b++) row[b] = (row[b] as number) + curvature * (x[a] as number) * (x[b] as number);
      }
    });
    const step = solve(hessian, gradient);
    w = w.map((wj, j) => wj - (step[j] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w.map((v) => Math.round(v * 1e4) / 1e4);
}

/**
 * One calibrator per theme from out-of-fold data: `features[k][i]` and
 * `truth[k][i]` for theme k and example i. Fits a pooled calibrator, then
 * each theme's own, shrunk towards the pooled one by `shrinkage`.
 */
export function fitThemeCalibrators(features: number[][][], truth: boolean[][], shrinkage = 50): number[][] {
  const pooled = monotone(fitCalibrator(features.flat(), truth.flat(), 1e-3));
  return features.map((xs, k) => monotone(fitCalibrator(xs, truth[k] as boolean[], shrinkage, pooled)));
}

/** A higher margin must never lower the probability, with or without rule evidence. */
export function monotone(weights: number[]): number[] {
  const w = [...weights];
  w[1] = Math.max(0, w[1] ?? 0);
  w[3] = Math.max(-(w[1] as number), w[3] ?? 0);
  return w;
}

/**
 * A theme's reported confidence: the calibrated probability that the theme
 * applies, kept on the decision's side of 0.5 (the decision itself is made
 * at the theme's best-F1 threshold). So |confidence − 0.5| grows with the
 * probability that the decision is right, on one scale for every theme.
 */
export function themeConfidence(yes: boolean, probability: number): number {
  return yes ? Math.max(0.5, probability) : Math.min(0.499, probability);
}

/** Probability that a decision is right, given the calibrated probability of "yes". */
export function decisionCertainty(yes: boolean, probability: number): number {
  return yes ? probability : 1 - probability;
}

/**
 * Answer-level certainty: the probability that every theme decision is right,
 * treating themes as independent (the product of per-decision certainties).
 */
export function answerCertainty(decisionCertainties: readonly number[]): number {
  let product = 1;
  for (const c of decisionCertainties) product *= c;
  return product;
}

/**
 * Answer-level certainty from theme confidences: each decision is right with
 * probability 0.5 + |confidence − 0.5| (confidences are calibrated and sit on
 * their decision's side of 0.5).
 */
export function answerCertaintyOf(confidences: readonly number[]): number {
  return answerCertainty(confidences.map((c) => 0.5 + Math.abs(c - 0.5)));
}
