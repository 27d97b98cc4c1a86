// The differencing rule (neighbour-rule.ts) over an ExploreIndex: for one
// selection, what every neighbouring view would add or leave out, in any
// population whose figures a view shows (respondents with a coded answer,
// those with a theme, in a measure's base, …). The rows are sorted once into
// runs (runs.ts) by the filter parts they fail, by week, and by the answer a
// narrower choice would drop, for the view and for each group of a `by`
// dimension (whose own view is the selection with that answer only); each
// population is then a popcount per run.
import type { Bitset } from './bitset';
import type { ExploreIndex } from './explore-index';
import { type Neighbour, type NeighbourCounts, unsafeNeighbours } from './neighbour-rule';
import { weekOfDay } from './periods';
import { countRuns, type Runs, runsOf, runsOfClasses } from './runs';
import type { FilterPart, Narrowing, Selection } from './select';

/** The work doubles with every filter part: more than this are refused. */
export const MAX_FILTER_PARTS = 8;

export interface NeighbourCheck {
  /** Changes to the filters that would change the view by 1 to threshold − 1 people: any, and the view is withheld. */
  view: Neighbour[];
  /** With `by`: per value of that dimension, the same for the group's own view. */
  groups: Map<string, Neighbour[]> | null;
}

/**
 * The check for one selection, asked of a population; `groups: false` skips
 * the groups of a cross-tab. `trivial` when the view has no filters and no
 * groups: nothing can then differ from it.
 */
export type NeighbourChecker = ((population: Bitset, options?: { groups?: boolean; also?: Bitset }) => NeighbourCheck) & {
  trivial?: boolean;
  /**
   * To count many populations in one pass over the rows: each row's class
   * (−1 for none) in each of the counts the view's verdict rests on, how
   * many classes each has, and the verdict from counts made with them.
   */
  viewCounts?: { classOf: readonly Int32Array[]; classCounts: readonly number[]; judge: (counts: readonly Float64Array[]) => Neighbour[] };
};

export interface NeighbourOptions {
  threshold: number;
  /** A dimension whose groups are shown as well (a cross-tab). */
  by?: string | null;
}

/** Per row, the bit set of parts it fails. */
function failedParts(index: ExploreIndex, parts: readonly FilterPart[]): Uint16Array {
  const masks = new Uint16Array(index.size);
  const words = (index.size + 31) >>> 5;
  const spare = index.size & 31;
  parts.forEach((part, i) => {
    for (let w = 0; w < words; w++) {
      let failed = ~((part.rows[w] as number | undefined) ?? 0);
      if (w === words - 1 && spare !== 0) failed &= (1 << spare) - 1;
      while (failed !== 0) {
        const low = failed & -failed;
        failed ^= low;
        const row = (w << 5) + 31 - Math.clz32(low);
        masks[row] = (masks[row] as number) | (1 << i);
      }
    }
  });
  return masks;
}

/** Each row's week, kept per index and brought up to date as rows are added (their days never change). */
interface RowWeeks {
  size: number;
  week: Int32Array;
  first: number;
  last: number;
}

const weeksByIndex = new WeakMap<ExploreIndex, RowWeeks>();

function rowWeeks(index: ExploreIndex): RowWeeks {
  let held = weeksByIndex.get(index);
  if (!held || held.week.length < index.size) {
    const week = new Int32Array(Math.max(index.size, 2 * (held?.size ?? 0)));
    if (held) week.set(held.week.subarray(0, held.size));
    held = { size: held?.size ?? 0, week, first: held?.first ?? Infinity, last: held?.last ?? -Infinity };
    weeksByIndex.set(index, held);
  }
  for (let row = held.size; row < index.size; row++) {
    const week = weekOfDay(index.day[row] as number);
    held.week[row] = week;
    if (week < held.first) held.first = week;
    if (week > held.last) held.last = week;
  }
  held.size = index.size;
  return held;
}

type GroupsNarrowing = Extract<Narrowing, { kind: 'groups' }>;
type PeriodNarrowing = Extract<Narrowing, { kind: 'period' }>;

