// Change between two waves in a proportion: a two-proportion z-test, reported
// the CSEW way — a change is named only when significant at the chosen level.
import { twoSidedP, zForConfidence } from './normal';
import { wilson } from './wilson';

export interface Wave {
  successes: number;
  n: number;
}

export type ChangeVerdict = 'increase' | 'decrease' | 'no significant change';

export interface Change {
  /** pB − pA (as a proportion, e.g. 0.15 is 15 percentage points); null when a wave has no people. */
  difference: number | null;
  /** Newcombe's hybrid Wilson interval for the difference. */
  lower: number | null;
  upper: number | null;
  z: number | null;
  pValue: number | null;
  significant: boolean;
  verdict: ChangeVerdict;
  confidence: number;
}

/**
 * Compare wave A (earlier) with wave B (later). The z statistic uses the
 * pooled proportion (H0: no change); the interval is Newcombe's method 10,
 * which builds on Wilson intervals and so behaves near 0% and 100%.
 */
export function twoProportionChange(a: Wave, b: Wave, confidence = 0.95): Change {
  const wa = wilson(a.successes, a.n, confidence);
  const wb = wilson(b.successes, b.n, confidence);
  const none: Change = {
    difference: null,
    lower: null,
    upper: null,
    z: null,
    pValue: null,
    significant: false,
    verdict: 'no significant change',
    confidence
  };
  if (wa.p === null || wb.p === null) return none;
  const difference = wb.p - wa.p;
  const pooled = (a.successes + b.successes) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  // Both waves at 0% or both at 100%: nothing varies, so no evidence of change.
  const z = se === 0 ? 0 : difference / se;
  const pValue = twoSidedP(z);
  const significant = Math.abs(z) > zForConfidence(confidence);
  const lower = difference - Math.sqrt((wb.p - (wb.lower ?? 0)) ** 2 + ((wa.upper ?? 0) - wa.p) ** 2);
  const upper = difference + Math.sqrt(((wb.upper ?? 0) - wb.p) ** 2 + (wa.p - (wa.lower ?? 0)) ** 2);
  const verdict: ChangeVerdict = !significant ? 'no significant change' : difference > 0 ? 'increase' : 'decrease';
  return { difference, lower, upper, z, pValue, significant, verdict, confidence };
}
