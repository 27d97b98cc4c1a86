import { DEFAULT_CODEBOOK } from '../codebook/default-codebook';
import type { Writer } from '../safeguarding/detector';
import { type Codebook, codebookVersion } from '../codebook/types';
import { type AnalysedAnswer, pipelineFor } from '../coder/pipeline';
import { groupedFoldAssignment } from '../eval/folds';
import { autoCodeThreshold, bestF1Threshold, recallThreshold, reviewBandFor } from './calibrate';
import { answerCertaintyOf, applyCalibration, calibrationFeatures, fitThemeCalibrators, themeConfidence } from './certainty';
import { featureDimension, HASH_BITS } from './features';
import { DEFAULT_LOGISTIC, type LinearModels, type LogisticOptions, margin, trainLogistic } from './logistic';
import { exportWeights, modelVersionOf, SAFEGUARDING_LABEL, type ThemeModel } from './model-format';
import { runInSlices, runToEnd, type Steps } from './steps';

/** An answer an analyst has coded (or corrected). */
export interface TrainingExample {
  text: string;
  /** The survey question the answer responds to, when known. */
  question?: string;
  /** Who wrote it, when known (see AnswerContext). */
  writer?: Writer;
  /**
   * Answers of one group (one published source, one school) are held out
   * together when thresholds are calibrated, so the claimed precision of
   * auto-coding is measured on writers the inner model did not see.
   */
  group?: string;
  themes: string[];
  safeguarding?: boolean;
}

export interface TrainOptions {
  /** Inner folds used to calibrate thresholds; 0 skips calibration. */
  calibrationFolds?: number;
  /** Recall the safeguarding threshold must keep on held-out answers. */
  safeguardingRecall?: number;
  logistic?: Partial<LogisticOptions>;
  /** Weight of the codebook's opinion: the prior margin is priorScale × (score − 0.5). */
  priorScale?: number;
}

// Trained on one set of writers and tested on another, 12 held up best (8 and 24 fitted the training writers too closely).
export const DEFAULT_PRIOR_SCALE = 12;

interface Prepared {
  labels: string[];
  /** Inner-fold number of each example (groups kept together). */
  folds: number[];
  xs: AnalysedAnswer['features'][];
  targets: Uint8Array[];
  offsets: Float64Array[];
  /** Codebook rule score per label (themes, then safeguarding). */
  rules: Float64Array[];
  dimension: number;
}

/** Follows merges, so answers coded with a merged theme train its successor. */
function resolveTheme(codebook: Codebook, id: string): string {
  const theme = codebook.themes.find((t) => t.id === id);
  return theme?.mergedInto ? resolveTheme(codebook, theme.mergedInto) : id;
}

export function priorOffsets(answer: AnalysedAnswer, themeIds: string[], scale: number): Float64Array {
  const offsets = new Float64Array(themeIds.length + 1);
  themeIds.forEach((id, k) => {
    offsets[k] = scale * ((answer.rules.get(id)?.score ?? 0) - 0.5);
  });
  offsets[themeIds.length] = scale * (answer.disclosure.score - 0.5);
  return offsets;
}

// Answers analysed between chances to pause (each takes well under a millisecond).
const STEP_EXAMPLES = 32;

function* prepare(examples: TrainingExample[], codebook: Codebook, scale: number, folds: number): Steps<Prepared> {
  const pipeline = pipelineFor(codebook);
  const labels = [...pipeline.themeIds, SAFEGUARDING_LABEL];
  const xs: Prepared['xs'] = [];
  const targets: Uint8Array[] = [];
  const offsets: Float64Array[] = [];
  const rules: Float64Array[] = [];
  for (const [n, example] of examples.entries()) {
    if (n % STEP_EXAMPLES === STEP_EXAMPLES - 1) yield;
    const answer = pipeline.analyse(example.text, example.question, example.writer);
    const themes = new Set(example.themes.map((id) => resolveTheme(codebook, id)));
    const target = new Uint8Array(labels.length);
    pipeline.themeIds.forEach((id, k) => {
      target[k] = themes.has(id) ? 1 : 0;
    });
    target[labels.length - 1] = example.safeguarding ? 1 : 0;
    xs.push(answer.features);
    targets.push(target);
    offsets.push(priorOffsets(answer, pipeline.themeIds, scale));
    rules.push(Float64Array.from([...pipeline.themeIds.map((id) => answer.rules.get(id)?.score ?? 0), answer.disclosure.score]));
  }
  const grouped = examples.some((e) => e.group !== undefined);
  const foldOf = grouped
    ? groupedFoldAssignment(
        examples.map((e) => e.group),
        Math.max(2, folds),
        1
      )
    : examples.map((_, i) => i % Math.max(2, folds));
  return { labels, folds: foldOf, xs, targets, offsets, rules, dimension: featureDimension(labels.length) };
}

function fit(data: Prepared, rows: number[], options: LogisticOptions): Steps<LinearModels> {
  return trainLogistic(
    rows.map((i) => data.xs[i] as Prepared['xs'][number]),
    rows.map((i) => data.targets[i] as Uint8Array),
    rows.map((i) => data.offsets[i] as Float64Array),
    data.dimension,
    options
  );
}

