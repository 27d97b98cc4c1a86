// Counting over an ExploreIndex: theme prevalence, a theme × group cross-tab
// and theme co-occurrence. Every count is of respondents, never of answers: a
// respondent with a theme under two questions counts once.
import { type Bitset, countBits } from './bitset';
import type { ExploreIndex } from './explore-index';
import type { ThemeGroup } from './select';

export interface Prevalence {
  /** Respondents counted. */
  base: number;
  /** Respondents with each theme, in the order of `themes`. */
  counts: number[];
}

export interface GroupCounts {
  base: number;
  counts: number[];
}

export interface CrossTabCounts {
  /** `single`: each respondent is in at most one group; `multi`: in any number. */
  kind: 'single' | 'multi';
  /** Groups by value; values nobody has are absent. */
  groups: Map<string, GroupCounts>;
  /** Respondents with no answer for the dimension (single-valued dimensions only). */
  missing: GroupCounts | null;
}

export interface ThemeTally extends Prevalence {
  /** Respondents with both of each pair of themes (diagonal: with the theme), when asked for. */
  pairs: number[][] | null;
  /** Theme counts per group of the `by` dimension, when asked for. */
  crossTab: CrossTabCounts | null;
}

interface TallyOptions {
  by?: string | null;
  pairs?: boolean;
}

/** Counts in "slot space" (theme bits), before they are read out per shown theme. */
interface SlotTally {
  base: number;
  slots: number;
  counts: Float64Array;
  pairs: Float64Array | null;
  /** (G + 1) groups × slots; group G is "no answer". */
  bases: Float64Array | null;
  cells: Float64Array | null;
}

function groupsOf(index: ExploreIndex, by: string | null) {
  const column = by === null ? null : (index.dimensions.get(by) ?? null);
  const G = column ? column.values.length : 0;
  const codes = column?.kind === 'single' ? column.codes : null;
  const groupMasks = column?.kind === 'multi' ? column.masks : null;
  const groupWords = column?.kind === 'multi' ? column.words : 0;
  /** Calls `add` with each group the row is in; code 0 (no answer) goes to the last group, G. */
  const eachGroup = (row: number, add: (g: number) => void) => {
    if (!groupMasks) {
      add(codes ? ((codes[row] as number) + G) % (G + 1) : G);
      return;
    }
    for (let k = 0; k < groupWords; k++) {
      for (let groups = groupMasks[row * groupWords + k] as number; groups !== 0; ) {
        const gbit = groups & -groups;
        groups ^= gbit;
        add((k << 5) + 31 - Math.clz32(gbit));
      }
    }
  };
  return { column, G, eachGroup };
}

/** The rows set in `rows` (in its first ⌈size / 32⌉ words), in order. */
function rowsIn(rows: Bitset, size: number): Int32Array {
  const limit = Math.min(rows.length, (size + 31) >>> 5);
  const out = new Int32Array(countBits(rows.subarray(0, limit)));
  let n = 0;
  for (let w = 0; w < limit; w++) {
    for (let word = rows[w] as number; word !== 0; ) {
      const low = word & -word;
      word ^= low;
      out[n++] = (w << 5) + 31 - Math.clz32(low);
    }
  }
  return out;
}

/**
 * The common case, every theme a bit of one 32-bit word: per respondent, the
 * themes of the question(s) ORed, themes merged into another folded onto it,
 * then counted bit by bit.
 */
function tallyOneWord(index: ExploreIndex, rows: Bitset, masks: Uint32Array[], themes: readonly ThemeGroup[], { by = null, pairs = false }: TallyOptions): { tally: SlotTally; slotOf: Int32Array } {
  // Each shown theme counts on the bit of its first slot; its other slots fold onto it.
  const slotOf = new Int32Array(themes.length).fill(-1);
  let kept = 0;
  const foldFrom: number[] = [];
  const foldTo: number[] = [];
  themes.forEach((theme, t) => {
    const [first, ...rest] = index.slotsOf(theme.themeIds);
    if (first === undefined) return;
    slotOf[t] = first;
    kept |= 1 << first;
    for (const slot of rest) {
      foldFrom.push(1 << slot);
      foldTo.push(1 << first);
    }
  });
  const { G, eachGroup } = groupsOf(index, by);
  const counts = new Float64Array(32);
  const pairCounts = pairs ? new Float64Array(32 * 32) : null;
  const bases = by === null ? null : new Float64Array(G + 1);
  const cells = by === null ? null : new Float64Array((G + 1) * 32);
  const Q = masks.length;
  const m0 = masks[0] ?? new Uint32Array(0);
  const selected = rowsIn(rows, index.size);
  for (let r = 0; r < selected.length; r++) {
    const row = selected[r] as number;
    let m = Q === 0 ? 0 : (m0[row] as number);
    for (let q = 1; q < Q; q++) m |= (masks[q] as Uint32Array)[row] as number;
    let themesOf = m & kept;
    for (let f = 0; f < foldFrom.length; f++) if ((m & (foldFrom[f] as number)) !== 0) themesOf |= foldTo[f] as number;
    for (let rest = themesOf; rest !== 0; ) {
      const bit = rest & -rest;
      rest ^= bit;
      const a = 31 - Math.clz32(bit);
      counts[a] = (counts[a] as number) + 1;
      if (pairCounts) {
        // Pairs with a later theme only; the other half and the diagonal are filled in below.
        for (let other = rest; other !== 0; ) {
          const b = other & -other;
          other ^= b;
          const at = a * 32 + 31 - Math.clz32(b);
          pairCounts[at] = (pairCounts[at] as number) + 1;
        }
      }
    }
    if (bases && cells) {
      eachGroup(row, (g) => {
        bases[g] = (bases[g] as number) + 1;
        for (let rest = themesOf; rest !== 0; ) {
          const bit = rest & -rest;
          rest ^= bit;
          const at = g * 32 + 31 - Math.clz32(bit);
          cells[at] = (cells[at] as number) + 1;
        }
      });
    }
  }
  if (pairCounts) {
    for (let a = 0; a < 32; a++) {
      pairCounts[a * 32 + a] = counts[a] as number;
      for (let b = a + 1; b < 32; b++) pairCounts[b * 32 + a] = pairCounts[a * 32 + b] as number;
    }
  }
  return { tally: { base: selected.length, slots: 32, counts, pairs: pairCounts, bases, cells }, slotOf };
}

