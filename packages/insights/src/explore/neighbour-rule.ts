// The differencing rule, one rule for every set of respondents the explorer
// shows (a view, a group of a cross-tab, those in view with a theme, …),
// within the population its count is of: no other view the filters can make
// may hold the same people plus or minus 1 to threshold − 1 of them.
// Comparing the two would describe those few.
//
// Every view that holds a view's people plus a few more is a view without
// some of its filters, or with a wider choice in some; every view that holds
// them minus a few adds filters or narrows one. So the set is shown only if:
// - without: for every subset of its filter parts, the people who pass every
//   other part but fail one of these number 0 or at least the threshold
//   (what dropping those filters would add);
// - narrower: for each part with several answers (or versions) chosen, the
//   people in view with each of them (the group that choosing fewer leaves
//   out alone) number 0 or at least the threshold;
// - period: the first and last week in the period holding anyone in view
//   (what moving a limit inwards leaves out first), and the nearest weeks
//   outside it that would add anyone (what moving a limit outwards adds
//   first), each hold 0 or at least the threshold.
// A view that narrows another is caught by one of the two: if a narrower
// choice of one of the wider view's own parts leaves anyone out, its
// "narrower" or "period" check counts a group inside the difference; if not,
// the difference is what the narrower view's extra filters leave out, which
// its "without" check counts.
//
// Weeks that hold nobody in view can be put in or left out of a period, or a
// view with no dates given a period, without changing who is in view; but
// they change what dropping another filter adds. "Without" is therefore
// counted week by week: what it adds over the weeks from the first to the
// last holding anyone in view must be 0 or at least the threshold, and when
// it is 0, so must the nearest week beyond either end (before a week that
// would change the view) that would add anyone. Then no choice of period for
// the same people makes a neighbour a few apart. The period check also keeps
// small weeks inside every view that shows them, so no two shown periods can
// be added and subtracted to isolate them.

export type NeighbourChange = 'without' | 'narrower' | 'period';

/** A change to the filters that would change the view by 1 to threshold − 1 people. */
export interface Neighbour {
  change: NeighbourChange;
  /** The filter parts changed: `version`, `date`, `question`, or dimension keys. */
  dimensions: string[];
}

export interface NeighbourCounts {
  /** The filter parts, in mask bit order. */
  dimensions: readonly string[];
  /** The date part's bit, 0 when there is none. */
  dateBit: number;
  /**
   * People by week and by the parts they fail: byWeek[w * 2^k + m] are in
   * week firstWeek + w and fail exactly the parts in bit set m (m = 0: in view).
   */
  byWeek: ArrayLike<number>;
  firstWeek: number;
  weeks: number;
  /** For each part a narrower choice could shrink: people in view per group that can be left out alone. */
  groups: readonly { dimension: string; counts: Iterable<number> }[];
  /** The period's limits as weeks (null is open), when there is a date part. */
  period: { fromWeek: number | null; toWeek: number | null } | null;
}

const few = (n: number, threshold: number) => n > 0 && n < threshold;

/** Sums over subsets, in place: sums[m] becomes the total over every subset of m. */
function sumSubsets(sums: Float64Array, k: number): Float64Array {
  for (let i = 0; i < k; i++) {
    const bit = 1 << i;
    for (let m = 0; m < sums.length; m++) if ((m & bit) !== 0) sums[m] = (sums[m] as number) + (sums[m ^ bit] as number);
  }
  return sums;
}

/** Week w's counts by mask, summed over subsets. */
function weekSums(counts: NeighbourCounts, week: number): Float64Array {
  const size = 1 << counts.dimensions.length;
  return sumSubsets(
    Float64Array.from({ length: size }, (_, m) => counts.byWeek[week * size + m] ?? 0),
    counts.dimensions.length
  );
}

