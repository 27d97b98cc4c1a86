// Before fieldwork: the smallest change between two waves that a survey of a
// given size could detect, so an officer knows whether the planned wave can
// answer "do young people feel safer than last year?". Two waves of n each,
// the last wave's figure p, a two-sided test at the chosen level with the
// chosen power: MDC = (z₁₋α/₂ + z_power) · √(2 p (1 − p) · deff / n).
import { normalQuantile, zForConfidence } from './normal';

export interface DetectableChangeInput {
  /** Respondents expected in each wave. */
  n: number;
  /** The last wave's figure, as a proportion (0.65 for 65%). */
  p: number;
  designEffect?: number;
  confidence?: number;
  power?: number;
}

export interface DetectableChange {
  /** As a proportion: 0.0945 is 9.45 percentage points. */
  change: number;
  /** Percentage points to one decimal place, rounded up, so the promise is never smaller than the truth. */
  points: number;
}

export function smallestDetectableChange({ n, p, designEffect = 1, confidence = 0.95, power = 0.8 }: DetectableChangeInput): DetectableChange | null {
  if (!(n > 0 && p >= 0 && p <= 1 && designEffect >= 1 && power > 0 && power < 1)) return null;
  const change = (zForConfidence(confidence) + normalQuantile(power)) * Math.sqrt((2 * p * (1 - p) * designEffect) / n);
  // Round up at one decimal, after removing floating-point noise (9.5000000001 stays 9.5).
  const points = Math.ceil(Number((change * 1000).toFixed(6))) / 10;
  return { change, points };
}
