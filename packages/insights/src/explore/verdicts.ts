// The differencing rule applied to every count a view shows. Each count is
// of a set of respondents: those in view, those in view with a theme (or
// counted by a measure), those in one group of a cross-tab, those with both
// of two themes. Each such set is the view of the same filters over a
// narrower population (respondents with the theme, …), so the one rule
// (neighbour-rule.ts) is asked about each: a count is shown only if no view
// the filters can make would count the same people plus or minus a few.
import { and, type Bitset } from './bitset';
import type { ExploreIndex } from './explore-index';
import type { Neighbour } from './neighbour-rule';
import type { NeighbourCheck, NeighbourChecker } from './neighbours';
import type { ThemeGroup } from './select';

/** Where the rule finds a set of respondents a view counts unsafe to show (true: withhold). */
export interface DifferencingVerdicts {
  /** The view's own respondents: any change found, and every figure is withheld. */
  view: readonly Neighbour[];
  /** Per theme (or a measure's counted respondents): those in view with it. */
  themes?: readonly boolean[];
  /** Per cross-tab group: its respondents. */
  groups?: readonly boolean[];
  /** Per theme and group. */
  cells?: readonly (readonly boolean[])[];
  /** Per pair of themes: those with both. */
  pairs?: readonly (readonly boolean[])[];
}

/** The rows counted besides the view's own: one set per theme (or a measure's counted rows). */
export interface CountedRows {
  sets: readonly Bitset[];
  /** With at most 32 sets: each row's sets as bits, so pairs of them can be counted in one pass. */
  perRow?: Uint32Array | null;
}

export interface VerdictOptions {
  /** The cross-tab's groups, as values of the `by` dimension the check was made with. */
  groups?: readonly string[] | null;
  /** Which pairs of themes would be shown, and so need a verdict. */
  pairs?: (a: number, b: number) => boolean;
}

const unsafeGroups = (check: NeighbourCheck, groups: readonly string[]) => groups.map((value) => (check.groups?.get(value)?.length ?? 0) > 0);

/**
 * Verdicts for a view over `population` and, for each of the `counted` sets
 * (rows with a theme; a measure's counted rows), over those of the
 * population in it; `counted` is only asked for when the view has filters or
 * groups.
 */
export function differencingVerdicts(check: NeighbourChecker, population: Bitset, counted: () => CountedRows, options: VerdictOptions = {}): DifferencingVerdicts {
  if (check.trivial) return { view: [] };
  const own = check(population);
  // Everything is withheld then: the rest need no verdict.
  if (own.view.length > 0) return { view: own.view };
  const groups = options.groups ?? null;
  const { sets, perRow } = counted();
  const within = sets.map((rows) => and(population, rows));
  const each = within.map((rows) => check(rows, { groups: groups !== null }));
  const themes = each.map((c) => c.view.length > 0);
  // A pair is shown only beside both its themes, so only pairs of themes shown need a verdict; each once.
  const wanted: [number, number][] = [];
  if (options.pairs) {
    for (let a = 0; a < within.length; a++) for (let b = a + 1; b < within.length; b++) if (!themes[a] && !themes[b] && options.pairs(a, b)) wanted.push([a, b]);
  }
  const unsafe =
    perRow && check.viewCounts
      ? pairsInOnePass(check.viewCounts, population, perRow, wanted)
      : wanted.map(([a, b]) => check(within[a] as Bitset, { groups: false, also: within[b] as Bitset }).view.length > 0);
  const pairs = within.map(() => within.map(() => false));
  wanted.forEach(([a, b], i) => {
    (pairs[a] as boolean[])[b] = unsafe[i] === true;
    (pairs[b] as boolean[])[a] = unsafe[i] === true;
  });
  return {
    view: [],
    themes,
    groups: groups ? unsafeGroups(own, groups) : undefined,
    cells: groups ? each.map((c) => unsafeGroups(c, groups)) : undefined,
    pairs: options.pairs ? pairs : undefined
  };
}

