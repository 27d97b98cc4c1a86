// Perception-of-safety measures over an ExploreIndex: for one closed
// question (a dimension), the respondents in the measure's base and those
// whose answer counts towards its headline, e.g. "very or fairly safe".
import { type Bitset, emptyBitset, popcount32, setBit } from './bitset';
import type { DimensionColumn, ExploreIndex } from './explore-index';
import type { GroupTally } from './disclose';
import type { Selection } from './select';

export interface MeasureRule {
  /** The dimension holding the answers: a question id, or `question.row` for a grid row. */
  dimension: string;
  /** Answers that count towards the headline (for several answers: choosing any of them). */
  counts: readonly string[];
  /** Answers that leave a respondent out of the base (unless another answer of theirs is in it). */
  notInBase: readonly string[];
}

export interface MeasureRows {
  /** Respondents who gave an answer that is in the base. */
  base: Bitset;
  /** Respondents whose answer counts towards the headline. */
  counted: Bitset;
}

// Respondents are only ever added and their closed answers never change, so
// when the index grows only the new rows are read.
const held = new WeakMap<ExploreIndex, Map<string, { size: number; rows: MeasureRows }>>();

/** Which respondents of the whole index are in the measure's base, and which count. */
export function measureRows(index: ExploreIndex, rule: MeasureRule): MeasureRows {
  const key = JSON.stringify([rule.dimension, rule.counts, rule.notInBase]);
  let forIndex = held.get(index);
  if (!forIndex) {
    forIndex = new Map();
    held.set(index, forIndex);
  }
  const known = forIndex.get(key);
  if (known && known.size === index.size) return known.rows;
  const rows = readMeasureRows(index, rule, known?.size ?? 0, known?.rows);
  if (!known) {
    forIndex.set(key, { size: index.size, rows });
    return rows;
  }
  // The same object, grown: what is kept per measure (see everyoneByGroup) carries on from where it was.
  Object.assign(known.rows, rows);
  known.size = index.size;
  return known.rows;
}

/** The rows held so far, widened to `rows` respondents. */
function widened(bits: Bitset | undefined, rows: number): Bitset {
  const next = emptyBitset(rows);
  if (bits) next.set(bits.subarray(0, next.length));
  return next;
}

function readMeasureRows(index: ExploreIndex, rule: MeasureRule, from: number, before: MeasureRows | undefined): MeasureRows {
  const base = widened(before?.base, index.size);
  const counted = widened(before?.counted, index.size);
  const column = index.dimensions.get(rule.dimension);
  if (!column) return { base, counted };
  const notInBase = new Set(rule.notInBase);
  const counts = new Set(rule.counts);
  if (column.kind === 'single') {
    // Per code: 0 no answer or not in the base, 1 in the base, 2 counted too.
    const role = new Uint8Array(column.values.length + 1);
    column.values.forEach((value, i) => {
      role[i + 1] = counts.has(value) ? 2 : notInBase.has(value) ? 0 : 1;
    });
    for (let row = from; row < index.size; row++) {
      const r = role[column.codes[row] as number] as number;
      if (r > 0) setBit(base, row);
      if (r === 2) setBit(counted, row);
    }
    return { base, counted };
  }
  const { words, masks, values } = column;
  const inBase = new Uint32Array(words);
  const toCount = new Uint32Array(words);
  values.forEach((value, bit) => {
    if (!notInBase.has(value)) inBase[bit >>> 5] = (inBase[bit >>> 5] as number) | (1 << (bit & 31));
    if (counts.has(value)) toCount[bit >>> 5] = (toCount[bit >>> 5] as number) | (1 << (bit & 31));
  });
  for (let row = from; row < index.size; row++) {
    let any = 0;
    let hit = 0;
    for (let w = 0; w < words; w++) {
      const mask = masks[row * words + w] as number;
      any |= mask & (inBase[w] as number);
      hit |= mask & (toCount[w] as number);
    }
    if (any !== 0) setBit(base, row);
    if (hit !== 0) setBit(counted, row);
  }
  return { base, counted };
}

export interface MeasureTally {
  /** Selected respondents in the base. */
  base: number;
  /** Selected respondents counted. */
  counted: number;
}

/** Counts for many measures over one selection: one pass over each measure's words, skipping words where nobody is in its base. */
export function tallyMeasures(selection: Selection, measures: readonly MeasureRows[]): MeasureTally[] {
  const selected = selection.rows;
  return measures.map(({ base: inBase, counted: toCount }) => {
    let base = 0;
    let counted = 0;
    const words = Math.min(selected.length, inBase.length);
    for (let w = 0; w < words; w++) {
      const b = inBase[w] as number;
      if (b === 0) continue;
      const s = selected[w] as number;
      base += popcount32(s & b);
      counted += popcount32(s & (toCount[w] as number));
    }
    return { base, counted };
  });
}

