/** Threshold choice from out-of-fold margins (cross-validation). */

function candidates(margins: number[]): number[] {
  const sorted = [...new Set(margins)].sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let i = 1; i < sorted.length; i++) cuts.push(((sorted[i - 1] as number) + (sorted[i] as number)) / 2);
  return cuts;
}

function counts(margins: number[], truth: boolean[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  margins.forEach((m, i) => {
    if (m >= threshold && truth[i]) tp++;
    else if (m >= threshold) fp++;
    else if (truth[i]) fn++;
  });
  return { tp, fp, fn };
}

/**
 * The margin threshold that maximises F1. With little data many thresholds
 * tie, so we take the median of those within 0.02 of the best, which moves
 * less between folds than the single best point.
 */
export function bestF1Threshold(margins: number[], truth: boolean[], fallback = 0): number {
  const positives = truth.filter(Boolean).length;
  if (positives < 3) return fallback;
  const scored = candidates(margins).map((threshold) => {
    const { tp, fp, fn } = counts(margins, truth, threshold);
    return { threshold, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn) };
  });
  const best = Math.max(...scored.map((s) => s.f1));
  const near = scored.filter((s) => s.f1 >= best - 0.02).map((s) => s.threshold);
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

