/** Threshold choice from out-of-fold margins (cross-validation). */

/** The precision auto-coded answers' "yes" codes are meant to reach: the coder's claim. */
export const AUTO_CODE_PRECISION = 0.95;

/**
 * The margin threshold that maximises F1. With little data many thresholds
 * tie, so we take the median of those within 0.02 of the best, which moves
 * less between folds than the single best point. One sorted sweep: O(n log n).
 */
export function bestF1Threshold(margins: number[], truth: boolean[], fallback = 0): number {
  const positives = truth.filter(Boolean).length;
  if (positives < 3) return fallback;
  const order = margins.map((m, i) => ({ m, positive: truth[i] === true })).sort((a, b) => b.m - a.m);
  const scored: { threshold: number; f1: number }[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length - 1; i++) {
    const current = order[i] as { m: number; positive: boolean };
    if (current.positive) tp++;
    else fp++;
    const next = order[i + 1] as { m: number };
    // Cut only between distinct margins: everything above is predicted yes.
    if (next.m === current.m) continue;
    scored.push({ threshold: (current.m + next.m) / 2, f1: (2 * tp) / (tp + fp + positives) });
  }
  if (scored.length === 0) return fallback;
  const best = Math.max(...scored.map((s) => s.f1));
  const near = scored
    .filter((s) => s.f1 >= best - 0.02)
    .map((s) => s.threshold)
    .sort((a, b) => a - b);
  return near[Math.floor(near.length / 2)] ?? fallback;
}

/** The highest threshold that still keeps `recall` of the positives. */
export function recallThreshold(margins: number[], truth: boolean[], recall: number, fallback = 0): number {
  const positive = margins.filter((_, i) => truth[i]).sort((a, b) => a - b);
  if (positive.length < 3) return fallback;
  const allowedMisses = Math.floor(positive.length * (1 - recall));
  const edge = positive[allowedMisses] as number;
  return Math.min(fallback, edge - 1e-6);
}

/**
 * Review band: the smallest distance from 0.5 such that answers whose every
 * theme confidence is at least that far from 0.5 reach `precision` on their
 * "yes" codes. Returns a value in [0, 0.5].
 */
export function reviewBandFor(confidences: number[][], truth: boolean[][], precision = 0.95): number {
  const answers = confidences.map((row, i) => ({
    certainty: Math.min(...row.map((c) => Math.abs(c - 0.5))),
    row,
    truth: truth[i] as boolean[]
  }));
  answers.sort((a, b) => b.certainty - a.certainty);
  let tp = 0;
  let fp = 0;
  let band = 0.5;
  for (const answer of answers) {
    answer.row.forEach((c, k) => {
      if (c >= 0.5 && answer.truth[k]) tp++;
      else if (c >= 0.5) fp++;
    });
    if (tp + fp === 0 || tp / (tp + fp) >= precision) band = answer.certainty;
  }
  return band;
}

/**
 * Auto-coding threshold on answer-level certainty: the lowest certainty such
 * that answers at or above it reach `precision` on their pooled "yes" codes
 * (`confidences` ≥ 0.5 are "yes"). Returns a value in [0, 1].
 */
export function autoCodeThreshold(certainties: number[], confidences: number[][], truth: boolean[][], precision = AUTO_CODE_PRECISION): number {
  const order = certainties.map((_c, i) => i).sort((a, b) => (certainties[b] as number) - (certainties[a] as number));
  let tp = 0;
  let fp = 0;
  let threshold = 1;
  order.forEach((i, position) => {
    (confidences[i] as number[]).forEach((c, k) => {
      if (c < 0.5) return;
      if (truth[i]?.[k]) tp++;
      else fp++;
    });
    const next = order[position + 1];
    const certainty = certainties[i] as number;
    if ((tp + fp === 0 || tp / (tp + fp) >= precision) && (next === undefined || (certainties[next] as number) < certainty)) threshold = certainty;
  });
  return threshold;
}