/** Out-of-fold margins for every example and label. */
function* outOfFoldMargins(data: Prepared, folds: number, options: LogisticOptions): Steps<number[][]> {
  const n = data.xs.length;
  const result: number[][] = Array.from({ length: n }, () => []);
  for (let f = 0; f < folds; f++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < n; i++) (data.folds[i] === f ? testRows : trainRows).push(i);
    const models = yield* fit(data, trainRows, options);
    for (const i of testRows) {
      const offsets = data.offsets[i] as Float64Array;
      result[i] = data.labels.map((_, k) => margin(models, data.xs[i] as Prepared['xs'][number], k, offsets[k] as number));
    }
  }
  return result;
}

/**
 * Trains a model from analyst-coded answers. The codebook's rule scores are
 * both a fixed prior margin and features, so with few labels the model stays
 * close to the codebook and with many it learns where the codebook is wrong.
 * Thresholds (per theme: best F1; safeguarding: kept recall) and the review
 * band are calibrated by inner cross-validation.
 */
export function train(examples: TrainingExample[], codebook: Codebook = DEFAULT_CODEBOOK, options: TrainOptions = {}): ThemeModel {
  return runToEnd(trainSteps(examples, codebook, options));
}

/**
 * The same training, giving the event loop a turn every `sliceMs`: a server
 * that retrains an organisation's model keeps answering requests meanwhile.
 */
export function trainInSlices(examples: TrainingExample[], codebook: Codebook = DEFAULT_CODEBOOK, options: TrainOptions = {}, sliceMs = 10): Promise<ThemeModel> {
  return runInSlices(trainSteps(examples, codebook, options), sliceMs);
}

function* trainSteps(examples: TrainingExample[], codebook: Codebook, options: TrainOptions): Steps<ThemeModel> {
  // Big training sets need fewer passes and fewer calibration folds (each
  // held-out fold is already large); this keeps 5,000 answers well under 5 s.
  const epochs = Math.max(4, Math.min(DEFAULT_LOGISTIC.epochs, Math.round(30_000 / Math.max(1, examples.length))));
  const logistic = { ...DEFAULT_LOGISTIC, epochs, ...options.logistic };
  const priorScale = options.priorScale ?? DEFAULT_PRIOR_SCALE;
  const folds = options.calibrationFolds ?? (examples.length >= 2000 ? 2 : examples.length >= 30 ? 5 : 0);
  const data = yield* prepare(examples, codebook, priorScale, folds);
  const sgIndex = data.labels.length - 1;
  let thresholds = data.labels.map(() => 0);

  let reviewBand = 0.2;
  let calibration: number[][] | undefined;
  let autoCodeCertainty: number | undefined;
  if (folds >= 2) {
    const oof = yield* outOfFoldMargins(data, folds, logistic);
    thresholds = data.labels.map((_, k) => {
      const margins = oof.map((row) => row[k] as number);
      const truth = data.targets.map((t) => t[k] === 1);
      return k === sgIndex ? recallThreshold(margins, truth, options.safeguardingRecall ?? 0.97, 0) : bestF1Threshold(margins, truth, 0);
    });
    const themes = data.labels.slice(0, sgIndex).map((_, k) => k);
    const features = themes.map((k) => oof.map((row, i) => calibrationFeatures((row[k] as number) - (thresholds[k] as number), data.rules[i]?.[k] as number)));
    calibration = fitThemeCalibrators(
      features,
      themes.map((k) => data.targets.map((t) => t[k] === 1))
    );
    const confidences = oof.map((row, i) => themes.map((k) => themeConfidence((row[k] as number) >= (thresholds[k] as number), applyCalibration(calibration?.[k] ?? [], features[k]?.[i] ?? []))));
    const truth = data.targets.map((t) => [...t.slice(0, sgIndex)].map((v) => v === 1));
    reviewBand = reviewBandFor(confidences, truth);
    autoCodeCertainty = autoCodeThreshold(confidences.map(answerCertaintyOf), confidences, truth);
  }
  const models = yield* fit(
    data,
    data.xs.map((_, i) => i),
    logistic
  );
  const weights = exportWeights(models);
  const bias = [...models.bias].map((b) => Math.round(b * 1e5) / 1e5);
  return {
    format: 'safer-voices/theme-model',
    formatVersion: 1,
    version: modelVersionOf(bias, [...thresholds, ...(calibration?.flat() ?? [])], weights),
    codebookVersion: codebookVersion(codebook),
    createdAt: new Date().toISOString(),
    trainingExamples: examples.length,
    hashBits: HASH_BITS,
    priorScale,
    labels: data.labels,
    ruleFeatures: data.labels,
    bias,
    thresholds,
    reviewBand,
    ...(calibration ? { calibration } : {}),
    ...(autoCodeCertainty !== undefined ? { autoCodeCertainty } : {}),
    weights
  };
}
