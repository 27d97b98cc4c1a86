// Perception-of-safety measures over an ExploreIndex: for one closed
// question (a dimension), the respondents in the measure's base and those
// whose answer counts towards its headline, e.g. "very or fairly safe".
import { type Bitset, emptyBitset, setBit } from './bitset';
import type { ExploreIndex } from './explore-index';

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
// a measure's rows stay right until the index grows.
const held = new WeakMap<ExploreIndex, Map<string, { size: number; rows: MeasureRows }>>();

/** Which respondents of the whole index are in the measure's base, and which count. */
export function measureRows(index: ExploreIndex, rule: MeasureRule): MeasureRows {
  const key = JSON.stringify([rule.dimension, rule.counts, rule.notInBase]);
  let forIndex = held.get(index);
  if (!forIndex) held.set(index, (forIndex = new Map()));
  const known = forIndex.get(key);
  if (known && known.size === index.size) return known.rows;
  const rows = readMeasureRows(index, rule);
  forIndex.set(key, { size: index.size, rows });
  return rows;
}

function readMeasureRows(index: ExploreIndex, rule: MeasureRule): MeasureRows {
  const base = emptyBitset(index.size);
  const counted = emptyBitset(index.size);
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
    for (let row = 0; row < index.size; row++) {
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
  for (let row = 0; row < index.size; row++) {
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
