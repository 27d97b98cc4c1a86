// Counting many populations over one classification of the rows. The rows
// are sorted once into runs, a run being one word of a bitset and the rows in
// it of one class; then a population's count in every class is a popcount
// per run, and rows that come in order (by week, by school) make few runs.
// A small population is quicker counted row by row, when each row has one
// class: both ways are kept, and the cheaper one is taken.
import { type Bitset, popcount32 } from './bitset';

export interface Runs {
  length: number;
  words: Int32Array;
  classes: Int32Array;
  bits: Int32Array;
  /** Classes are 0 … classCount − 1. */
  classCount: number;
  /** When each row has at most one class: the class of each row, −1 for none. */
  classOf: Int32Array | null;
  /** No runs were made: count row by row. */
  rowByRow?: boolean;
}

/** Room for more runs. */
function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}

/**
 * Runs of the rows in `candidates` (every row when null); `classesOf` puts a
 * row's classes (at most `perRow`) in `out` and says how many: none leaves
 * it out, several count it in each.
 */
export function runsOf(size: number, candidates: Bitset | null, classCount: number, classesOf: (row: number, out: Int32Array) => number, perRow = 1): Runs {
  let capacity = 256;
  let words: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let classes: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let bits: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let length = 0;
  const out = new Int32Array(perRow);
  const inWord: number[] = [];
  const bitsInWord: number[] = [];
  const limit = (size + 31) >>> 5;
  const spare = size & 31;
  for (let w = 0; w < limit; w++) {
    let rows = candidates ? ((candidates[w] as number | undefined) ?? 0) : -1;
    if (w === limit - 1 && spare !== 0) rows &= (1 << spare) - 1;
    if (rows === 0) continue;
    inWord.length = 0;
    bitsInWord.length = 0;
    while (rows !== 0) {
      const low = rows & -rows;
      rows ^= low;
      const n = classesOf((w << 5) + 31 - Math.clz32(low), out);
      for (let i = 0; i < n; i++) {
        const c = out[i] as number;
        const at = inWord.indexOf(c);
        if (at >= 0) bitsInWord[at] = (bitsInWord[at] as number) | low;
        else {
          inWord.push(c);
          bitsInWord.push(low);
        }
      }
    }
    if (length + inWord.length > capacity) {
      capacity = Math.max(capacity * 2, length + inWord.length);
      words = grown(words, capacity);
      classes = grown(classes, capacity);
      bits = grown(bits, capacity);
    }
    for (let i = 0; i < inWord.length; i++) {
      words[length] = w;
      classes[length] = inWord[i] as number;
      bits[length] = bitsInWord[i] as number;
      length++;
    }
  }
  return { length, words, classes, bits, classCount, classOf: null };
}

/** About how many runs a word makes, from words spread over the array. */
function runsPerWord(classOf: Int32Array): number {
  const words = (classOf.length + 31) >>> 5;
  const step = Math.max(1, Math.floor(words / 256));
  let runs = 0;
  let sampled = 0;
  const seen = new Set<number>();
  for (let w = 0; w < words; w += step) {
    seen.clear();
    for (let row = w << 5, end = Math.min(classOf.length, row + 32); row < end; row++) if ((classOf[row] as number) >= 0) seen.add(classOf[row] as number);
    runs += seen.size;
    sampled++;
  }
  return sampled === 0 ? 0 : runs / sampled;
}

/**
 * Runs of rows that have one class each (or −1, none), given as an array.
 * When the classes are so mixed that there would be nearly a run per row,
 * none are made: every population is then counted row by row.
 */
export function runsOfClasses(classOf: Int32Array, classCount: number): Runs {
  if (runsPerWord(classOf) > 8) return { length: 0, words: new Int32Array(0), classes: new Int32Array(0), bits: new Int32Array(0), classCount, classOf, rowByRow: true };
  const size = classOf.length;
  let capacity = Math.max(256, size >>> 3);
  let words: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let classes: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let bits: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let length = 0;
  // Where each class's run for the current word is, valid when seenIn[class] is that word.
  const seenIn = new Int32Array(classCount).fill(-1);
  const runAt = new Int32Array(classCount);
  for (let w = 0, limit = (size + 31) >>> 5; w < limit; w++) {
    const first = w << 5;
    const rows = Math.min(32, size - first);
    if (length + rows > capacity) {
      capacity = Math.max(capacity * 2, length + rows);
      words = grown(words, capacity);
      classes = grown(classes, capacity);
      bits = grown(bits, capacity);
    }
    for (let b = 0; b < rows; b++) {
      const c = classOf[first + b] as number;
      if (c < 0) continue;
      if (seenIn[c] !== w) {
        seenIn[c] = w;
        runAt[c] = length;
        words[length] = w;
        classes[length] = c;
        bits[length] = 0;
        length++;
      }
      const at = runAt[c] as number;
      bits[at] = (bits[at] as number) | (1 << b);
    }
  }
  return { length, words, classes, bits, classCount, classOf, rowByRow: false };
}

/** How many of `population` (and of `also`, when given) are in each class. */
export function countRuns(runs: Runs, population: Bitset, also: Bitset | null = null): Float64Array {
  const counts = new Float64Array(runs.classCount);
  const other = also ?? population;
  const limit = Math.min(population.length, other.length, runs.classOf ? (runs.classOf.length + 31) >>> 5 : population.length);
  if (runs.classOf) {
    // Row by row when there are fewer rows than runs; counting stops once that is known to be false.
    let size = 0;
    if (!runs.rowByRow) for (let w = 0; w < limit && size < runs.length; w++) size += popcount32((population[w] as number) & (other[w] as number));
    if (runs.rowByRow || size < runs.length) {
      const classOf = runs.classOf;
      for (let w = 0; w < limit; w++) {
        for (let rows = (population[w] as number) & (other[w] as number); rows !== 0; ) {
          const low = rows & -rows;
          rows ^= low;
          const c = classOf[(w << 5) + 31 - Math.clz32(low)] as number;
          if (c >= 0) counts[c] = (counts[c] as number) + 1;
        }
      }
      return counts;
    }
  }
  const { words, classes, bits } = runs;
  for (let r = 0; r < runs.length; r++) {
    const w = words[r] as number;
    if (w >= limit) continue;
    const p = (population[w] as number) & (other[w] as number);
    if (p === 0) continue;
    const c = classes[r] as number;
    counts[c] = (counts[c] as number) + popcount32(p & (bits[r] as number));
  }
  return counts;
}
