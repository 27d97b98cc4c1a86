import { z } from 'zod';
import { featureDimension, HASH_BITS } from './features';
import type { LinearModels } from './logistic';

export const SAFEGUARDING_LABEL = 'safeguarding';

/**
 * A trained model as plain JSON. It holds hashed feature weights, biases and
 * calibrated thresholds, never training text. `labels` are theme ids plus
 * "safeguarding" (always last).
 */
export const themeModelSchema = z.object({
  format: z.literal('safer-voices/theme-model'),
  formatVersion: z.literal(1),
  version: z.string(),
  codebookVersion: z.string(),
  createdAt: z.string(),
  trainingExamples: z.number().int().nonnegative(),
  hashBits: z.literal(HASH_BITS),
  /** Scale of the codebook's prior margin: priorScale × (ruleScore − 0.5). */
  priorScale: z.number(),
  labels: z.array(z.string()).min(1),
  /** Rule-feature order the weights were trained with (themes, then safeguarding). */
  ruleFeatures: z.array(z.string()),
  bias: z.array(z.number()),
  /** Margin at which each label's decision flips (confidence 0.5). */
  thresholds: z.array(z.number()),
  /** Decisions with |confidence − 0.5| below this go to review. */
  reviewBand: z.number().min(0).max(0.5),
  /** Per theme (label order, safeguarding excluded): weights of its certainty calibrator. */
  calibration: z.array(z.array(z.number())).optional(),
  /** Answers whose certainty (product over themes) is below this go to review as a whole. */
  autoCodeCertainty: z.number().min(0).max(1).optional(),
  weights: z.array(z.object({ indices: z.array(z.number().int()), values: z.array(z.number()) }))
});

export type ThemeModel = z.infer<typeof themeModelSchema>;

export function parseModel(json: unknown): ThemeModel {
  return themeModelSchema.parse(json);
}

/** Sparse, rounded weights per label (label-major, for JSON). */
export function exportWeights(models: LinearModels): ThemeModel['weights'] {
  const out = Array.from({ length: models.labels }, () => ({ indices: [] as number[], values: [] as number[] }));
  for (let feature = 0; feature < models.dimension; feature++) {
    for (let k = 0; k < models.labels; k++) {
      const w = models.weights[feature * models.labels + k] as number;
      if (Math.abs(w) < 1e-4) continue;
      const target = out[k] as { indices: number[]; values: number[] };
      target.indices.push(feature);
      target.values.push(Math.round(w * 1e5) / 1e5);
    }
  }
  return out;
}

/** Rebuilds the dense weight table used for fast coding. */
export function importWeights(model: ThemeModel): LinearModels {
  const labels = model.labels.length;
  const dimension = featureDimension(model.ruleFeatures.length);
  const weights = new Float32Array(dimension * labels);
  model.weights.forEach((row, k) => {
    row.indices.forEach((feature, j) => {
      if (feature < dimension) weights[feature * labels + k] = row.values[j] as number;
    });
  });
  return { labels, dimension, weights, bias: Float64Array.from(model.bias) };
}

/** A short content hash, so the same weights always get the same version. */
export function modelVersionOf(bias: number[], thresholds: number[], weights: ThemeModel['weights']): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= Math.round(n * 1e4) | 0;
    h = Math.imul(h, 0x01000193);
  };
  bias.forEach(mix);
  thresholds.forEach(mix);
  for (const row of weights) {
    row.indices.forEach(mix);
    row.values.forEach(mix);
  }
  return `model-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
