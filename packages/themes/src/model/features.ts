import type { Token } from '../text/analyse.js';

/** A sparse feature vector: parallel arrays of indices and values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

export const HASH_BITS = 18;
const HASH_SIZE = 1 << HASH_BITS;

// 32-bit FNV-1a: hashing keeps the model free of training vocabulary.
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (HASH_SIZE - 1);
}

/** Index of the dense block that holds codebook rule scores. */
export function ruleFeatureIndex(position: number): number {
  return HASH_SIZE + position;
}

export function featureDimension(ruleFeatures: number): number {
  return HASH_SIZE + ruleFeatures;
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'im']);

/**
 * Stemmed words (marked when negated), word bigrams, character 3- and
 * 4-grams of canonical words (robust to spelling), first-person cues and the
 * question's words; then the codebook's rule scores as dense extra features.
 */
export function extractFeatures(tokens: Token[], ruleScores: number[], question: Token[] = []): SparseVector {
  const seen = new Set<number>();
  // The question's words, so the model can learn what each question invites.
  for (const token of question) if (!token.boundary) seen.add(hashFeature(`q:${token.stem}`));
  let previous = '';
  let firstPerson = 0;
  for (const token of tokens) {
    if (token.boundary) {
      previous = '';
      continue;
    }
    seen.add(hashFeature(`u:${token.stem}`));
    if (token.negated) seen.add(hashFeature(`n:${token.stem}`));
    if (previous) seen.add(hashFeature(`b:${previous} ${token.stem}`));
    previous = token.stem;
    if (FIRST_PERSON.has(token.word)) firstPerson += 1;
    const padded = `<${token.word}>`;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) seen.add(hashFeature(`c:${padded.slice(i, i + n)}`));
    }
  }
  if (firstPerson > 0) seen.add(hashFeature('fp:any'));
  if (firstPerson > 2) seen.add(hashFeature('fp:many'));
  const indices = [...seen];
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
