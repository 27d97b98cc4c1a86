// Change between two waves in a proportion: a two-proportion z-test, reported
// the way the Crime Survey for England and Wales reports it — a change is
// named only when significant at the chosen level, otherwise "no statistically
// significant change".
//
// Clustered or weighted samples carry less information than their raw size:
// each wave may bring a design effect (deff ≥ 1, from clustering by school or
// from weighting), and every variance is multiplied by it, which is the same
// as testing on the effective sample size n / deff.
import { twoSidedP, zForConfidence } from './normal';
import { wilsonInterval } from './wilson';

export interface Wave {
  successes: number;
  n: number;
  /** Design effect of this wave's estimate; 1 (simple random sample) when left out. */
  designEffect?: number;
}

export type ChangeVerdict = 'increase' | 'decrease' | 'no statistically significant change';

export interface Change {
  /** pB − pA (as a proportion, e.g. 0.15 is 15 percentage points); null when a wave has no people. */
  difference: number | null;
  /** Newcombe's hybrid Wilson interval for the difference, on effective sample sizes. */
  lower: number | null;
  upper: number | null;
  z: number | null;
  pValue: number | null;
  significant: boolean;
  verdict: ChangeVerdict;
  confidence: number;
  /** The design effects used (1 and 1 when none applied), so a page can say they were. */
  designEffects: { a: number; b: number; applied: boolean };
}

const NO_CHANGE: ChangeVerdict = 'no statistically significant change';

function designEffectOf(wave: Wave): number {
  const deff = wave.designEffect ?? 1;
  if (!(Number.isFinite(deff) && deff >= 1)) throw new RangeError(`a design effect must be a number of at least 1, got ${deff}`);
  return deff;
}

function checkWave(wave: Wave): void {
  if (!(Number.isFinite(wave.n) && Number.isFinite(wave.successes)) || wave.n < 0 || wave.successes < 0 || wave.successes > wave.n) {
    throw new RangeError(`need 0 ≤ successes ≤ n, got ${wave.successes}/${wave.n}`);
  }
}

/**
 * Compare wave A (earlier) with wave B (later). The z statistic uses the
 * pooled proportion (H0: no change); the interval is Newcombe's method 10,
 * which builds on Wilson intervals and so behaves near 0% and 100%.
 * Counts may be weighted (not whole numbers).
 */
export function twoProportionChange(a: Wave, b: Wave, confidence = 0.95): Change {
  checkWave(a);
  checkWave(b);
  const deffA = designEffectOf(a);
  const deffB = designEffectOf(b);
  const designEffects = { a: deffA, b: deffB, applied: deffA > 1 || deffB > 1 };
  if (a.n === 0 || b.n === 0) {
    return { difference: null, lower: null, upper: null, z: null, pValue: null, significant: false, verdict: NO_CHANGE, confidence, designEffects };
  }
  const pA = a.successes / a.n;
  const pB = b.successes / b.n;
  const difference = pB - pA;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (deffA / a.n + deffB / b.n));
  // Both waves at 0% or both at 100%: nothing varies, so no evidence of change.
  const z = se === 0 ? 0 : difference / se;
  const pValue = twoSidedP(z);
  const significant = Math.abs(z) > zForConfidence(confidence);
  const wa = wilsonInterval(pA, a.n / deffA, confidence);
  const wb = wilsonInterval(pB, b.n / deffB, confidence);
  const lower = difference - Math.sqrt((pB - wb.lower) ** 2 + (wa.upper - pA) ** 2);
  const upper = difference + Math.sqrt((wb.upper - pB) ** 2 + (pA - wa.lower) ** 2);
  const verdict: ChangeVerdict = !significant ? NO_CHANGE : difference > 0 ? 'increase' : 'decrease';
  return { difference, lower, upper, z, pValue, significant, verdict, confidence, designEffects };
}
