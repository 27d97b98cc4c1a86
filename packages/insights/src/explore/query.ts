// Counting over an ExploreIndex: filters to a selection of respondents, theme
// prevalence, a theme × group cross-tab, theme co-occurrence, the groups a
// filter leaves out (for the differencing check) and the most confident
// answers for quotes. Every count is of respondents, never of answers: a
// respondent with a theme under two questions counts once.
import { and, type Bitset, countAndNot, countBits, emptyBitset, fullBitset, orInPlace } from './bitset';
import type { ExploreIndex, QuestionColumn } from './explore-index';

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

/** Bitset of the rows for which `test(row)` holds, built a word at a time. */
function rowsWhere(size: number, test: (row: number) => boolean): Bitset {
  const bits = emptyBitset(size);
  for (let w = 0; w < bits.length; w++) {
    let word = 0;
    const first = w << 5;
    const last = Math.min(32, size - first);
    for (let b = 0; b < last; b++) if (test(first + b)) word |= 1 << b;
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
    const codes = column.codes;
    return rowsWhere(index.size, (row) => accepted[codes[row] as number] === 1);
  }
  const words = column.words;
  const wanted = new Uint32Array(words);
  for (const value of values) {
    const bit = column.bitOf.get(value);
    if (bit !== undefined) wanted[bit >>> 5] = (wanted[bit >>> 5] as number) | (1 << (bit & 31));
  }
  const masks = column.masks;
  return rowsWhere(index.size, (row) => {
    for (let w = 0; w < words; w++) if (((masks[row * words + w] as number) & (wanted[w] as number)) !== 0) return true;
    return false;
  });
}

