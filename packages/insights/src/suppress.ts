// Small-number suppression for one-way and two-way tables of counts.
import { secondarySuppression } from './protect';
import { wilson } from './wilson';

/** The fewest people a figure shown to staff may rest on (the ONS "10 threshold"); organisations may set more. */
export const SUPPRESSION_THRESHOLD = 10;

export interface SuppressOptions {
  /** Counts and bases below this are not shown (ONS "10 threshold"). */
  threshold?: number;
  /** Show zero counts (default false: "none of the 6 pupils at X…" is a disclosure too). */
  showZeros?: boolean;
  /** Base for cell percentages in two-way tables (default row). */
  percentOf?: 'row' | 'column' | 'total';
  confidence?: number;
  /**
   * Columns withheld whatever their counts (the differencing rule found their
   * group unsafe to show): every cell and the column's total are hidden, and
   * others as needed so they cannot be worked out. For a one-way table, cells.
   */
  withheldColumns?: readonly number[];
  /** Cells (row, column) withheld whatever their counts, likewise. */
  withheldCells?: readonly (readonly [number, number])[];
}

/**
 * Why a figure is withheld (withheld.ts puts each in words):
 * - too few people: the figure itself, its group (base), or the rest of its
 *   group (those not counted: a share near 100% tells about them) is below the threshold;
 * - to protect another withheld figure from being worked out from totals;
 * - differencing: another view the filters can make differs by a few people;
 * - none by definition: the filters leave no one in the base, whatever the data
 *   (e.g. filtering on an answer a measure leaves out of its base).
 */
export type SuppressionReason =
  | 'count below threshold'
  | 'base below threshold'
  | 'rest below threshold'
  | 'difference below threshold'
  | 'hidden so another hidden figure cannot be worked out from totals'
  | 'none by definition';

export interface Figure {
  /** The count, or null when suppressed. */
  count: number | null;
  suppressed: 'primary' | 'secondary' | null;
  reason: SuppressionReason | null;
  /** Percentage (0–100) of its base with a Wilson interval; null unless count and base are both shown and the base meets the threshold. */
  percent: number | null;
  lower: number | null;
  upper: number | null;
  base: number | null;
}

export interface OneWayResult {
  cells: Figure[];
  total: Figure;
  threshold: number;
}

export interface TwoWayResult {
  cells: Figure[][];
  rowTotals: Figure[];
  columnTotals: Figure[];
  total: Figure;
  threshold: number;
}

function checkCounts(counts: number[]): void {
  for (const c of counts) if (!Number.isInteger(c) || c < 0) throw new RangeError(`counts must be whole numbers ≥ 0, got ${c}`);
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

export function suppress(table: number[], options?: SuppressOptions): OneWayResult;
export function suppress(table: number[][], options?: SuppressOptions): TwoWayResult;
export function suppress(table: number[] | number[][], options: SuppressOptions = {}): OneWayResult | TwoWayResult {
  if (table.length > 0 && Array.isArray(table[0])) return suppressTwoWay(table as number[][], options);
  const result = suppressTwoWay([table as number[]], options, true);
  return { cells: result.cells[0] ?? [], total: result.total, threshold: result.threshold };
}

function suppressTwoWay(table: number[][], options: SuppressOptions, oneWay = false): TwoWayResult {
  const { threshold = SUPPRESSION_THRESHOLD, showZeros = false, percentOf = 'row', confidence = 0.95 } = options;
  if (!(threshold >= 1)) throw new RangeError('threshold must be at least 1');
  const R = table.length;
  const C = table[0]?.length ?? 0;
  if (table.some((row) => row.length !== C)) throw new RangeError('every row needs the same number of columns');
  table.forEach(checkCounts);

  // Entries: cells r*C+c, then row totals, column totals, grand total.
  const rowTotalAt = (r: number) => R * C + r;
  const colTotalAt = (c: number) => R * C + R + c;
  const grandAt = R * C + R + C;
  const rowTotals = table.map(sum);
  const colTotals = Array.from({ length: C }, (_, c) => sum(table.map((row) => row[c] as number)));
  const values = [...table.flat(), ...rowTotals, ...colTotals, sum(rowTotals)];
  const rank = values.map((_, e) => (e < R * C ? 0 : e === grandAt ? 2 : 1));

  const lines: number[][] = [];
  for (let r = 0; r < R; r++) lines.push([...Array.from({ length: C }, (_, c) => r * C + c), oneWay ? grandAt : rowTotalAt(r)]);
  if (!oneWay) {
    for (let c = 0; c < C; c++) lines.push([...Array.from({ length: R }, (_, r) => r * C + c), colTotalAt(c)]);
    lines.push([...Array.from({ length: R }, (_, r) => rowTotalAt(r)), grandAt]);
    lines.push([...Array.from({ length: C }, (_, c) => colTotalAt(c)), grandAt]);
  }

  const reasons = new Map<number, SuppressionReason>();
  const small = (v: number) => v < threshold && (v > 0 || !showZeros);
  values.forEach((v, e) => {
    if (oneWay && e >= R * C && e !== grandAt) return;
    if (small(v)) reasons.set(e, 'count below threshold');
  });
  // A group smaller than the threshold: none of its cells are shown, zeros included.
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const groupSmall = (rowTotals[r] as number) < threshold || (!oneWay && (colTotals[c] as number) < threshold);
      if (groupSmall && !reasons.has(r * C + c)) reasons.set(r * C + c, 'base below threshold');
    }
  }
  // Withheld for differencing, unless already withheld as too small.
  const withhold = (e: number) => {
    if (!reasons.has(e)) reasons.set(e, 'difference below threshold');
  };
  for (const c of options.withheldColumns ?? []) {
    for (let r = 0; r < R; r++) withhold(r * C + c);
    if (!oneWay) withhold(colTotalAt(c));
  }
  for (const [r, c] of options.withheldCells ?? []) withhold(r * C + c);
  const secondary = secondarySuppression({ values, lines, primary: new Set(reasons.keys()), rank, threshold });
  const hidden = (e: number) => reasons.has(e) || secondary.has(e);

  const figure = (e: number, baseEntry: number | null): Figure => {
    const count = values[e] as number;
    const base = baseEntry === null ? null : (values[baseEntry] as number);
    const shown = !hidden(e);
    const canPercent = shown && base !== null && baseEntry !== null && !hidden(baseEntry) && base >= threshold;
    const interval = canPercent ? wilson(count, base, confidence) : null;
    return {
      count: shown ? count : null,
      suppressed: reasons.has(e) ? 'primary' : secondary.has(e) ? 'secondary' : null,
      reason: reasons.get(e) ?? (secondary.has(e) ? 'hidden so another hidden figure cannot be worked out from totals' : null),
      percent: interval ? (interval.p ?? 0) * 100 : null,
      lower: interval ? (interval.lower ?? 0) * 100 : null,
      upper: interval ? (interval.upper ?? 0) * 100 : null,
      base: canPercent ? base : null
    };
  };
  const cellBase = (r: number, c: number): number => (oneWay || percentOf === 'total' ? grandAt : percentOf === 'column' ? colTotalAt(c) : rowTotalAt(r));
  return {
    cells: table.map((row, r) => row.map((_, c) => figure(r * C + c, cellBase(r, c)))),
    rowTotals: oneWay ? [] : rowTotals.map((_, r) => figure(rowTotalAt(r), grandAt)),
    columnTotals: oneWay ? [] : colTotals.map((_, c) => figure(colTotalAt(c), grandAt)),
    total: figure(grandAt, null),
    threshold
  };
}