/** Any number of themes: per respondent, the distinct shown themes found slot by slot. */
function tallyManyWords(index: ExploreIndex, rows: Bitset, masks: Uint32Array[], themes: readonly ThemeGroup[], { by = null, pairs = false }: TallyOptions): { tally: SlotTally; slotOf: Int32Array } {
  // Here the "slots" of the tally are the shown themes themselves.
  const T = themes.length;
  const display = new Int32Array(index.themeIds.length).fill(-1);
  themes.forEach((theme, t) => {
    for (const slot of index.slotsOf(theme.themeIds)) display[slot] = t;
  });
  const words = index.themeWords;
  const { G, eachGroup } = groupsOf(index, by);
  const counts = new Float64Array(T);
  const pairCounts = pairs ? new Float64Array(T * T) : null;
  const bases = by === null ? null : new Float64Array(G + 1);
  const cells = by === null ? null : new Float64Array((G + 1) * T);
  const seen = new Int32Array(T).fill(-1);
  const found = new Int32Array(Math.max(1, T));
  const selected = rowsIn(rows, index.size);
  for (let r = 0; r < selected.length; r++) {
    const row = selected[r] as number;
    let count = 0;
    for (let q = 0; q < masks.length; q++) {
      const questionMasks = masks[q] as Uint32Array;
      for (let k = 0; k < words; k++) {
        let mask = questionMasks[row * words + k] as number;
        while (mask !== 0) {
          const bit = mask & -mask;
          mask ^= bit;
          const t = display[(k << 5) + 31 - Math.clz32(bit)] as number;
          if (t >= 0 && seen[t] !== row) {
            seen[t] = row;
            found[count++] = t;
          }
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const t = found[i] as number;
      counts[t] = (counts[t] as number) + 1;
      if (pairCounts) {
        for (let j = 0; j < count; j++) {
          const at = t * T + (found[j] as number);
          pairCounts[at] = (pairCounts[at] as number) + 1;
        }
      }
    }
    if (bases && cells) {
      eachGroup(row, (g) => {
        bases[g] = (bases[g] as number) + 1;
        for (let i = 0; i < count; i++) {
          const at = g * T + (found[i] as number);
          cells[at] = (cells[at] as number) + 1;
        }
      });
    }
  }
  return { tally: { base: selected.length, slots: T, counts, pairs: pairCounts, bases, cells }, slotOf: Int32Array.from(themes.map((_, t) => t)) };
}

/**
 * Everything the explorer counts about the respondents in `rows`, in one
 * pass: for each respondent, the distinct shown themes coded "yes" under the
 * question (or any free-text question), then the theme counts, the pairs and
 * the groups of the `by` dimension.
 */
export function tallyThemes(index: ExploreIndex, rows: Bitset, question: string | null, themes: readonly ThemeGroup[], options: TallyOptions = {}): ThemeTally {
  const masks: Uint32Array[] = [];
  for (const [id, column] of index.questions) if (question === null || id === question) masks.push(column.masks);
  const { tally, slotOf } = index.themeWords === 1 ? tallyOneWord(index, rows, masks, themes, options) : tallyManyWords(index, rows, masks, themes, options);
  const S = tally.slots;
  const read = (values: Float64Array, offset: number) => themes.map((_, t) => ((slotOf[t] as number) < 0 ? 0 : (values[offset + (slotOf[t] as number)] as number)));
  let crossTab: CrossTabCounts | null = null;
  const { column, G } = groupsOf(index, options.by ?? null);
  if (tally.bases && tally.cells) {
    const { bases, cells } = tally;
    const groupAt = (g: number): GroupCounts => ({ base: bases[g] as number, counts: read(cells, g * S) });
    const groups = new Map<string, GroupCounts>();
    column?.values.forEach((value, g) => {
      groups.set(value, groupAt(g));
    });
    crossTab = { kind: column?.kind ?? 'single', groups, missing: column?.kind === 'multi' ? null : groupAt(G) };
  }
  const pairs = tally.pairs;
  return {
    base: tally.base,
    counts: read(tally.counts, 0),
    pairs: pairs ? themes.map((_, t) => ((slotOf[t] as number) < 0 ? themes.map(() => 0) : read(pairs, (slotOf[t] as number) * S))) : null,
    crossTab
  };
}
