import type { Token } from '../text/analyse';

/** A sparse feature vector: parallel arrays of indices and values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

export const HASH_BITS = 18;
const HASH_SIZE = 1 << HASH_BITS;

// 32-bit FNV-1a: hashing keeps the model free of training vocabulary.
const FNV_OFFSET = 0x811c9dc5;

function fnv(h: number, text: string, from: number, to: number): number {
  let state = h;
  for (let i = from; i < to; i++) {
    state ^= text.charCodeAt(i);
    state = Math.imul(state, 0x01000193);
  }
  return state;
}

export function hashFeature(feature: string): number {
  return (fnv(FNV_OFFSET, feature, 0, feature.length) >>> 0) & (HASH_SIZE - 1);
}

// Hash state after "c:", so character n-grams hash without building strings.
const CHAR_GRAM_STATE = fnv(FNV_OFFSET, 'c:', 0, 2);

/** Index of the dense block that holds codebook rule scores. */
export function ruleFeatureIndex(position: number): number {
  return HASH_SIZE + position;
}

export function featureDimension(ruleFeatures: number): number {
  return HASH_SIZE + ruleFeatures;
}

/** Distinct values in ascending order (a typed sort beats a Set here). */
function uniqueSorted(values: number[]): number[] {
  const sorted = Int32Array.from(values).sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i] as number);
  return unique;
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'im']);

/**
 * Stemmed words (marked when negated), word bigrams, character 3- and
 * 4-grams of canonical words (robust to spelling), first-person cues and the
 * question's words; then the codebook's rule scores as dense extra features.
 */
export function extractFeatures(tokens: Token[], ruleScores: number[], question: Token[] = []): SparseVector {
  const seen: number[] = [];
  // The question's words, so the model can learn what each question invites.
  for (const token of question) if (!token.boundary) seen.push(hashFeature(`q:${token.stem}`));
  let previous = '';
  let firstPerson = 0;
  for (const token of tokens) {
    if (token.boundary) {
      previous = '';
      continue;
    }
    seen.push(hashFeature(`u:${token.stem}`));
    if (token.negated) seen.push(hashFeature(`n:${token.stem}`));
    if (previous) seen.push(hashFeature(`b:${previous} ${token.stem}`));
    previous = token.stem;
    if (FIRST_PERSON.has(token.word)) firstPerson += 1;
    const padded = `<${token.word}>`;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) seen.push((fnv(CHAR_GRAM_STATE, padded, i, i + n) >>> 0) & (HASH_SIZE - 1));
    }
  }
  if (firstPerson > 0) seen.push(hashFeature('fp:any'));
  if (firstPerson > 2) seen.push(hashFeature('fp:many'));
  const indices = uniqueSorted(seen);
  // L2-normalised binary bag, so long answers do not dominate.
  const scale = indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0;
  const values = indices.map(() => scale);
  ruleScores.forEach((score, position) => {
    if (score > 0) {
      indices.push(ruleFeatureIndex(position));
      values.push(score);
    }
  });
  return { indices, values };
}