/** The sets of parts whose dropping adds 1 to threshold − 1 people (see the notes above), as a flag per set. */
function failingWithout(counts: NeighbourCounts, threshold: number): Uint8Array {
  const { dimensions, dateBit, weeks } = counts;
  const k = dimensions.length;
  const size = 1 << k;
  const failing = new Uint8Array(size);
  const at = (w: number, m: number) => counts.byWeek[w * size + m] ?? 0;

  // Dropping the date, with or without other parts: the same whatever the period.
  const all = new Float64Array(size);
  for (let w = 0; w < weeks; w++) for (let m = 0; m < size; m++) all[m] = (all[m] as number) + at(w, m);
  sumSubsets(all, k);
  const view = all[0] as number;
  for (let m = 1; m < size; m++) if ((m & dateBit) !== 0 && few((all[m] as number) - view, threshold)) failing[m] = 1;

  // The rest week by week: within the weeks holding anyone in view, then beyond them.
  const inView = (w: number) => at(w, 0) > 0;
  // A week that would change the view if the period took it in.
  const changesView = (w: number) => inView(w) || (dateBit !== 0 && at(w, dateBit) > 0);
  let first = 0;
  while (first < weeks && !inView(first)) first++;
  if (first === weeks) return failing;
  let last = weeks - 1;
  while (!inView(last)) last--;
  const adds = (sums: Float64Array, m: number) => (sums[m | dateBit] as number) - (sums[dateBit] as number);
  const inside = new Float64Array(size);
  for (let w = first; w <= last; w++) for (let m = 0; m < size; m++) inside[m] = (inside[m] as number) + at(w, m);
  sumSubsets(inside, k);
  const open: number[] = [];
  for (let m = 1; m < size; m++) {
    if ((m & dateBit) !== 0) continue;
    const added = adds(inside, m);
    if (few(added, threshold)) failing[m] = 1;
    else if (added === 0) open.push(m);
  }
  for (const step of [-1, 1]) {
    let waiting = open;
    for (let w = step < 0 ? first - 1 : last + 1; waiting.length > 0 && w >= 0 && w < weeks && !changesView(w); w += step) {
      const sums = weekSums(counts, w);
      waiting = waiting.filter((m) => {
        const added = adds(sums, m);
        if (few(added, threshold)) failing[m] = 1;
        return added === 0;
      });
    }
  }
  return failing;
}

/** Smallest sets of parts whose dropping adds 1 to threshold − 1 people. */
function withoutNeighbours(counts: NeighbourCounts, threshold: number): Neighbour[] {
  const { dimensions } = counts;
  const k = dimensions.length;
  const failing = failingWithout(counts, threshold);
  const failingBelow = new Uint8Array(failing.length);
  const found: Neighbour[] = [];
  for (let m = 1; m < failing.length; m++) {
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      if ((m & bit) !== 0 && (failing[m ^ bit] === 1 || failingBelow[m ^ bit] === 1)) failingBelow[m] = 1;
    }
    if (failing[m] === 1 && failingBelow[m] === 0) found.push({ change: 'without', dimensions: dimensions.filter((_, i) => (m & (1 << i)) !== 0) });
  }
  return found;
}

/** Whether moving a limit of the period by whole weeks, either way, first changes it by 1 to threshold − 1 people. */
function periodIsUnsafe(counts: NeighbourCounts, threshold: number): boolean {
  const { period, dateBit, weeks, firstWeek } = counts;
  if (!period) return false;
  const size = 1 << counts.dimensions.length;
  // People passing every part but the period, week by week.
  const held = (w: number) => (w < 0 || w >= weeks ? 0 : (counts.byWeek[w * size] ?? 0) + (counts.byWeek[w * size + dateBit] ?? 0));
  const low = Math.max((period.fromWeek ?? firstWeek) - firstWeek, 0);
  const high = Math.min((period.toWeek ?? firstWeek + weeks - 1) - firstWeek, weeks - 1);
  const firstHeld = (from: number, to: number, step: 1 | -1): number => {
    for (let w = from; step > 0 ? w <= to : w >= to; w += step) if (held(w) > 0) return held(w);
    return 0;
  };
  const edges = [firstHeld(low, high, 1), firstHeld(high, low, -1)];
  if (period.fromWeek !== null) edges.push(firstHeld(Math.min(period.fromWeek - firstWeek - 1, weeks - 1), 0, -1));
  if (period.toWeek !== null) edges.push(firstHeld(Math.max(period.toWeek - firstWeek + 1, 0), weeks - 1, 1));
  return edges.some((n) => few(n, threshold));
}

/** The changes to the filters that would change this set of people by 1 to threshold − 1; none means it may be shown. */
export function unsafeNeighbours(counts: NeighbourCounts, threshold: number): Neighbour[] {
  const found = withoutNeighbours(counts, threshold);
  for (const { dimension, counts: groupCounts } of counts.groups) {
    for (const n of groupCounts) {
      if (few(n, threshold)) {
        found.push({ change: 'narrower', dimensions: [dimension] });
        break;
      }
    }
  }
  if (periodIsUnsafe(counts, threshold)) found.push({ change: 'period', dimensions: ['date'] });
  return found;
}
