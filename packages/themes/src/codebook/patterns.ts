import { PorterStemmer } from '../text/natural';
import type { Token } from '../text/analyse';
import { expandContraction } from '../text/contractions';
import { DEFAULT_LEXICON } from '../text/slang-lexicon';

/** Words a pattern's `not` accepts (narrower than negation scope: "nothing, I feel safe" is not "not safe"). */
const PATTERN_NEGATIONS = new Set(['not', 'never', 'no', 'hardly']);
const MAX_GAP = 3;
const LONG_GAP = 6;
const DEFAULT_WEIGHT = 0.9;

type Element = { kind: 'word'; stems: Set<string>; prefixes: string[]; words: Set<string> } | { kind: 'gap'; max: number } | { kind: 'not' };

export interface CompiledPattern {
  themeId: string;
  source: string;
  weight: number;
  /** Evidence against the theme rather than for it. */
  against: boolean;
  /** Contains its own `not`, so negation scope does not cancel it. */
  hasNot: boolean;
  elements: Element[];
}

export interface PatternMatch {
  pattern: CompiledPattern;
  firstToken: number;
  lastToken: number;
  negated: boolean;
}

function canonicalStem(word: string): string {
  const expanded = expandContraction(word);
  const single = expanded.length === 1 ? (expanded[0] as string) : word;
  const mapped = DEFAULT_LEXICON.get(single)?.find((e) => e.variant.length === 1)?.canonical;
  return PorterStemmer.stem(mapped?.length === 1 ? (mapped[0] as string) : single);
}

/** Parses one seed phrase (syntax in types.ts) into a matcher. */
export function compilePattern(themeId: string, source: string, against = false): CompiledPattern {
  const weighted = /^(.*?)\s+@([0-9.]+)\s*$/.exec(source);
  const body = (weighted?.[1] ?? source).trim().toLowerCase();
  const weight = weighted?.[2] ? Number(weighted[2]) : DEFAULT_WEIGHT;
  if (!(weight > 0 && weight <= 1)) throw new Error(`Seed "${source}": weight must be in (0, 1]`);
  const elements: Element[] = body.split(/\s+/).map((part): Element => {
    if (part === '..') return { kind: 'gap', max: MAX_GAP };
    if (part === '...') return { kind: 'gap', max: LONG_GAP };
    if (part === 'not') return { kind: 'not' };
    const stems = new Set<string>();
    const prefixes: string[] = [];
    const words = new Set<string>();
    for (const alternative of part.split('|')) {
      if (alternative.endsWith('*')) prefixes.push(alternative.slice(0, -1));
      else if (alternative.startsWith('=')) words.add(alternative.slice(1));
      else stems.add(canonicalStem(alternative));
    }
    return { kind: 'word', stems, prefixes, words };
  });
  const edge = [elements[0], elements.at(-1)].find((e) => e?.kind === 'gap');
  if (edge?.kind === 'gap') {
    throw new Error(`Seed "${source}": "${edge.max === LONG_GAP ? '...' : '..'}" must sit between words`);
  }
  return { themeId, source, weight, against, hasNot: elements.some((e) => e.kind === 'not'), elements };
}

function elementMatches(element: Element, token: Token): boolean {
  if (token.boundary) return false;
  if (element.kind === 'not') return PATTERN_NEGATIONS.has(token.word);
  if (element.kind !== 'word') return false;
  return element.stems.has(token.stem) || element.words.has(token.word) || element.prefixes.some((p) => token.word.startsWith(p));
}

/** Index of the last token matched, or -1. Gaps never cross clause punctuation. */
function matchFrom(elements: Element[], e: number, tokens: Token[], t: number): number {
  const element = elements[e];
  if (!element) return t - 1;
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max; skip++) {
      const next = tokens[t + skip];
      if (!next) return -1;
      if (skip > 0 && next.boundary) return -1;
      const end = matchFrom(elements, e + 1, tokens, t + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[t];
  if (!token || !elementMatches(element, token)) return -1;
  return matchFrom(elements, e + 1, tokens, t + 1);
}

const PREFIX_KEY = 3;
const NOT_KEY = '#not';

function push(map: Map<string, number[]>, key: string, pattern: number): void {
  const list = map.get(key);
  if (list) list.push(pattern);
  else map.set(key, [pattern]);
}

/**
 * All seed patterns of a codebook, indexed by their first element (a stem,
 * the opening letters of a prefix, or negation) so each token only tries the
 * patterns that could start there.
 */
export class PatternSet {
  private readonly byStem = new Map<string, number[]>();
  private readonly byOpening = new Map<string, number[]>();
  private readonly scanned: number[] = [];
  // A pattern can be listed under both its stem and its prefix opening; it is
  // tried once per token, which the stamp records without a set per token.
  private readonly triedAt: Uint32Array;
  private stamp = 0;

  constructor(readonly patterns: CompiledPattern[]) {
    this.triedAt = new Uint32Array(patterns.length);
    patterns.forEach((pattern, i) => {
      const first = pattern.elements[0];
      if (first?.kind === 'not') {
        push(this.byStem, NOT_KEY, i);
        return;
      }
      if (first?.kind !== 'word') return;
      if (first.prefixes.some((p) => p.length < PREFIX_KEY)) {
        this.scanned.push(i);
        return;
      }
      for (const stem of first.stems) push(this.byStem, stem, i);
      // An exact word is found through its stem, then checked whole.
      for (const word of first.words) push(this.byStem, PorterStemmer.stem(word), i);
      const openings = new Set(first.prefixes.map((p) => p.slice(0, PREFIX_KEY)));
      for (const opening of openings) push(this.byOpening, opening, i);
    });
  }

  match(tokens: Token[]): PatternMatch[] {
    const matches: PatternMatch[] = [];
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as Token;
      if (token.boundary) continue;
      this.stamp = (this.stamp + 1) >>> 0 || 1;
      this.tryAll(this.byStem.get(token.stem), tokens, t, matches);
      this.tryAll(this.byOpening.get(token.word.slice(0, PREFIX_KEY)), tokens, t, matches);
      if (PATTERN_NEGATIONS.has(token.word)) this.tryAll(this.byStem.get(NOT_KEY), tokens, t, matches);
      this.tryAll(this.scanned, tokens, t, matches);
    }
    return matches;
  }

  private tryAll(candidates: number[] | undefined, tokens: Token[], t: number, out: PatternMatch[]): void {
    if (!candidates) return;
    for (const i of candidates) {
      if (this.triedAt[i] === this.stamp) continue;
      this.triedAt[i] = this.stamp;
      const pattern = this.patterns[i] as CompiledPattern;
      const last = matchFrom(pattern.elements, 0, tokens, t);
      if (last < 0) continue;
      const negated = !pattern.hasNot && (tokens[t] as Token).negated;
      out.push({ pattern, firstToken: t, lastToken: last, negated });
    }
  }
}
