// Post-stratification by raking (iterative proportional fitting): weights that
// make the sample's margins match the population's (e.g. age band and sex, or
// pupils per school), adjusting one variable at a time until every margin
// fits. Extreme weights are trimmed to bounds and the margins refitted, so a
// handful of respondents cannot carry a figure. Weights are scaled to average
// 1, so weighted counts stay on the scale of the sample.
//
// Every weighted figure costs precision; Kish's effective sample size
// (Σw)² / Σw² says how much, and n / that is the weighting design effect.

export interface RakingCell {
  /** The cell's category in each variable, e.g. { age: '11-13', sex: 'girl' }. */
  categories: Record<string, string>;
  /** Respondents in the cell. */
  count: number;
}

/** Population shares per variable: { age: { '11-13': 0.36, … }, sex: { girl: 0.49, boy: 0.51 } }. */
export type Margins = Record<string, Record<string, number>>;

export interface RakingOptions {
  maxIterations?: number;
  /** Largest allowed gap between a weighted and a target share. */
  tolerance?: number;
  /** Bounds on a weight, relative to the mean weight of 1. */
  trim?: { lower: number; upper: number };
}

export interface Raking {
  /** One weight per cell, in the order given; every respondent in a cell has it. */
  weights: number[];
  converged: boolean;
  iterations: number;
  /** Largest gap between a weighted share and its target at the end. */
  largestGap: number;
  /** Cells whose weight is at a trimming bound. */
  trimmed: number;
  n: number;
  kishEffectiveN: number;
  /** n / Kish's effective n. */
  designEffect: number;
}

export class RakingError extends Error {}

const DEFAULTS = { maxIterations: 100, tolerance: 1e-6, trim: { lower: 0.3, upper: 3 } };

function checkMargins(cells: RakingCell[], margins: Margins): void {
  for (const [variable, shares] of Object.entries(margins)) {
    const total = Object.values(shares).reduce((s, v) => s + v, 0);
    if (Object.values(shares).some((v) => !(v >= 0)) || Math.abs(total - 1) > 1e-3) throw new RakingError(`the shares of ${variable} must be 0 or more and add up to 100%`);
    for (const cell of cells) {
      const category = cell.categories[variable];
      if (category === undefined || !(category in shares)) throw new RakingError(`a group has no population share for ${variable} “${category ?? ''}”`);
    }
    for (const [category, share] of Object.entries(shares)) {
      const present = cells.some((c) => c.categories[variable] === category && c.count > 0);
      if (share > 0 && !present) throw new RakingError(`no respondents in ${variable} “${category}” to stand for its ${Math.round(share * 100)}% of the population`);
    }
  }
}

/** Weighted share of each category of a variable. */
function sharesOf(cells: RakingCell[], weights: number[], variable: string): Map<string, number> {
  const totals = new Map<string, number>();
  let all = 0;
  cells.forEach((cell, i) => {
    const w = cell.count * (weights[i] ?? 0);
    const key = cell.categories[variable] ?? '';
    totals.set(key, (totals.get(key) ?? 0) + w);
    all += w;
  });
  for (const [key, value] of totals) totals.set(key, all === 0 ? 0 : value / all);
  return totals;
}

function largestGapOf(cells: RakingCell[], weights: number[], margins: Margins): number {
  let gap = 0;
  for (const [variable, shares] of Object.entries(margins)) {
    const got = sharesOf(cells, weights, variable);
    for (const [category, share] of Object.entries(shares)) gap = Math.max(gap, Math.abs((got.get(category) ?? 0) - share));
  }
  return gap;
}

/** Scale weights so the mean weight per respondent is 1. */
function normalise(cells: RakingCell[], weights: number[]): number[] {
  const n = cells.reduce((s, c) => s + c.count, 0);
  const total = cells.reduce((s, c, i) => s + c.count * (weights[i] ?? 0), 0);
  return total === 0 ? weights : weights.map((w) => (w * n) / total);
}

/**
 * Clamp weights to the bounds, keeping their mean at 1: rescaling after a clamp
 * can push others past a bound, so clamp and rescale until both hold, and
 * finish on a clamp so no weight is ever outside the bounds.
 */
function trimmed(cells: RakingCell[], weights: number[], trim: { lower: number; upper: number }): number[] {
  const clamp = (w: number) => Math.min(trim.upper, Math.max(trim.lower, w));
  let result = weights;
  for (let round = 0; round < 50 && result.some((w) => w > trim.upper + 1e-12 || w < trim.lower - 1e-12); round++) {
    result = normalise(cells, result.map(clamp));
  }
  return result.map(clamp);
}

export function rake(cells: RakingCell[], margins: Margins, options: RakingOptions = {}): Raking {
  const { maxIterations, tolerance, trim } = { ...DEFAULTS, ...options };
  checkMargins(cells, margins);
  const n = cells.reduce((s, c) => s + c.count, 0);
  let weights = cells.map(() => 1);
  let iterations = 0;
  let largestGap = largestGapOf(cells, weights, margins);
  while (iterations < maxIterations && largestGap > tolerance) {
    iterations += 1;
    for (const [variable, shares] of Object.entries(margins)) {
      const got = sharesOf(cells, weights, variable);
      weights = weights.map((w, i) => {
        const category = cells[i]?.categories[variable] ?? '';
        const share = got.get(category) ?? 0;
        return share === 0 ? w : (w * (shares[category] ?? 0)) / share;
      });
    }
    weights = trimmed(cells, normalise(cells, weights), trim);
    largestGap = largestGapOf(cells, weights, margins);
  }
  const sum = cells.reduce((s, c, i) => s + c.count * (weights[i] ?? 0), 0);
  const sumOfSquares = cells.reduce((s, c, i) => s + c.count * (weights[i] ?? 0) ** 2, 0);
  const kishEffectiveN = sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
  const atBound = (w: number) => Math.abs(w - trim.lower) < 1e-9 || Math.abs(w - trim.upper) < 1e-9;
  return {
    weights,
    converged: largestGap <= tolerance,
    iterations,
    largestGap,
    trimmed: weights.filter(atBound).length,
    n,
    kishEffectiveN,
    designEffect: kishEffectiveN === 0 ? 1 : n / kishEffectiveN
  };
}
