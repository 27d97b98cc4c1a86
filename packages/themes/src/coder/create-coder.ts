import { DEFAULT_CODEBOOK } from '../codebook/default-codebook';
import { type Codebook, codebookVersion } from '../codebook/types';
import { answerCertaintyOf, applyCalibration, calibrationFeatures, themeConfidence } from '../model/certainty';
import { allMargins, type LinearModels } from '../model/logistic';
import { importWeights, SAFEGUARDING_LABEL, type ThemeModel } from '../model/model-format';
import { priorOffsets } from '../model/train';
import { type Evidence, tidyEvidence } from './evidence';
import { modelEvidence } from './model-evidence';
import { pipelineFor } from './pipeline';
import type { Writer } from '../safeguarding/detector';
import { safeguardingCodeOf } from '../safeguarding/safeguarding-code';

export type Decision = 'yes' | 'no' | 'review';

export interface ThemeCode {
  id: string;
  /** How likely the theme applies; 0.5 is the decision boundary. */
  confidence: number;
  decision: Decision;
  evidence: Evidence[];
}

/**
 * How sure the disclosure detector is that an answer discloses harm:
 * `likely` answers go to the top of the safeguarding queue, `possible` ones
 * after them; both are read by a person.
 */
export type SafeguardingTier = 'likely' | 'possible';

export interface SafeguardingCode {
  /** True when a safeguarding lead should read the answer (either tier). */
  flag: boolean;
  tier: SafeguardingTier | null;
  confidence: number;
  /** The words that raised it. */
  evidence: Evidence[];
}

export interface Coding {
  themes: ThemeCode[];
  safeguarding: SafeguardingCode;
  /**
   * Probability that every theme decision is right: the product over themes
   * of 0.5 + |confidence − 0.5|. Answers are ranked by it for auto-coding.
   */
  certainty: number;
  /** True when the answer should go to an analyst rather than be auto-coded. */
  review: boolean;
  codebookVersion: string;
  /** "codebook-only" when no trained model was used. */
  modelVersion: string;
}

/** What is known about where an answer came from. */
export interface AnswerContext {
  /** The question it answers: "Is there anywhere you avoid going?" changes what a place name means. */
  question?: string;
  /**
   * Who wrote it, when the questionnaire says: "when i was 12" from a child
   * is still a disclosure to look at, from an adult it is their childhood.
   */
  writer?: Writer;
}

export interface Coder {
  code(text: string, context?: AnswerContext): Coding;
  readonly codebookVersion: string;
  readonly modelVersion: string;
}

export interface CoderOptions {
  codebook?: Codebook;
  model?: ThemeModel | null;
}

/** Codebook-only: rule scores inside this distance of 0.5 go to review. */
const CODEBOOK_REVIEW_BAND = 0.2;

function decide(confidence: number, band: number): Decision {
  if (Math.abs(confidence - 0.5) < band) return 'review';
  return confidence >= 0.5 ? 'yes' : 'no';
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A coder for one codebook and, optionally, a trained model. Without a model
 * it codes from the codebook's phrases alone; with one, the model corrects
 * the codebook using what analysts have labelled.
 */
export function createCoder(options: CoderOptions = {}): Coder {
  const codebook = options.codebook ?? DEFAULT_CODEBOOK;
  const pipeline = pipelineFor(codebook);
  const expectedLabels = [...pipeline.themeIds, SAFEGUARDING_LABEL].join(',');
  // A model trained on a different set of themes has misaligned rule
  // features; code from the codebook alone until it is retrained.
  const model = options.model && options.model.ruleFeatures.join(',') === expectedLabels ? options.model : null;
  const weights: LinearModels | null = model ? importWeights(model) : null;
  const labelIndex = new Map(model?.labels.map((id, k) => [id, k]) ?? []);
  const version = codebookVersion(codebook);
  const modelVersion = model?.version ?? 'codebook-only';

  function confidenceOf(margins: Float64Array | null, k: number): number {
    return sigmoid((margins?.[k] ?? 0) - ((model as ThemeModel).thresholds[k] as number));
  }

  /** Calibrated confidence (see certainty.ts); models without calibrators fall back to the raw sigmoid. */
  function themeConfidenceOf(margins: Float64Array | null, k: number, ruleScore: number): number {
    const calibrator = model?.calibration?.[k];
    if (!calibrator) return confidenceOf(margins, k);
    const relative = (margins?.[k] ?? 0) - ((model as ThemeModel).thresholds[k] as number);
    return themeConfidence(relative >= 0, applyCalibration(calibrator, calibrationFeatures(relative, ruleScore)));
  }

  function code(text: string, context: AnswerContext = {}): Coding {
    const answer = pipeline.analyse(text, context.question, context.writer);
    const offsets = priorOffsets(answer, pipeline.themeIds, model?.priorScale ?? 0);
    const margins = weights ? allMargins(weights, answer.features, offsets) : null;
    const raw: number[] = [];
    const themes = pipeline.themeIds.map((id): ThemeCode => {
      const rule = answer.rules.get(id);
      const k = labelIndex.get(id);
      if (!weights || !model || k === undefined) {
        const confidence = rule?.score ?? 0;
        raw.push(confidence);
        return { id, confidence: round(confidence), decision: decide(confidence, CODEBOOK_REVIEW_BAND), evidence: tidyEvidence(rule?.evidence ?? []) };
      }
      const confidence = themeConfidenceOf(margins, k, rule?.score ?? 0);
      raw.push(confidence);
      const decision = decide(confidence, model.reviewBand);
      const evidence = decision === 'no' ? [] : [...(rule?.evidence ?? []), ...modelEvidence(answer, weights, k)];
      return { id, confidence: round(confidence), decision, evidence: tidyEvidence(evidence) };
    });
    const certainty = answerCertaintyOf(raw);
    const autoCode = model?.autoCodeCertainty;
    const review = autoCode === undefined ? themes.some((t) => t.decision === 'review') : certainty < autoCode;
    return {
      themes,
      safeguarding: safeguardingCodeOf(answer.disclosure),
      certainty: Math.round(certainty * 1e6) / 1e6,
      review,
      codebookVersion: version,
      modelVersion
    };
  }

  return { code, codebookVersion: version, modelVersion };
}
