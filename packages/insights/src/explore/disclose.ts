// Disclosure control for one explorer view: which of its counts may be shown.
//
// - The base (respondents in the view) and every figure resting on it are
//   withheld when the base is below the threshold.
// - Each theme's count is a one-way table [with, without] whose total (the
//   base) is shown: a count is withheld when it, or the respondents without
//   the theme, are too few.
// - The cross-tab is, for each theme, a two-way table [with, without] ×
//   groups, its column totals the groups' bases and (for a dimension with
//   one answer per respondent) its row totals the theme's count, so primary
//   and secondary suppression stop a hidden cell being worked out from the
//   margins. Groups below the threshold are hidden whole and modelled as one
//   column, as are respondents with no answer; anything one table hides is
//   hidden everywhere it appears, which can only make recovery harder.
// - A co-occurrence count is withheld when it, or the respondents with one
//   theme but not the other, are too few.
// - Differencing (the rule in neighbour-rule.ts): when some other view the
//   filters can make holds the same people plus or minus 1 to threshold − 1,
//   comparing the two would describe those few, so every figure is withheld;
//   a cross-tab group whose own view fails the rule is hidden whole, and
//   others as needed so it cannot be worked out from the margins.
import { type Figure, type SuppressionReason, suppress } from '../suppress';
import { wilson } from '../wilson';
import type { Neighbour } from './neighbour-rule';
import type { DifferencingVerdicts } from './verdicts';

export type ExploreSuppression = 'primary' | 'secondary' | 'differencing' | null;
export type ExploreReason = SuppressionReason;

export interface DisclosedFigure {
  count: number | null;
  /** 0–100 with a 95% Wilson interval; null when withheld. */
  percent: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: ExploreSuppression;
  reason: ExploreReason | null;
}

export interface GroupTally {
  base: number;
  /** Respondents in the group with each theme, in theme order. */
  counts: readonly number[];
}

export interface ExplorerCounts {
  threshold: number;
  /** Respondents in the view with a coded answer. */
  base: number;
  /** Respondents with each theme. */
  counts: readonly number[];
  crossTab?: {
    /** True when each respondent is in at most one group (plus `missing`). */
    partition: boolean;
    groups: readonly GroupTally[];
    /** Respondents with no answer for the dimension (partitions only). */
    missing: GroupTally | null;
  } | null;
  /** Respondents with both themes, theme × theme (diagonal unused). */
  pairs: readonly (readonly number[])[];
  /** Which of the sets of respondents counted the differencing rule finds unsafe to show (see differencingVerdicts). */
  differencing: DifferencingVerdicts;
  /**
   * Bases that are 0 whatever the data, because of what the filters (or a
   * group) choose (see baseNoneByDefinition): said as such, not as "fewer
   * than the threshold". Only ever explains a base of 0; shows nothing more.
   */
  noneByDefinition?: { base?: boolean; groups?: readonly boolean[] } | null;
}

export interface DisclosedExplorer {
  base: DisclosedFigure;
  prevalence: DisclosedFigure[];
  /** bases[g] per group; cells[t][g] per theme and group. */
  crossTab: { bases: DisclosedFigure[]; cells: DisclosedFigure[][] } | null;
  pairs: (number | null)[][];
  /** Changes to the filters that would single out a small group; when any, everything is withheld. */
  differencing: Neighbour[];
}

const withheldFigure = (suppressed: Exclude<ExploreSuppression, null>, reason: ExploreReason): DisclosedFigure => ({
  count: null,
  percent: null,
  lower: null,
  upper: null,
  suppressed,
  reason
});

const SECONDARY: SuppressionReason = 'hidden so another hidden figure cannot be worked out from totals';

function shown(count: number, of: number | null, threshold: number): DisclosedFigure {
  const interval = of !== null && of >= threshold ? wilson(count, of) : null;
  return {
    count,
    percent: interval ? (interval.p ?? 0) * 100 : null,
    lower: interval ? (interval.lower ?? 0) * 100 : null,
    upper: interval ? (interval.upper ?? 0) * 100 : null,
    suppressed: null,
    reason: null
  };
}

