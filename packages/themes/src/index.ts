// Public API of @safer-voices/themes: codebook, coder, training, evaluation.
export { DEFAULT_CODEBOOK } from './codebook/default-codebook';
export { addTheme, mergeThemes, renameTheme, retireTheme } from './codebook/edit';
export { compilePattern } from './codebook/patterns';
export {
  activeThemes,
  type Codebook,
  codebookSchema,
  codebookVersion,
  type Theme,
  type ThemeInput
} from './codebook/types';
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
} from './coder/create-coder';
export type { Evidence } from './coder/evidence';
export type { Writer } from './safeguarding/detector';
export { detectorCanRead } from './safeguarding/readable';
export { crossValidate, evaluateSplit, type LabelledAnswer } from './eval/evaluate';
export type { Report } from './eval/metrics';
export { type Correction, exampleFromReview } from './model/corrections';
export { parseModel, type ThemeModel, themeModelSchema } from './model/model-format';
export { type TrainingExample, type TrainOptions, train, trainInSlices } from './model/train';
