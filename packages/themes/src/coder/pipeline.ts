import { DEFAULT_CODEBOOK } from '../codebook/default-codebook.js';
import type { Codebook } from '../codebook/types.js';
import { extractFeatures, type SparseVector } from '../model/features.js';
import { ruleSafeguarding } from '../safeguarding/rule-flag.js';
import { HARM_CUES } from '../safeguarding/cues.js';
import { Analyser, type Token } from '../text/analyse.js';
import { DEFAULT_LEXICON } from '../text/slang-lexicon.js';
import { SpellingCorrector } from '../text/spelling.js';
import { CodebookScorer, type RuleScore } from './codebook-scorer.js';
import type { Evidence } from './evidence.js';

/** Everything known about one answer before any model is applied. */
export interface AnalysedAnswer {
  text: string;
  tokens: Token[];
  rules: Map<string, RuleScore>;
  safeguardingRule: { score: number; evidence: Evidence[] };
  features: SparseVector;
}

/** Text → tokens → codebook scores → features, for one codebook. */
export class Pipeline {
  readonly scorer: CodebookScorer;
  readonly analyser: Analyser;
  /** Theme ids in feature order; rule feature `themeIds.length` is safeguarding. */
  readonly themeIds: string[];

  constructor(readonly codebook: Codebook) {
    this.scorer = new CodebookScorer(codebook);
    this.themeIds = this.scorer.themeIds;
    const vocabulary = new Set(this.scorer.vocabulary());
    for (const cue of HARM_CUES) for (const word of cue.split(/[\s|]+/)) if (/^[a-z]+$/.test(word)) vocabulary.add(word);
    for (const entries of DEFAULT_LEXICON.values()) for (const e of entries) for (const w of e.canonical) vocabulary.add(w);
    this.analyser = new Analyser({ corrector: new SpellingCorrector(vocabulary) });
  }

  analyse(text: string): AnalysedAnswer {
    const tokens = this.analyser.analyse(text);
    const rules = this.scorer.score(tokens, text);
    const safeguardingRule = ruleSafeguarding(tokens, text);
    const ruleScores = this.themeIds.map((id) => rules.get(id)?.score ?? 0);
    ruleScores.push(safeguardingRule.score);
    return { text, tokens, rules, safeguardingRule, features: extractFeatures(tokens, ruleScores) };
  }
}

const pipelines = new WeakMap<Codebook, Pipeline>();

/** One pipeline per codebook object (compiling patterns is not free). */
export function pipelineFor(codebook: Codebook = DEFAULT_CODEBOOK): Pipeline {
  let pipeline = pipelines.get(codebook);
  if (!pipeline) {
    pipeline = new Pipeline(codebook);
    pipelines.set(codebook, pipeline);
  }
  return pipeline;
}
