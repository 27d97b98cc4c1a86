import { PorterStemmer } from './natural';
import { expandContraction } from './contractions';
import { markNegation } from './negation';
import { DEFAULT_LEXICON, type Lexicon } from './slang-lexicon';
import type { SpellingCorrector } from './spelling';

/** One word of an answer, in canonical form, tied to where it was written. */
export interface Token {
  /** Canonical lower-case word after contractions, slang and spelling. */
  word: string;
  /** Porter stem of `word`; empty for punctuation. */
  stem: string;
  /** Character offsets into the original answer text. */
  start: number;
  end: number;
  /** Punctuation that ends a clause: phrases and negation do not cross it. */
  boundary: boolean;
  /** Inside the scope of a negation ("not", "never", "no one"…). */
  negated: boolean;
}

// Words (with inner apostrophes, hyphens, ampersands) or clause punctuation.
// Read with matchAll, which gives each piece's offset and simply finds nothing
// in an answer of "-" or emoji (natural's RegexpTokenizer returns null there).
const WORD_OR_PUNCTUATION = /[\p{L}\p{N}£]+(?:['\-&][\p{L}\p{N}]+)*|[.,;:!?()"…]/gu;

// Same-length replacements keep every offset valid for the original text.
const CHARACTER_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00A0': ' '
};

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(word);
    if (stemCache.size > 100_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Lower-cases and folds typographic characters without changing length. */
export function foldCharacters(text: string): string {
  let folded = '';
  for (const char of text) {
    const mapped = CHARACTER_MAP[char] ?? char.toLowerCase();
    folded += mapped.length === char.length ? mapped : char;
  }
  return folded;
}

interface RawWord {
  word: string;
  start: number;
  end: number;
}

/** Splits "yr9"/"y10" into "year 9" and "self-harmed" into "self harmed", and expands contractions. */
function expandWord(token: string): string[] {
  const year = /^(?:y|yr|year)(\d{1,2})$/.exec(token);
  if (year?.[1]) return ['year', year[1]];
  // "self-harmed", "self-harming", "self-destructive": the same words as "self harmed".
  const self = /^self-(\p{L}+)$/u.exec(token);
  if (self?.[1]) return ['self', self[1]];
  return expandContraction(token);
}

export interface AnalyserOptions {
  lexicon?: Lexicon;
  corrector?: SpellingCorrector | null;
}

/** Turns answer text into canonical, stemmed tokens with original offsets. */
export class Analyser {
  private readonly lexicon: Lexicon;
  private readonly corrector: SpellingCorrector | null;

  constructor(options: AnalyserOptions = {}) {
    this.lexicon = options.lexicon ?? DEFAULT_LEXICON;
    this.corrector = options.corrector ?? null;
  }

  analyse(text: string): Token[] {
    const folded = foldCharacters(text);
    const words: RawWord[] = [];
    for (const match of folded.matchAll(WORD_OR_PUNCTUATION)) {
      const piece = match[0];
      const start = match.index;
      const end = start + piece.length;
      for (const word of expandWord(piece)) words.push({ word, start, end });
    }
    const tokens = this.applyLexicon(words);
    markNegation(tokens);
    return tokens;
  }

  /** Replaces slang and misspellings (longest variant first), then stems. */
  private applyLexicon(words: RawWord[]): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < words.length) {
      const current = words[i] as RawWord;
      const entry = this.lexicon.get(current.word)?.find((e) => e.variant.every((v, k) => words[i + k]?.word === v));
      if (entry) {
        const last = words[i + entry.variant.length - 1] as RawWord;
        for (const word of entry.canonical) tokens.push(makeToken(word, current.start, last.end));
        i += entry.variant.length;
        continue;
      }
      const word = this.corrector ? this.corrector.correct(current.word) : current.word;
      tokens.push(makeToken(word, current.start, current.end));
      i += 1;
    }
    return tokens;
  }
}

function makeToken(word: string, start: number, end: number): Token {
  const boundary = !/[\p{L}\p{N}]/u.test(word);
  return { word, stem: boundary ? '' : stem(word), start, end, boundary, negated: false };
}
