// Cohen's kappa: agreement between two raters beyond what chance would give.
import { zForConfidence } from './normal';

export type Code = string | number | boolean;

export type KappaResult =
  | {
      defined: true;
      kappa: number;
      observed: number;
      expected: number;
      n: number;
      /** Large-sample standard error, sqrt(po(1 − po) / (n(1 − pe)²)). */
      standardError: number;
      lower: number;
      upper: number;
      categories: Code[];
    }
  | {
      defined: false;
      kappa: null;
      observed: number | null;
      expected: number | null;
      n: number;
      reason: 'no pairs' | 'one category only';
      categories: Code[];
    };

/**
 * Cohen's kappa for paired codes [raterA, raterB] on binary or nominal
 * categories. Undefined (kappa: null) when there are no pairs, or when both
 * raters only ever used one and the same category: chance agreement is then
 * 1 and kappa is 0/0. Reporting 1 or 0 there would be invented.
 */
export function cohensKappa(pairs: ReadonlyArray<readonly [Code, Code]>, confidence = 0.95): KappaResult {
  const n = pairs.length;
  const categories = [...new Set(pairs.flat())];
  if (n === 0) return { defined: false, kappa: null, observed: null, expected: null, n, reason: 'no pairs', categories };
  const a = new Map<Code, number>();
  const b = new Map<Code, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) agree++;
  }
  const observed = agree / n;
  const expected = categories.reduce<number>((sum, c) => sum + ((a.get(c) ?? 0) / n) * ((b.get(c) ?? 0) / n), 0);
  if (expected >= 1 - 1e-12) {
    return { defined: false, kappa: null, observed, expected, n, reason: 'one category only', categories };
  }
  const kappa = (observed - expected) / (1 - expected);
  const standardError = Math.sqrt((observed * (1 - observed)) / (n * (1 - expected) ** 2));
  const z = zForConfidence(confidence);
  return {
    defined: true,
    kappa,
    observed,
    expected,
    n,
    standardError,
    lower: Math.max(-1, kappa - z * standardError),
    upper: Math.min(1, kappa + z * standardError),
    categories
  };
}

/** Expand a square agreement table (rows rater A, columns rater B) into pairs. */
export function pairsFromTable(table: number[][], labels?: Code[]): Array<[Code, Code]> {
  const pairs: Array<[Code, Code]> = [];
  table.forEach((row, i) => {
    if (row.length !== table.length) throw new RangeError('agreement table must be square');
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) pairs.push([labels?.[i] ?? i, labels?.[j] ?? j]);
    });
  });
  return pairs;
}

/** Landis & Koch (1977) descriptive bands, for labels beside the number. */
export function describeKappa(kappa: number): string {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}
