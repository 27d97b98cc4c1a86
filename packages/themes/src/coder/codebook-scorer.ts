import { type CompiledPattern, compilePattern, type PatternMatch, PatternSet } from '../codebook/patterns';
import { activeThemes, type Codebook } from '../codebook/types';
import type { Token } from '../text/analyse';
import { combineWeights, type Evidence, evidenceOf } from './evidence';

export interface RuleScore {
  /** Codebook-only confidence in [0, 1]. */
  score: number;
  evidence: Evidence[];
}

/** Scores every active theme from the codebook's seed phrases alone. */
export class CodebookScorer {
  readonly themeIds: string[];
  private readonly patterns: PatternSet;
  private readonly negatable = new Map<string, boolean>();
  private readonly questionPatterns: PatternSet;

  constructor(codebook: Codebook) {
    const themes = activeThemes(codebook);
    this.themeIds = themes.map((t) => t.id);
    const compiled: CompiledPattern[] = [];
    const questionCues: CompiledPattern[] = [];
    for (const theme of themes) {
      this.negatable.set(theme.id, theme.negatable);
      for (const seed of theme.seeds) compiled.push(compilePattern(theme.id, seed));
      for (const seed of theme.against) compiled.push(compilePattern(theme.id, seed, true));
      for (const cue of theme.questionCues) questionCues.push(compilePattern(theme.id, cue));
    }
    this.patterns = new PatternSet(compiled);
    this.questionPatterns = new PatternSet(questionCues);
  }

  /** Words the seed phrases name, for spelling correction to aim at. */
  vocabulary(): string[] {
    return this.patterns.patterns.flatMap((p) => p.source.replace(/@[0-9.]+/, '').split(/[\s|]+/)).filter((w) => /^[a-z]+$/.test(w));
  }

  score(tokens: Token[], text: string, question: Token[] = []): Map<string, RuleScore> {
    const support = new Map<string, Map<string, number>>();
    const against = new Map<string, Map<string, number>>();
    const evidence = new Map<string, Evidence[]>();
    if (question.length > 0 && !isRefusal(tokens)) {
      for (const match of this.questionPatterns.match(question)) {
        const weights = support.get(match.pattern.themeId) ?? new Map<string, number>();
        weights.set(`question:${match.pattern.source}`, match.pattern.weight);
        support.set(match.pattern.themeId, weights);
      }
    }
    for (const match of this.patterns.match(tokens)) {
      const { themeId, source, weight } = match.pattern;
      if (match.negated && this.negatable.get(themeId)) continue;
      const bucket = match.pattern.against ? against : support;
      // Each phrase counts once, however often it is repeated.
      const weights = bucket.get(themeId) ?? new Map<string, number>();
      weights.set(source, weight);
      bucket.set(themeId, weights);
      if (!match.pattern.against) pushEvidence(evidence, themeId, match, tokens, text);
    }
    const scores = new Map<string, RuleScore>();
    for (const id of this.themeIds) {
      const forIt = combineWeights(support.get(id)?.values() ?? []);
      const againstIt = combineWeights(against.get(id)?.values() ?? []);
      scores.set(id, { score: forIt * (1 - againstIt), evidence: evidence.get(id) ?? [] });
    }
    return scores;
  }
}

// Answers that decline the question ("Nowhere.", "no", "not really tbh").
const REFUSALS = new Set(['no', 'not', 'nowhere', 'nothing', 'none', 'never', 'nah', 'nope', 'n/a', 'na']);

function isRefusal(tokens: Token[]): boolean {
  const words = tokens.filter((t) => !t.boundary);
  const first = words[0];
  if (!first) return true;
  if (REFUSALS.has(first.word)) return true;
  // "i do not know", "idk", "i go everywhere".
  const text = words.map((t) => t.word).join(' ');
  return /^(i do not know|dunno|i go (everywhere|anywhere|wherever|where i want))/.test(text);
}

function pushEvidence(map: Map<string, Evidence[]>, id: string, match: PatternMatch, tokens: Token[], text: string) {
  const list = map.get(id) ?? [];
  list.push(evidenceOf(match, tokens, text));
  map.set(id, list);
}