/**
 * A count from a [with, without] model: `rest` is the same group's "without"
 * cell. When that is withheld for being small and this one only to protect
 * it, the real reason is that too few people are left over (a share near
 * 100% would tell about them), so that is the reason given.
 */
const fromFigure = (figure: Figure, rest?: Figure): DisclosedFigure =>
  figure.reason === 'difference below threshold'
    ? withheldFigure('differencing', 'difference below threshold')
    : figure.suppressed === 'secondary' && rest?.suppressed === 'primary' && rest.reason === 'count below threshold'
      ? withheldFigure('primary', 'rest below threshold')
      : { count: figure.count, percent: figure.percent, lower: figure.lower, upper: figure.upper, suppressed: figure.suppressed, reason: figure.reason };

function everythingWithheld(input: ExplorerCounts, suppressed: 'primary' | 'differencing', reason: ExploreReason, differencing: Neighbour[]): DisclosedExplorer {
  const T = input.counts.length;
  const crossTab = input.crossTab
    ? { bases: input.crossTab.groups.map(() => withheldFigure(suppressed, reason)), cells: input.counts.map(() => input.crossTab?.groups.map(() => withheldFigure(suppressed, reason)) ?? []) }
    : null;
  return {
    base: withheldFigure(suppressed, reason),
    prevalence: input.counts.map(() => withheldFigure(suppressed, reason)),
    crossTab,
    pairs: Array.from({ length: T }, () => new Array<number | null>(T).fill(null)),
    differencing
  };
}

function discloseCrossTab(input: ExplorerCounts, prevalence: DisclosedFigure[]): NonNullable<DisclosedExplorer['crossTab']> {
  const { threshold, base } = input;
  const table = input.crossTab as NonNullable<ExplorerCounts['crossTab']>;
  const T = input.counts.length;
  // Model columns: groups at or above the threshold, then the small groups together, then no answer,
  // then each group the differencing rule withholds, hidden whatever its counts.
  const verdicts = input.differencing;
  const unsafe = (i: number) => verdicts.groups?.[i] === true;
  // A cell the rule withholds: its theme's whole row when the theme's count is withheld by it.
  const unsafeCell = (t: number, i: number) => verdicts.themes?.[t] === true || verdicts.cells?.[t]?.[i] === true;
  const big = table.groups.map((g, i) => (g.base >= threshold && !unsafe(i) ? i : -1)).filter((i) => i >= 0);
  const small = table.groups.filter((g) => g.base < threshold);
  const withheld = table.groups.filter((g, i) => g.base >= threshold && unsafe(i));
  const columns: GroupTally[] = big.map((i) => table.groups[i] as GroupTally);
  const together = (tallies: readonly GroupTally[]): GroupTally => ({
    base: tallies.reduce((s, g) => s + g.base, 0),
    counts: input.counts.map((_, t) => tallies.reduce((s, g) => s + (g.counts[t] ?? 0), 0))
  });
  if (small.length > 0 && together(small).base > 0) columns.push(together(small));
  if (table.partition && table.missing && table.missing.base > 0) columns.push(table.missing);
  const withheldColumns = withheld.map((_, i) => columns.length + i);
  columns.push(...withheld);

  const baseModel = suppress(
    columns.map((c) => c.base),
    { threshold, withheldColumns }
  );
  const groupHidden = big.map((_, j) => (baseModel.cells[j] as Figure).count === null);
  const cellFigures: DisclosedFigure[][] = [];
  for (let t = 0; t < T; t++) {
    const withheldCells = big.flatMap((i, j) => (unsafeCell(t, i) ? [[0, j] as const] : []));
    const model = suppress([columns.map((c) => c.counts[t] ?? 0), columns.map((c) => c.base - (c.counts[t] ?? 0))], { threshold, percentOf: 'column', withheldColumns, withheldCells });
    cellFigures.push(big.map((_, j) => fromFigure((model.cells[0] as Figure[])[j] as Figure, (model.cells[1] as Figure[])[j] as Figure)));
    big.forEach((_, j) => {
      if ((model.columnTotals[j] as Figure).count === null) groupHidden[j] = true;
    });
    // With one answer each, the row total is the theme's count: hidden here, hidden there too.
    const prevalent = prevalence[t] as DisclosedFigure;
    if (table.partition && (model.rowTotals[0] as Figure).count === null && prevalent.count !== null) prevalence[t] = withheldFigure('secondary', SECONDARY);
  }

  // Groups hidden whole: too small (none at all by definition, so said), or their own view fails the differencing rule.
  const emptyByDefinition = (g: GroupTally, i: number) => g.base === 0 && input.noneByDefinition?.groups?.[i] === true;
  const hiddenWhole = (g: GroupTally, i: number, isBase: boolean): DisclosedFigure =>
    g.base >= threshold && unsafe(i)
      ? withheldFigure('differencing', 'difference below threshold')
      : emptyByDefinition(g, i)
        ? withheldFigure('primary', 'none by definition')
        : withheldFigure('primary', isBase && g.base === 0 ? 'count below threshold' : 'base below threshold');
  const bases = table.groups.map((g, i) => hiddenWhole(g, i, true));
  const cells = input.counts.map(() => table.groups.map((g, i) => hiddenWhole(g, i, false)));
  big.forEach((i, j) => {
    const group = table.groups[i] as GroupTally;
    const model = baseModel.cells[j] as Figure;
    bases[i] = groupHidden[j] ? (model.count === null ? fromFigure(model) : withheldFigure('secondary', SECONDARY)) : shown(group.base, base, threshold);
    for (let t = 0; t < T; t++) {
      const figure = { ...((cellFigures[t] as DisclosedFigure[])[j] as DisclosedFigure) };
      // A percentage with its count gives the group's base away.
      if (groupHidden[j] && figure.count !== null) Object.assign(figure, { percent: null, lower: null, upper: null });
      (cells[t] as DisclosedFigure[])[i] = figure;
    }
  });
  return { bases, cells };
}

