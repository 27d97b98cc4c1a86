// Filters over an ExploreIndex: the respondents a filter selects, what each
// part of it lets through, how a narrower choice of a part could shrink the
// view (for the differencing rule, see neighbours.ts), and those with a coded
// answer.
import { and, type Bitset, emptyBitset, fullBitset, orInPlace } from './bitset';
import type { ExploreIndex, MultiColumn } from './explore-index';
import { weekOfDay, wholeWeeks } from './periods';

export interface ExploreFilter {
  /** Only these version numbers (any of them). */
  versions?: readonly number[];
  /** Submitted in or after the week of this day number (days since 1970-01-01, UTC): limits are whole weeks. */
  fromDay?: number | null;
  /** Submitted in or before the week of this day number. */
  toDay?: number | null;
  /** Per dimension key, the values accepted (any of them); different keys must all hold. */
  values?: Readonly<Record<string, readonly string[]>>;
}

/**
 * How a narrower choice of one filter part could shrink a view:
 * - `groups`: several answers (or versions) are chosen, and the respondents
 *   with each key (an answer; for several answers each, the chosen ones they
 *   gave) can be left out alone by choosing fewer;
 * - `period`: the limits are weeks, and only whole weeks at either end can be
 *   cut off or added.
 */
export type Narrowing =
  | {
      kind: 'groups';
      /** A small whole number per group, 0 upwards (asked only of rows that pass the part). */
      keyOf: (row: number) => number;
    }
  | { kind: 'period'; fromWeek: number | null; toWeek: number | null };

/** One applied filter and the respondents it lets through on its own. */
export interface FilterPart {
  /** `version`, `date`, `question`, or a dimension key. */
  dimension: string;
  rows: Bitset;
  narrowing: Narrowing | null;
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

/** Bitset of the rows (0 to size - 1) that pass `test`, built a word at a time. */
function rowsWhere(size: number, test: (row: number) => boolean): Bitset {
  const bits = emptyBitset(size);
  for (let w = 0; w < bits.length; w++) {
    const first = w << 5;
    const last = Math.min(32, size - first);
    let word = 0;
    for (let b = 0; b < last; b++) if (test(first + b)) word |= 1 << b;
    bits[w] = word;
  }
  return bits;
}

/** Bitset of the rows whose value in `values` (one per row) is accepted: `accepted[value] === 1`. */
const rowsAccepted = (size: number, values: Uint16Array, accepted: Uint8Array): Bitset => rowsWhere(size, (row) => accepted[values[row] as number] === 1);

/** Bitset of the rows with any of the `wanted` bits in their per-row masks (`words` words each). */
function rowsWithAnyBit(size: number, masks: Uint32Array, words: number, wanted: Uint32Array): Bitset {
  return rowsWhere(size, (row) => {
    for (let k = 0; k < words; k++) if (((masks[row * words + k] as number) & (wanted[k] as number)) !== 0) return true;
    return false;
  });
}

/** Bitset of the rows whose number in `values` lies in [low, high]. */
function rowsBetween(size: number, values: Int32Array | Uint16Array, low: number, high: number): Bitset {
  return rowsWhere(size, (row) => {
    const v = values[row] as number;
    return v >= low && v <= high;
  });
}

/** A key per distinct set of the wanted values a row has (rows with none of them are not asked about). */
function patternKeys(column: MultiColumn, wanted: Uint32Array): (row: number) => number {
  const keys = new Map<string, number>();
  return (row) => {
    let pattern = '';
    for (let k = 0; k < column.words; k++) pattern += `${((column.masks[row * column.words + k] as number) & (wanted[k] as number)) >>> 0},`;
    let key = keys.get(pattern);
    if (key === undefined) {
      key = keys.size;
      keys.set(pattern, key);
    }
    return key;
  };
}

function dimensionPart(index: ExploreIndex, key: string, values: readonly string[]): FilterPart {
  const column = index.dimensions.get(key);
  if (!column) return { dimension: key, rows: emptyBitset(index.size), narrowing: null };
  if (column.kind === 'single') {
    const accepted = new Uint8Array(column.values.length + 1);
    for (const value of values) {
      const code = column.codeOf.get(value);
      if (code !== undefined) accepted[code] = 1;
    }
    const codes = column.codes;
    const narrowing: Narrowing | null = new Set(values).size > 1 ? { kind: 'groups', keyOf: (row) => codes[row] as number } : null;
    return { dimension: key, rows: rowsAccepted(index.size, column.codes, accepted), narrowing };
  }
  const wanted = new Uint32Array(column.words);
  for (const value of values) {
    const bit = column.bitOf.get(value);
    if (bit !== undefined) wanted[bit >>> 5] = (wanted[bit >>> 5] as number) | (1 << (bit & 31));
  }
  const narrowing: Narrowing | null = new Set(values).size > 1 ? { kind: 'groups', keyOf: patternKeys(column, wanted) } : null;
  return { dimension: key, rows: rowsWithAnyBit(index.size, column.masks, column.words, wanted), narrowing };
}

/**
 * The respondents matching a filter, and what each applied part lets through
 * alone. Date limits are widened to whole weeks here, whoever asks.
 */
export function selectRespondents(index: ExploreIndex, filter: ExploreFilter): Selection {
  const parts: FilterPart[] = [];
  if (filter.versions && filter.versions.length > 0) {
    const accepted = new Uint8Array(0x10000);
    for (const v of filter.versions) if (v >= 0 && v < accepted.length) accepted[v] = 1;
    const version = index.version;
    const position = new Map([...new Set(filter.versions)].map((v, i) => [v, i]));
    const narrowing: Narrowing | null = position.size > 1 ? { kind: 'groups', keyOf: (row) => position.get(version[row] as number) ?? 0 } : null;
    parts.push({ dimension: 'version', rows: rowsAccepted(index.size, index.version, accepted), narrowing });
  }
  const { fromDay: from, toDay: to } = wholeWeeks({ fromDay: filter.fromDay ?? null, toDay: filter.toDay ?? null });
  if (from !== null || to !== null) {
    parts.push({
      dimension: 'date',
      rows: rowsBetween(index.size, index.day, from ?? -Infinity, to ?? Infinity),
      narrowing: { kind: 'period', fromWeek: from === null ? null : weekOfDay(from), toWeek: to === null ? null : weekOfDay(to) }
    });
  }
  for (const [key, values] of Object.entries(filter.values ?? {})) {
    if (values.length > 0) parts.push(dimensionPart(index, key, values));
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
