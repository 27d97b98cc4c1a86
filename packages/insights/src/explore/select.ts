// Filters over an ExploreIndex: the respondents a filter selects, those with a
// coded answer, and the groups each filter leaves out (for the differencing
// check).
import { and, type Bitset, countAndNot, emptyBitset, fullBitset, orInPlace } from './bitset';
import type { ExploreIndex } from './explore-index';

export interface ExploreFilter {
  /** Only these version numbers (any of them). */
  versions?: readonly number[];
  /** Submitted on or after this day number (days since 1970-01-01, UTC). */
  fromDay?: number | null;
  /** Submitted on or before this day number. */
  toDay?: number | null;
  /** Per dimension key, the values accepted (any of them); different keys must all hold. */
  values?: Readonly<Record<string, readonly string[]>>;
}

/** One applied filter and the respondents it lets through on its own. */
export interface FilterPart {
  /** `version`, `date`, or a dimension key. */
  dimension: string;
  rows: Bitset;
}

export interface Selection {
  /** Respondents matching every part. */
  rows: Bitset;
  parts: FilterPart[];
}

/** A theme as shown, counting the codes of its own id and of themes merged into it. */
export interface ThemeGroup {
  id: string;
  themeIds: readonly string[];
}

/**
 * Bitset of the rows whose value in `values` (one per row) is accepted:
 * `accepted[value] === 1`. Plain loops over typed arrays, a word at a time.
 */
function rowsAccepted(size: number, values: Uint16Array, accepted: Uint8Array): Bitset {
  const bits = emptyBitset(size);
  for (let w = 0; w < bits.length; w++) {
    const first = w << 5;
    const last = Math.min(32, size - first);
    let word = 0;
    for (let b = 0; b < last; b++) if (accepted[values[first + b] as number] === 1) word |= 1 << b;
    bits[w] = word;
  }
  return bits;
}

/** Bitset of the rows with any of the `wanted` bits in their per-row masks (`words` words each). */
function rowsWithAnyBit(size: number, masks: Uint32Array, words: number, wanted: Uint32Array): Bitset {
  const bits = emptyBitset(size);
  for (let w = 0; w < bits.length; w++) {
    const first = w << 5;
    const last = Math.min(32, size - first);
    let word = 0;
    for (let b = 0; b < last; b++) {
      const at = (first + b) * words;
      for (let k = 0; k < words; k++) {
        if (((masks[at + k] as number) & (wanted[k] as number)) !== 0) {
          word |= 1 << b;
          break;
        }
      }
    }
    bits[w] = word;
  }
  return bits;
}

/** Bitset of the rows whose number in `values` lies in [low, high]. */
function rowsBetween(size: number, values: Int32Array | Uint16Array, low: number, high: number): Bitset {
  const bits = emptyBitset(size);
  for (let w = 0; w < bits.length; w++) {
    const first = w << 5;
    const last = Math.min(32, size - first);
    let word = 0;
    for (let b = 0; b < last; b++) {
      const v = values[first + b] as number;
      if (v >= low && v <= high) word |= 1 << b;
    }
    bits[w] = word;
  }
  return bits;
}

function dimensionRows(index: ExploreIndex, key: string, values: readonly string[]): Bitset {
  const column = index.dimensions.get(key);
  if (!column) return emptyBitset(index.size);
  if (column.kind === 'single') {
    const accepted = new Uint8Array(column.values.length + 1);
    for (const value of values) {
      const code = column.codeOf.get(value);
      if (code !== undefined) accepted[code] = 1;
    }
    return rowsAccepted(index.size, column.codes, accepted);
  }
  const wanted = new Uint32Array(column.words);
  for (const value of values) {
    const bit = column.bitOf.get(value);
    if (bit !== undefined) wanted[bit >>> 5] = (wanted[bit >>> 5] as number) | (1 << (bit & 31));
  }
  return rowsWithAnyBit(index.size, column.masks, column.words, wanted);
}

/** The respondents matching a filter, and what each applied part lets through alone. */
export function selectRespondents(index: ExploreIndex, filter: ExploreFilter): Selection {
  const parts: FilterPart[] = [];
  if (filter.versions && filter.versions.length > 0) {
    const accepted = new Uint8Array(0x10000);
    for (const v of filter.versions) if (v >= 0 && v < accepted.length) accepted[v] = 1;
    parts.push({ dimension: 'version', rows: rowsAccepted(index.size, index.version, accepted) });
  }
  const from = filter.fromDay ?? null;
  const to = filter.toDay ?? null;
  if (from !== null || to !== null) {
    parts.push({ dimension: 'date', rows: rowsBetween(index.size, index.day, from ?? -Infinity, to ?? Infinity) });
  }
  for (const [key, values] of Object.entries(filter.values ?? {})) {
    if (values.length > 0) parts.push({ dimension: key, rows: dimensionRows(index, key, values) });
  }
  let rows = fullBitset(index.size);
  for (const part of parts) rows = and(rows, part.rows);
  return { rows, parts };
}

/** Respondents with a coded answer to the question, or to any free-text question (null). */
export function codedRows(index: ExploreIndex, question: string | null): Bitset {
  const rows = emptyBitset(index.size);
  for (const [id, column] of index.questions) if (question === null || id === question) orInPlace(rows, column.coded);
  return rows;
}

/**
 * For each applied filter part, how many of `population` match every other
 * part but not this one: the group the view leaves out compared with the
 * same view without that filter.
 */
export function leftOutByEachFilter(selection: Selection, population: Bitset): { dimension: string; count: number }[] {
  return selection.parts.map((part, i) => {
    let others = population;
    selection.parts.forEach((other, j) => {
      if (j !== i) others = and(others, other.rows);
    });
    return { dimension: part.dimension, count: countAndNot(others, part.rows, population) };
  });
}
