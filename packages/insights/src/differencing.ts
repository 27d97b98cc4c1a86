// Differencing guard: two figures that are each safe to show can together
// reveal a small group. If "all Year 9" has 120 pupils and "Year 9 except
// School X" has 114, the pair tells you about the 6 pupils at School X.
//
// Rule: a figure is shown only if its own base is at least the threshold AND,
// for every figure already shown in the same view/report, the people in one
// but not the other number either 0 or at least the threshold.
import { SUPPRESSION_THRESHOLD } from './suppress';

export interface DifferencingDecision {
  ok: boolean;
  reason: 'ok' | 'base below threshold' | 'difference below threshold';
  /** Size of the smallest group the figure would reveal (0 when none). */
  revealed: number;
}

/**
 * Counts only, for nested filters (the filtered set is a subset of the base,
 * e.g. a filter adds or removes one group): `filtered` may be shown next to
 * `base` only if filtered ≥ threshold and base − filtered is 0 or ≥ threshold.
 */
export function safeToShowFilteredCount(base: number, filtered: number, threshold = SUPPRESSION_THRESHOLD): DifferencingDecision {
  if (!Number.isInteger(base) || !Number.isInteger(filtered) || filtered < 0 || filtered > base) {
    throw new RangeError(`need 0 ≤ filtered ≤ base, got ${filtered} of ${base}`);
  }
  if (filtered < threshold) return { ok: false, reason: 'base below threshold', revealed: filtered };
  const difference = base - filtered;
  if (difference > 0 && difference < threshold) return { ok: false, reason: 'difference below threshold', revealed: difference };
  return { ok: true, reason: 'ok', revealed: 0 };
}

/**
 * Remembers which groups of respondents have been shown (in one report,
 * export or explorer session) and refuses a new figure whose group differs
 * from any shown one by fewer than `threshold` people, either way. Works on
 * respondent ids, so it is exact for filters that are not nested too.
 */
export class DifferencingGuard {
  private readonly shown: Array<ReadonlySet<string>> = [];

  constructor(readonly threshold = SUPPRESSION_THRESHOLD) {}

  check(ids: Iterable<string>): DifferencingDecision {
    const group = new Set(ids);
    if (group.size < this.threshold) return { ok: false, reason: 'base below threshold', revealed: group.size };
    let smallest = 0;
    for (const other of this.shown) {
      for (const d of [countMissing(group, other), countMissing(other, group)]) {
        if (d > 0 && d < this.threshold && (smallest === 0 || d < smallest)) smallest = d;
      }
    }
    return smallest > 0 ? { ok: false, reason: 'difference below threshold', revealed: smallest } : { ok: true, reason: 'ok', revealed: 0 };
  }

  /** Check, and record the group as shown when it is safe. */
  show(ids: Iterable<string>): DifferencingDecision {
    const group = new Set(ids);
    const decision = this.check(group);
    if (decision.ok) this.shown.push(group);
    return decision;
  }
}

/** How many of `a` are not in `b`. */
function countMissing(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (!b.has(x)) n++;
  return n;
}
