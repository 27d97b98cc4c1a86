// Public API of @safer-voices/themes: codebook, coder, training, evaluation.
export { DEFAULT_CODEBOOK } from './codebook/default-codebook.js';
export { addTheme, mergeThemes, renameTheme, retireTheme } from './codebook/edit.js';
export { compilePattern } from './codebook/patterns.js';
export {
  activeThemes,
  type Codebook,
  codebookSchema,
  codebookVersion,
  type Theme,
  type ThemeInput
} from './codebook/types.js';
export {
  type AnswerContext,
  type Coder,
  type CoderOptions,
  type Coding,
  createCoder,
  type Decision,
  type SafeguardingCode,
  type SafeguardingTier,
  type ThemeCode
} from './coder/create-coder.js';
export type { Evidence } from './coder/evidence.js';
export type { Writer } from './safeguarding/detector.js';
export { crossValidate, evaluateSplit, type LabelledAnswer } from './eval/evaluate.js';
export type { Report } from './eval/metrics.js';
export { type Correction, exampleFromReview } from './model/corrections.js';
export { parseModel, type ThemeModel, themeModelSchema } from './model/model-format.js';
export { type TrainingExample, type TrainOptions, train, trainInSlices } from './model/train.js';