/** Whether a pair's count can be shown as far as small numbers go: "15 of the 20 with A also have B" tells about the 5 without B, too. */
export function pairShowable(both: number, a: number, b: number, threshold: number): boolean {
  return both >= threshold && a - both >= threshold && b - both >= threshold;
}

function disclosePairs(input: ExplorerCounts, prevalence: DisclosedFigure[]): (number | null)[][] {
  const { threshold, counts, pairs } = input;
  return counts.map((a, i) =>
    counts.map((b, j) => {
      if (i === j) return (prevalence[i] as DisclosedFigure).count;
      const both = pairs[i]?.[j] ?? 0;
      return pairShowable(both, a, b, threshold) && input.differencing.pairs?.[i]?.[j] !== true ? both : null;
    })
  );
}

/** Every figure of an explorer view with disclosure control applied. */
export function discloseExplorer(input: ExplorerCounts): DisclosedExplorer {
  const { threshold, base } = input;
  if (!(threshold >= 1)) throw new RangeError('threshold must be at least 1');
  const differencing = [...input.differencing.view];
  if (base === 0 && input.noneByDefinition?.base === true) return everythingWithheld(input, 'primary', 'none by definition', []);
  if (differencing.length > 0) return everythingWithheld(input, 'differencing', 'difference below threshold', differencing);
  if (base < threshold) return everythingWithheld(input, 'primary', 'base below threshold', []);

  const prevalence = input.counts.map((count, t) => {
    const model = suppress([count, base - count], { threshold });
    const figure = fromFigure(model.cells[0] as Figure, model.cells[1] as Figure);
    return figure.count !== null && input.differencing.themes?.[t] === true ? withheldFigure('differencing', 'difference below threshold') : figure;
  });
  const crossTab = input.crossTab ? discloseCrossTab(input, prevalence) : null;
  return { base: shown(base, null, threshold), prevalence, crossTab, pairs: disclosePairs(input, prevalence), differencing: [] };
}
