import { DEFAULT_CODEBOOK } from '../codebook/default-codebook';
import type { Codebook } from '../codebook/types';
import { extractFeatures, type SparseVector } from '../model/features';
import { type Disclosure, detectDisclosure, detectorVocabulary, type Writer } from '../safeguarding/detector';
import { Analyser, type Token } from '../text/analyse';
import { DEFAULT_LEXICON } from '../text/slang-lexicon';
import { SpellingCorrector } from '../text/spelling';
import { CodebookScorer, type RuleScore } from './codebook-scorer';

// Whole words that codebook phrases only name by prefix ("exclu*"), so that
// spelling correction has something to aim at.
const EXTRA_TARGETS = [
  'excluded',
  'exclusion',
  'excluding',
  'expelled',
  'suspended',
  'suspension',
  'truanting',
  'harassment',
  'harassed',
  'stabbing',
  'stabbed',
  'weapons',
  'racism',
  'homophobic',
  'transphobic',
  'groomed',
  'exploited',
  'anxiety',
  'depression',
  'depressed',
  'counselling',
  'vandalism',
  'graffiti',
  'underpass',
  'alleyway',
  'frightened',
  'terrified',
  'intimidating',
  'misogyny',
  'catcalling',
  'discrimination',
  'disproportionate'
];

/** Everything known about one answer before any model is applied. */
export interface AnalysedAnswer {
  text: string;
  tokens: Token[];
  rules: Map<string, RuleScore>;
  /** What the disclosure detector found (safeguarding/detector.ts). */
  disclosure: Disclosure;
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
    const vocabulary = new Set([...this.scorer.vocabulary(), ...EXTRA_TARGETS]);
    for (const word of detectorVocabulary()) vocabulary.add(word);
    for (const entries of DEFAULT_LEXICON.values()) for (const e of entries) for (const w of e.canonical) vocabulary.add(w);
    this.analyser = new Analyser({ corrector: new SpellingCorrector(vocabulary) });
  }

  private readonly questions = new Map<string, Token[]>();

  /** Questions repeat across thousands of answers, so they are analysed once. */
  private analyseQuestion(question: string | undefined): Token[] {
    if (!question) return [];
    let tokens = this.questions.get(question);
    if (!tokens) {
      tokens = this.analyser.analyse(question);
      if (this.questions.size > 1000) this.questions.clear();
      this.questions.set(question, tokens);
    }
    return tokens;
  }

  analyse(text: string, question?: string, writer: Writer = 'unknown'): AnalysedAnswer {
    const tokens = this.analyser.analyse(text);
    const questionTokens = this.analyseQuestion(question);
    const rules = this.scorer.score(tokens, text, questionTokens);
    const disclosure = detectDisclosure(tokens, text, writer);
    const ruleScores = this.themeIds.map((id) => rules.get(id)?.score ?? 0);
    ruleScores.push(disclosure.score);
    return { text, tokens, rules, disclosure, features: extractFeatures(tokens, ruleScores, questionTokens) };
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
