// Wilson score interval for a proportion, as in UKHSA's public-health indicator methods.
import { zForConfidence } from './normal';

export interface Proportion {
  /** successes / n, or null when n = 0 (no people, no proportion). */
  p: number | null;
  lower: number | null;
  upper: number | null;
  successes: number;
  n: number;
  confidence: number;
}

function checkCounts(successes: number, n: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(n)) throw new RangeError('successes and n must be whole numbers');
  if (n < 0 || successes < 0 || successes > n) throw new RangeError(`need 0 ≤ successes ≤ n, got ${successes}/${n}`);
}

/**
 * Wilson score interval. Unlike the Wald interval it stays inside [0, 1] and
 * behaves at 0% and 100% (0/10 → [0, 0.2775]). n = 0 gives nulls, not NaN.
 */
export function wilson(successes: number, n: number, confidence = 0.95): Proportion {
  checkCounts(successes, n);
  if (n === 0) return { p: null, lower: null, upper: null, successes, n, confidence };
  const p = successes / n;
  return { p, ...wilsonInterval(p, n, confidence), successes, n, confidence };
}

/**
 * The Wilson interval of a proportion p from a sample of (effective) size n > 0,
 * which need not be a whole number: a clustered or weighted sample counts as
 * n / design effect.
 */
export function wilsonInterval(p: number, n: number, confidence = 0.95): { lower: number; upper: number } {
  const z = zForConfidence(confidence);
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // Clamp only rounding noise: at 0% and 100% the bounds are exactly 0 and 1.
  const lower = p === 0 ? 0 : Math.max(0, (centre - spread) / denominator);
  const upper = p === 1 ? 1 : Math.min(1, (centre + spread) / denominator);
  return { lower, upper };
}
