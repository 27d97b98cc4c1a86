// Status of a measure of success: a strategy's figure (e.g. "young people who
// feel safe in the town centre after dark") with a baseline wave, a target
// change by a date and a direction. The status never claims more than the data
// can support:
//
// - by each wave the measure should have moved a share of the target in
//   proportion to the time gone (the trajectory; none at the baseline);
// - on track: the whole 95% interval of the change since the baseline is at
//   or beyond the trajectory;
// - not on track: the whole interval falls short of it;
// - too early to tell: the interval holds values on both sides, or there is
//   no wave after the baseline yet.
import { type Change, twoProportionChange, type Wave } from './change';

export type Direction = 'increase' | 'decrease';
export type SuccessStatus = 'on track' | 'not on track' | 'too early to tell';

export interface MeasureOfSuccess {
  direction: Direction;
  /** The change wanted by the target date, as a positive proportion (0.05 is 5 points). */
  targetChange: number;
  baselineDate: Date;
  targetDate: Date;
}

export interface SuccessAssessment {
  status: SuccessStatus;
  /** Change the trajectory expects by the latest wave, signed in the wanted direction. */
  expectedChange: number;
  change: Change | null;
}

const DAY = 86_400_000;

export function expectedChangeBy(measure: MeasureOfSuccess, when: Date): number {
  const total = (measure.targetDate.getTime() - measure.baselineDate.getTime()) / DAY;
  const gone = (when.getTime() - measure.baselineDate.getTime()) / DAY;
  const fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, gone / total));
  return measure.targetChange * fraction;
}

export function assessMeasureOfSuccess(measure: MeasureOfSuccess, baseline: Wave, latest: { wave: Wave; date: Date } | null): SuccessAssessment {
  if (!latest) return { status: 'too early to tell', expectedChange: 0, change: null };
  const expectedChange = expectedChangeBy(measure, latest.date);
  const change = twoProportionChange(baseline, latest.wave);
  if (change.lower === null || change.upper === null) return { status: 'too early to tell', expectedChange, change };
  // Turn the interval round when a fall is wanted, so "further" is always up.
  const [low, high] = measure.direction === 'increase' ? [change.lower, change.upper] : [-change.upper, -change.lower];
  const status: SuccessStatus = low >= expectedChange ? 'on track' : high < expectedChange ? 'not on track' : 'too early to tell';
  return { status, expectedChange, change };
}