/** Counts per group (index 0: no answer), and how many rows they cover. */
interface ByGroup {
  size: number;
  base: Float64Array;
  counted: Float64Array;
}

// Per measure and grouping dimension, the counts over every respondent: a
// view with no filters (the usual first look, "by school") then only adds
// the respondents who arrived since.
const everyoneByGroup = new WeakMap<MeasureRows, Map<string, ByGroup>>();

/** Room for a group per value of the column (it gains values as answers arrive). */
function sized(counts: ByGroup, column: DimensionColumn): ByGroup {
  const groups = column.values.length + 1;
  if (counts.base.length >= groups) return counts;
  const grow = (from: Float64Array) => {
    const next = new Float64Array(groups);
    next.set(from);
    return next;
  };
  return { size: counts.size, base: grow(counts.base), counted: grow(counts.counted) };
}

/**
 * Add the respondents in rows [from, to) of the measure's base (and, when
 * given, of `selected`) to their groups: the group of a single-valued
 * dimension is its code; a respondent in several groups of a multi-valued
 * one counts in each. Hot: a plain loop per kind of column.
 */
function addToGroups(column: DimensionColumn, measure: MeasureRows, selected: Bitset | null, from: number, to: number, into: ByGroup): void {
  const { base: inBase, counted: toCount } = measure;
  const { base, counted } = into;
  const lastWord = (to + 31) >>> 5;
  for (let w = from >>> 5; w < lastWord; w++) {
    let here = (inBase[w] as number) & (selected ? (selected[w] as number) : -1);
    // Only rows from `from` up to `to`.
    if (w === from >>> 5 && (from & 31) !== 0) here &= -1 << (from & 31);
    if (w === lastWord - 1 && (to & 31) !== 0) here &= (1 << (to & 31)) - 1;
    if (here === 0) continue;
    const hits = toCount[w] as number;
    if (column.kind === 'single') {
      const codes = column.codes;
      while (here !== 0) {
        const low = here & -here;
        const group = codes[(w << 5) + 31 - Math.clz32(low)] as number;
        base[group] = (base[group] as number) + 1;
        if ((hits & low) !== 0) counted[group] = (counted[group] as number) + 1;
        here ^= low;
      }
      continue;
    }
    const { masks, words } = column;
    while (here !== 0) {
      const low = here & -here;
      const at = ((w << 5) + 31 - Math.clz32(low)) * words;
      const hit = (hits & low) !== 0;
      for (let k = 0; k < words; k++) {
        let bits = masks[at + k] as number;
        while (bits !== 0) {
          const bit = bits & -bits;
          const group = (k << 5) + 32 - Math.clz32(bit);
          base[group] = (base[group] as number) + 1;
          if (hit) counted[group] = (counted[group] as number) + 1;
          bits ^= bit;
        }
      }
      here ^= low;
    }
  }
}

/**
 * Per group of the `by` dimension (in its column's value order), the
 * selected respondents in each measure's base and those counted, as the
 * explorer's cross-tab takes them (one "theme": counted). Each selected
 * respondent is visited once per measure, whatever the number of groups;
 * with no filters the counts are kept and only brought up to date.
 */
export function tallyMeasureGroups(index: ExploreIndex, selection: Selection, by: string, measures: readonly MeasureRows[]): GroupTally[][] {
  const column = index.dimensions.get(by);
  if (!column) return measures.map(() => []);
  const everyone = selection.parts.length === 0;
  return measures.map((measure) => {
    const empty = { size: 0, base: new Float64Array(0), counted: new Float64Array(0) };
    let counts: ByGroup;
    if (everyone) {
      let forMeasure = everyoneByGroup.get(measure);
      if (!forMeasure) {
        forMeasure = new Map();
        everyoneByGroup.set(measure, forMeasure);
      }
      counts = sized(forMeasure.get(by) ?? empty, column);
      if (counts.size < index.size) addToGroups(column, measure, null, counts.size, index.size, counts);
      counts.size = index.size;
      forMeasure.set(by, counts);
    } else {
      counts = sized(empty, column);
      addToGroups(column, measure, selection.rows, 0, index.size, counts);
    }
    return column.values.map((_, i) => ({ base: counts.base[i + 1] as number, counts: [counts.counted[i + 1] as number] }));
  });
}
