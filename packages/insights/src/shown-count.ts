// Counts of people shown to staff outside the explorer, such as how many
// responded to a questionnaire and to each of its versions, under the same
// rule as every figure: a count from 1 to below the threshold is not shown,
// because staff who know who was asked could match it to those few people.
// Zero is shown: it is about nobody, and staff need to see that a
// questionnaire is reaching no one.
import { SUPPRESSION_THRESHOLD } from './suppress';

export type ShownCount =
  | { count: number }
  | { fewerThan: number }
  /** Not shown though it may be large: with the total and the other parts it would reveal a smaller one. */
  | { hidden: true };

export function shownCount(n: number, threshold = SUPPRESSION_THRESHOLD): ShownCount {
  return n === 0 || n >= threshold ? { count: n } : { fewerThan: threshold };
}

/**
 * A total and its parts (e.g. responses per version). When the total is
 * shown and any part is too small to show, no part other than a zero is
 * shown: the total less the parts shown would give the small ones away, and
 * even "fewer than" beside a known sum can pin them down.
 */
export function shownCounts(parts: number[], threshold = SUPPRESSION_THRESHOLD): { total: ShownCount; parts: ShownCount[] } {
  const total = parts.reduce((sum, n) => sum + n, 0);
  const anyTooSmall = parts.some((n) => n > 0 && n < threshold);
  const withhold = anyTooSmall && total >= threshold;
  return {
    total: shownCount(total, threshold),
    parts: parts.map((n): ShownCount => (withhold && n > 0 ? { hidden: true } : shownCount(n, threshold)))
  };
}