/** Verdicts for pairs of sets, each over the rows of `population` in both, counted in one pass over its rows. */
function pairsInOnePass(view: NonNullable<NeighbourChecker['viewCounts']>, population: Bitset, perRow: Uint32Array, wanted: readonly [number, number][]): boolean[] {
  const { classOf, classCounts, judge } = view;
  const pairAt = new Int32Array(32 * 32).fill(-1);
  wanted.forEach(([a, b], i) => {
    pairAt[a * 32 + b] = i;
  });
  // Per kind of count, every pair's classes side by side in one array.
  const counts = classCounts.map((n) => new Float64Array(n * wanted.length));
  const limit = Math.min(population.length, (perRow.length + 31) >>> 5);
  for (let kind = 0; kind < classOf.length; kind++) {
    const classes = classOf[kind] as Int32Array;
    const into = counts[kind] as Float64Array;
    const stride = classCounts[kind] as number;
    for (let w = 0; w < limit; w++) {
      for (let bits = population[w] as number; bits !== 0; ) {
        const low = bits & -bits;
        bits ^= low;
        const row = (w << 5) + 31 - Math.clz32(low);
        const sets = perRow[row] as number;
        const c = classes[row] as number;
        // Rows with fewer than two sets are in no pair.
        if (c < 0 || (sets & (sets - 1)) === 0) continue;
        for (let rest = sets; rest !== 0; ) {
          const bitA = rest & -rest;
          rest ^= bitA;
          const first = (31 - Math.clz32(bitA)) * 32 + 31;
          for (let others = rest; others !== 0; ) {
            const bitB = others & -others;
            others ^= bitB;
            const pair = pairAt[first - Math.clz32(bitB)] as number;
            if (pair >= 0) into[pair * stride + c] = (into[pair * stride + c] as number) + 1;
          }
        }
      }
    }
  }
  return wanted.map((_, pair) => judge(counts.map((c, kind) => c.subarray(pair * (classCounts[kind] as number), (pair + 1) * (classCounts[kind] as number)))).length > 0);
}

const membersByIndex = new WeakMap<ExploreIndex, Map<string, { version: number; size: number; rows: Bitset; counted: CountedRows }>>();

/**
 * For each theme (and the themes merged into it), the rows of `rows` with it
 * under the question, or any free-text question (null); kept per index until
 * its codes change.
 */
export function themeMembers(index: ExploreIndex, rows: Bitset, question: string | null, themes: readonly ThemeGroup[]): CountedRows {
  const key = JSON.stringify([question, themes.map((t) => t.themeIds)]);
  let held = membersByIndex.get(index);
  if (!held) {
    held = new Map();
    membersByIndex.set(index, held);
  }
  const known = held.get(key);
  if (known && known.version === index.codesVersion && known.size === index.size && sameBits(known.rows, rows)) return known.counted;
  const counted = readMembers(index, rows, question, themes);
  held.set(key, { version: index.codesVersion, size: index.size, rows: rows.slice(), counted });
  return counted;
}

function sameBits(a: Bitset, b: Bitset): boolean {
  if (a.length !== b.length) return false;
  for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) return false;
  return true;
}

function readMembers(index: ExploreIndex, rows: Bitset, question: string | null, themes: readonly ThemeGroup[]): CountedRows {
  const members = themes.map(() => new Uint32Array(rows.length));
  const perRow = themes.length <= 32 ? new Uint32Array(index.size) : null;
  const shownAs = new Int32Array(index.themeIds.length).fill(-1);
  themes.forEach((theme, t) => {
    for (const slot of index.slotsOf(theme.themeIds)) shownAs[slot] = t;
  });
  const masks: Uint32Array[] = [];
  for (const [id, column] of index.questions) if (question === null || id === question) masks.push(column.masks);
  const questions = masks.length;
  const words = index.themeWords;
  const limit = Math.min(rows.length, (index.size + 31) >>> 5);
  for (let w = 0; w < limit; w++) {
    for (let bits = rows[w] as number; bits !== 0; ) {
      const low = bits & -bits;
      bits ^= low;
      const row = (w << 5) + 31 - Math.clz32(low);
      let sets = 0;
      for (let k = 0; k < words; k++) {
        let mask = 0;
        for (let q = 0; q < questions; q++) mask |= (masks[q] as Uint32Array)[row * words + k] as number;
        while (mask !== 0) {
          const bit = mask & -mask;
          mask ^= bit;
          const t = shownAs[(k << 5) + 31 - Math.clz32(bit)] as number;
          if (t < 0) continue;
          (members[t] as Uint32Array)[w] = ((members[t] as Uint32Array)[w] as number) | low;
          sets |= 1 << t;
        }
      }
      if (perRow) perRow[row] = sets;
    }
  }
  return { sets: members, perRow };
}