/** Runs of `rows` by their key for a narrowed part, within each of `groups` groups. */
function keyRuns(size: number, rows: Bitset, narrowing: GroupsNarrowing, groups: number, groupsOf: (row: number, out: Int32Array) => number, perRow: number): { runs: Runs; keys: number } {
  const keyAt = new Int32Array(size).fill(-1);
  let keys = 1;
  for (let w = 0; w < rows.length; w++) {
    for (let bits = rows[w] as number; bits !== 0; ) {
      const low = bits & -bits;
      bits ^= low;
      const row = (w << 5) + 31 - Math.clz32(low);
      const key = narrowing.keyOf(row);
      keyAt[row] = key;
      if (key >= keys) keys = key + 1;
    }
  }
  if (perRow === 1) {
    const inGroup = new Int32Array(1);
    const classOf = keyAt.map((key, row) => (key < 0 ? -1 : (groupsOf(row, inGroup) === 0 ? 0 : (inGroup[0] as number)) * keys + key));
    return { runs: runsOfClasses(classOf, groups * keys), keys };
  }
  const inGroups = new Int32Array(perRow);
  const runs = runsOf(
    size,
    rows,
    groups * keys,
    (row, out) => {
      const n = groupsOf(row, inGroups);
      for (let i = 0; i < n; i++) out[i] = (inGroups[i] as number) * keys + (keyAt[row] as number);
      return n;
    },
    perRow
  );
  return { runs, keys };
}

/** Rows whose mask, less `ignore`, is 0: they pass every part but those. */
function passing(size: number, masks: Uint16Array, ignore: number): Bitset {
  const rows = new Uint32Array((size + 31) >>> 5);
  for (let row = 0; row < size; row++) if (((masks[row] as number) & ~ignore) === 0) rows[row >>> 5] = (rows[row >>> 5] as number) | (1 << (row & 31));
  return rows;
}

/**
 * Prepare the check for one selection; then call the result with each
 * population (its rows as a bitset) to find what would make its view, and
 * each group's view, unsafe to show.
 */