/** The respondents matching a filter, and what each applied part lets through alone. */
export function selectRespondents(index: ExploreIndex, filter: ExploreFilter): Selection {
  const parts: FilterPart[] = [];
  if (filter.versions && filter.versions.length > 0) {
    const wanted = new Set(filter.versions);
    const version = index.version;
    parts.push({ dimension: 'version', rows: rowsWhere(index.size, (row) => wanted.has(version[row] as number)) });
  }
  const from = filter.fromDay ?? null;
  const to = filter.toDay ?? null;
  if (from !== null || to !== null) {
    const low = from ?? -Infinity;
    const high = to ?? Infinity;
    const day = index.day;
    parts.push({ dimension: 'date', rows: rowsWhere(index.size, (row) => (day[row] as number) >= low && (day[row] as number) <= high) });
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

/**
 * Calls `visit` for each respondent in `rows` with the distinct shown themes
 * (indices into `themes`) coded "yes" for the question (or any question).
 */
function eachRespondent(
  index: ExploreIndex,
  rows: Bitset,
  question: string | null,
  themes: readonly ThemeGroup[],
  visit: (row: number, found: Int32Array, count: number) => void
): void {
  const display = new Int32Array(index.themeIds.length).fill(-1);
  themes.forEach((theme, t) => {
    for (const slot of index.slotsOf(theme.themeIds)) display[slot] = t;
  });
  const columns: QuestionColumn[] = [];
  for (const [id, column] of index.questions) if (question === null || id === question) columns.push(column);
  const words = index.themeWords;
  const seen = new Int32Array(themes.length).fill(-1);
  const found = new Int32Array(Math.max(1, themes.length));
  const limit = Math.min(rows.length, (index.size + 31) >>> 5);
  for (let w = 0; w < limit; w++) {
    let word = rows[w] as number;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      const row = (w << 5) + 31 - Math.clz32(low);
      let count = 0;
      for (let c = 0; c < columns.length; c++) {
        const masks = (columns[c] as QuestionColumn).masks;
        for (let k = 0; k < words; k++) {
          let mask = masks[row * words + k] as number;
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
      visit(row, found, count);
    }
  }
}

export interface Prevalence {
  /** Respondents counted. */
  base: number;
  /** Respondents with each theme, in the order of `themes`. */
  counts: number[];
}

/** Respondents in `rows` with each theme (under the question, or any free-text question). */
export function themePrevalence(index: ExploreIndex, rows: Bitset, question: string | null, themes: readonly ThemeGroup[]): Prevalence {
  const counts = new Array<number>(themes.length).fill(0);
  eachRespondent(index, rows, question, themes, (_row, found, count) => {
    for (let i = 0; i < count; i++) {
      const t = found[i] as number;
      counts[t] = (counts[t] as number) + 1;
    }
  });
  return { base: countBits(rows), counts };
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

/** Theme counts per group of a dimension, among the respondents in `rows`. */
export function themeCrossTab(index: ExploreIndex, rows: Bitset, question: string | null, themes: readonly ThemeGroup[], by: string): CrossTabCounts {
  const column = index.dimensions.get(by);
  const T = themes.length;
  if (!column) {
    const missing = themePrevalence(index, rows, question, themes);
    return { kind: 'single', groups: new Map(), missing };
  }
  const G = column.values.length;
  const bases = new Float64Array(G + 1);
  const cells = new Float64Array((G + 1) * T);
  if (column.kind === 'single') {
    const codes = column.codes;
    eachRespondent(index, rows, question, themes, (row, found, count) => {
      // Code 0 (no answer) is kept in the last group.
      const g = ((codes[row] as number) + G) % (G + 1);
      bases[g] = (bases[g] as number) + 1;
      for (let i = 0; i < count; i++) {
        const at = g * T + (found[i] as number);
        cells[at] = (cells[at] as number) + 1;
      }
    });
  } else {
    const { masks, words } = column;
    eachRespondent(index, rows, question, themes, (row, found, count) => {
      for (let k = 0; k < words; k++) {
        let mask = masks[row * words + k] as number;
        while (mask !== 0) {
          const bit = mask & -mask;
          mask ^= bit;
          const g = (k << 5) + 31 - Math.clz32(bit);
          bases[g] = (bases[g] as number) + 1;
          for (let i = 0; i < count; i++) {
            const at = g * T + (found[i] as number);
            cells[at] = (cells[at] as number) + 1;
          }
        }
      }
    });
  }
  const groupAt = (g: number): GroupCounts => ({ base: bases[g] as number, counts: Array.from(cells.subarray(g * T, g * T + T)) });
  const groups = new Map<string, GroupCounts>();
  column.values.forEach((value, g) => {
    groups.set(value, groupAt(g));
  });
  return { kind: column.kind, groups, missing: column.kind === 'single' ? groupAt(G) : null };
}

/** Respondents with both of each pair of themes; the diagonal is respondents with the theme. */
export function themeCoOccurrence(index: ExploreIndex, rows: Bitset, question: string | null, themes: readonly ThemeGroup[]): number[][] {
  const T = themes.length;
  const pairs = new Float64Array(T * T);
  eachRespondent(index, rows, question, themes, (_row, found, count) => {
    for (let i = 0; i < count; i++) {
      const a = found[i] as number;
      for (let j = 0; j < count; j++) {
        const at = a * T + (found[j] as number);
        pairs[at] = (pairs[at] as number) + 1;
      }
    }
  });
  return Array.from({ length: T }, (_, i) => Array.from(pairs.subarray(i * T, i * T + T)));
}

export interface TopAnswer {
  row: number;
  responseId: string;
  questionId: string;
  themeId: string;
  confidence: number;
}

const byConfidence = (a: TopAnswer, b: TopAnswer): number =>
  b.confidence - a.confidence || (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0) || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);

/**
 * The most confident "yes" answers for a theme (and themes merged into it)
 * among the respondents in `rows`, one per answer, highest confidence first
 * (ties by response id, so the choice is stable).
 */
export function topAnswers(index: ExploreIndex, rows: Bitset, question: string | null, theme: ThemeGroup, limit = 5): TopAnswer[] {
  const wantedQuestion = question === null ? -1 : (index.questions.get(question)?.index ?? -2);
  if (wantedQuestion === -2 || limit <= 0) return [];
  const generations = index.questionIds.map((id) => (index.questions.get(id) as QuestionColumn).generation);
  // The best `limit` distinct answers so far, best first.
  const best: TopAnswer[] = [];
  for (const slot of index.slotsOf(theme.themeIds)) {
    const list = index.entries[slot];
    if (!list) continue;
    for (let at = 0; at < list.length; at++) {
      const row = list.rows[at] as number;
      if (((rows[row >>> 5] as number) & (1 << (row & 31))) === 0) continue;
      const q = list.questions[at] as number;
      if (wantedQuestion >= 0 && q !== wantedQuestion) continue;
      if ((generations[q] as Uint32Array)[row] !== list.generation[at]) continue;
      const confidence = list.confidence[at] as number;
      const worst = best[limit - 1];
      if (worst && confidence < worst.confidence) continue;
      const candidate: TopAnswer = { row, responseId: index.ids[row] as string, questionId: index.questionIds[q] as string, themeId: index.themeIds[slot] as string, confidence };
      const same = best.findIndex((b) => b.row === row && b.questionId === candidate.questionId);
      if (same >= 0) {
        if (byConfidence(candidate, best[same] as TopAnswer) >= 0) continue;
        best.splice(same, 1);
      }
      best.push(candidate);
      best.sort(byConfidence);
      if (best.length > limit) best.pop();
    }
  }
  return best;
}
