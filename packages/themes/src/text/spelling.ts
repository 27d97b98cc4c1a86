import { DamerauLevenshteinDistance, Metaphone } from './natural';
import { COMMON_WORDS } from './common-words';
import { isEnglishWord } from './dictionary';

const metaphone = new Metaphone();
const CACHE_LIMIT = 50_000;

/**
 * Corrects misspellings of the words the codebook cares about ("exlooded",
 * "polise", "frend"). Only words we do not recognise are touched, and only
 * towards a word that sounds the same (Metaphone) or differs by one edit, so
 * ordinary English is left alone.
 */
export class SpellingCorrector {
  private readonly targets: Set<string>;
  private readonly bySound = new Map<string, string[]>();
  private readonly byInitial = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(targetWords: Iterable<string>) {
    this.targets = new Set([...targetWords].filter((w) => /^[a-z]+$/.test(w) && w.length >= 4));
    for (const word of this.targets) {
      push(this.bySound, metaphone.process(word), word);
      push(this.byInitial, word.slice(0, 1), word);
    }
  }

  /** The intended codebook word, or the token unchanged. */
  correct(token: string): string {
    if (token.length < 4 || this.targets.has(token) || COMMON_WORDS.has(token) || !/^[a-z]+$/.test(token)) {
      return token;
    }
    let corrected = this.cache.get(token);
    if (corrected === undefined) {
      corrected = isEnglishWord(token) ? null : this.search(token);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(token, corrected);
    }
    return corrected ?? token;
  }

  private search(token: string): string | null {
    let best: string | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    const consider = (word: string, allowed: number) => {
      if (Math.abs(word.length - token.length) > allowed) return;
      const distance = DamerauLevenshteinDistance(token, word);
      if (distance <= allowed && distance < bestDistance) {
        best = word;
        bestDistance = distance;
      }
    };
    // Sounds the same: one edit for short words ("nife" → "knife"), two for
    // longer ones ("kidnapers" → "kidnappers" is one; "fiting" → "fighting").
    for (const word of this.bySound.get(metaphone.process(token)) ?? []) consider(word, token.length >= 6 ? 2 : 1);
    // Looks the same: one edit, or two for long words sharing their opening
    // ("exlooded" → "excluded").
    for (const word of this.byInitial.get(token.slice(0, 1)) ?? []) {
      if (token.length >= 8 && word.slice(0, 2) === token.slice(0, 2)) consider(word, 2);
      else if (token.length >= 5) consider(word, 1);
    }
    return best;
  }
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}