export function neighbourCheck(index: ExploreIndex, selection: Selection, { threshold, by = null }: NeighbourOptions): NeighbourChecker {
  const column = by === null ? null : (index.dimensions.get(by) ?? null);
  // A filter on the `by` dimension goes last: a group's view has that answer instead.
  const parts = [...selection.parts.filter((p) => p.dimension !== by), ...selection.parts.filter((p) => p.dimension === by)];
  if (parts.length > MAX_FILTER_PARTS) throw new RangeError(`At most ${MAX_FILTER_PARTS} filter parts can be checked, not ${parts.length}`);
  if (parts.length === 0 && !column) return Object.assign((): NeighbourCheck => ({ view: [], groups: null }), { trivial: true });
  const size = index.size;
  const k = parts.length;
  const views = 1 << k;
  const byBit = column && parts[k - 1]?.dimension === by ? 1 << (k - 1) : 0;
  const groupParts = byBit === 0 ? parts : parts.slice(0, -1);
  const groupViews = 1 << groupParts.length;
  const masks = failedParts(index, parts);
  const datePart = parts.findIndex((p) => p.narrowing?.kind === 'period');
  const dateBit = datePart >= 0 ? 1 << datePart : 0;
  const periodPart = datePart >= 0 ? (parts[datePart]?.narrowing as PeriodNarrowing) : null;
  const period = periodPart ? { fromWeek: periodPart.fromWeek, toWeek: periodPart.toWeek } : null;
  const held = rowWeeks(index);
  const firstWeek = size === 0 ? 0 : held.first;
  const weeks = size === 0 ? 0 : held.last - held.first + 1;
  const rowWeek = held.week;
  const weekOf = (row: number) => (rowWeek[row] as number) - firstWeek;
  const narrowed = parts.flatMap((p, i) => (p.narrowing?.kind === 'groups' ? [{ dimension: p.dimension, narrowing: p.narrowing, inGroups: i < groupParts.length }] : []));

  // The view: rows by week and the parts they fail; by key, in view.
  const one = (_row: number, out: Int32Array) => {
    out[0] = 0;
    return 1;
  };
  const viewClasses = new Int32Array(size);
  for (let row = 0; row < size; row++) viewClasses[row] = ((rowWeek[row] as number) - firstWeek) * views + (masks[row] as number);
  const viewRuns = runsOfClasses(viewClasses, weeks * views);
  const inView = narrowed.length > 0 ? passing(size, masks, 0) : null;
  const viewKeyRuns = narrowed.map((p) => keyRuns(size, inView as Bitset, p.narrowing, 1, one, 1));

  // The groups: the same within each group (index 0 is no answer), with the `by` part left out.
  const groups = column ? column.values.length + 1 : 0;
  const perRow = column?.kind === 'multi' ? groups : 1;
  const groupsOf = (row: number, out: Int32Array): number => {
    if (!column) return 0;
    if (column.kind === 'single') {
      out[0] = column.codes[row] as number;
      return 1;
    }
    let n = 0;
    for (let w = 0; w < column.words; w++) {
      for (let set = column.masks[row * column.words + w] as number; set !== 0; ) {
        const bit = set & -set;
        set ^= bit;
        out[n++] = (w << 5) + 32 - Math.clz32(bit);
      }
    }
    if (n === 0) out[n++] = 0;
    return n;
  };
  const inGroups = new Int32Array(Math.max(1, perRow));
  const groupClass = (row: number, group: number) => (group * weeks + weekOf(row)) * groupViews + ((masks[row] as number) & ~byBit);
  let groupRuns: Runs | null = null;
  if (column?.kind === 'single') {
    const codes = column.codes;
    const classes = new Int32Array(size);
    for (let row = 0; row < size; row++) classes[row] = ((codes[row] as number) * weeks + (rowWeek[row] as number) - firstWeek) * groupViews + ((masks[row] as number) & ~byBit);
    groupRuns = runsOfClasses(classes, groups * weeks * groupViews);
  } else if (column) {
    groupRuns = runsOf(
      size,
      null,
      groups * weeks * groupViews,
      (row, out) => {
        const n = groupsOf(row, inGroups);
        for (let i = 0; i < n; i++) out[i] = groupClass(row, inGroups[i] as number);
        return n;
      },
      perRow
    );
  }
  const inGroupViews = column && narrowed.some((p) => p.inGroups) ? passing(size, masks, byBit) : null;
  const groupKeyRuns = narrowed.map((p) => (column && p.inGroups ? keyRuns(size, inGroupViews as Bitset, p.narrowing, groups, groupsOf, perRow) : null));

  const dimensions = parts.map((p) => p.dimension);
  const groupDimensions = [...groupParts.map((p) => p.dimension), by ?? ''];

  const judge = ([byWeek, ...viewKeys]: readonly Float64Array[]) =>
    unsafeNeighbours(
      { dimensions, dateBit, byWeek: byWeek as Float64Array, firstWeek, weeks, groups: narrowed.map((p, j) => ({ dimension: p.dimension, counts: viewKeys[j] as Float64Array })), period },
      threshold
    );
  const viewCounts = {
    classOf: [viewRuns, ...viewKeyRuns.map((k) => k.runs)].map((runs) => runs.classOf as Int32Array),
    classCounts: [viewRuns, ...viewKeyRuns.map((k) => k.runs)].map((runs) => runs.classCount),
    judge
  };

  // `also`: the population is those of `population` in it too, counted without making their set.
  const checker = (population: Bitset, { groups: withGroups = true, also = undefined }: { groups?: boolean; also?: Bitset } = {}): NeighbourCheck => {
    const count = (runs: Runs) => countRuns(runs, population, also ?? null);
    const byWeek = count(viewRuns);
    const view = judge([byWeek, ...viewKeyRuns.map(({ runs }) => count(runs))]);
    if (!column || !groupRuns || !withGroups) return { view, groups: null };

    const groupCounts = count(groupRuns);
    const groupKeys = groupKeyRuns.map((k) => (k ? { counts: count(k.runs), keys: k.keys } : null));
    const result = new Map<string, Neighbour[]>();
    column.values.forEach((value, i) => {
      const group = i + 1;
      // The group's answer is one more part, the last: failing it is passing the rest but for the answer.
      const byGroupWeek = new Float64Array(weeks * 2 * groupViews);
      for (let w = 0; w < weeks; w++) {
        for (let m = 0; m < views; m++) {
          const g = m & ~byBit;
          const everyone = byWeek[w * views + m] as number;
          byGroupWeek[w * 2 * groupViews + groupViews + g] = (byGroupWeek[w * 2 * groupViews + groupViews + g] as number) + everyone;
        }
        for (let g = 0; g < groupViews; g++) {
          const inGroup = groupCounts[(group * weeks + w) * groupViews + g] as number;
          byGroupWeek[w * 2 * groupViews + g] = inGroup;
          byGroupWeek[w * 2 * groupViews + groupViews + g] = (byGroupWeek[w * 2 * groupViews + groupViews + g] as number) - inGroup;
        }
      }
      const counts: NeighbourCounts = {
        dimensions: groupDimensions,
        dateBit,
        byWeek: byGroupWeek,
        firstWeek,
        weeks,
        groups: narrowed.flatMap((p, j) => {
          const keyed = groupKeys[j];
          return keyed ? [{ dimension: p.dimension, counts: keyed.counts.subarray(group * keyed.keys, (group + 1) * keyed.keys) }] : [];
        }),
        period
      };
      result.set(value, unsafeNeighbours(counts, threshold));
    });
    return { view, groups: result };
  };
  return Object.assign(checker, { viewCounts });
}
