import type { SparseVector } from './features';
import type { Steps } from './steps';

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Deterministic shuffling, so the same data trains the same model. */
  seed: number;
}

const SKIP_ERROR = 0.02;

export const DEFAULT_LOGISTIC: LogisticOptions = { epochs: 10, learningRate: 0.3, l2: 1e-3, seed: 7 };

/** Weights of several binary logistic models over one feature space. */
export interface LinearModels {
  labels: number;
  dimension: number;
  /** Row-major by feature: weights[feature * labels + label]. */
  weights: Float32Array;
  bias: Float64Array;
}

export function margin(models: LinearModels, x: SparseVector, label: number, offset: number): number {
  let sum = (models.bias[label] as number) + offset;
  const { weights, labels } = models;
  for (let j = 0; j < x.indices.length; j++) {
    sum += (weights[(x.indices[j] as number) * labels + label] as number) * (x.values[j] as number);
  }
  return sum;
}

/**
 * Every label's margin in one pass over the features: each feature's weights
 * for all labels sit side by side, so this reads memory once per feature.
 */
export function allMargins(models: LinearModels, x: SparseVector, offsets: Float64Array): Float64Array {
  const { weights, labels } = models;
  const sums = new Float64Array(labels);
  for (let k = 0; k < labels; k++) sums[k] = (models.bias[k] as number) + (offsets[k] as number);
  for (let j = 0; j < x.indices.length; j++) {
    const base = (x.indices[j] as number) * labels;
    const value = x.values[j] as number;
    for (let k = 0; k < labels; k++) sums[k] = (sums[k] as number) + (weights[base + k] as number) * value;
  }
  return sums;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = count - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Documents between chances to pause (see steps.ts): well under a millisecond of work. */
const STEP_DOCUMENTS = 128;

/**
 * Trains one binary logistic model per label together (features are read
 * once per document) with AdaGrad SGD, L2 on touched weights, and positive
 * examples up-weighted for rare labels. `offsets[d][k]` is a fixed prior
 * margin — the codebook's opinion — that the model learns to correct.
 */
export function* trainLogistic(xs: SparseVector[], targets: Uint8Array[], offsets: Float64Array[], dimension: number, options: LogisticOptions = DEFAULT_LOGISTIC): Steps<LinearModels> {
  const labels = targets[0]?.length ?? 0;
  const weights = new Float32Array(dimension * labels);
  const squares = new Float32Array(dimension * labels);
  const bias = new Float64Array(labels);
  const biasSquares = new Float64Array(labels);
  const positiveWeight = new Float64Array(labels);
  for (let k = 0; k < labels; k++) {
    const positives = targets.reduce((n, t) => n + (t[k] as number), 0);
    const negatives = targets.length - positives;
    positiveWeight[k] = positives > 0 ? Math.min(4, Math.max(1, Math.sqrt(negatives / positives))) : 1;
  }
  const models: LinearModels = { labels, dimension, weights, bias };
  const { learningRate, l2 } = options;
  const errors = new Float64Array(labels);
  let seen = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const d of shuffled(xs.length, options.seed + epoch)) {
      if (++seen % STEP_DOCUMENTS === 0) yield;
      const x = xs[d] as SparseVector;
      const target = targets[d] as Uint8Array;
      const margins = allMargins(models, x, offsets[d] as Float64Array);
      let anyError = false;
      for (let k = 0; k < labels; k++) {
        const y = target[k] as number;
        const error = (sigmoid(margins[k] as number) - y) * (y ? (positiveWeight[k] as number) : 1);
        // Well-classified labels (most of them, most of the time) need no update.
        errors[k] = Math.abs(error) < SKIP_ERROR ? 0 : error;
        if (errors[k] === 0) continue;
        anyError = true;
        biasSquares[k] = (biasSquares[k] as number) + error * error;
        bias[k] = (bias[k] as number) - (learningRate * error) / Math.sqrt((biasSquares[k] as number) + 1e-8);
      }
      if (!anyError) continue;
      // One pass over the features, updating each feature's weights for all
      // labels together (they are adjacent in memory).
      for (let j = 0; j < x.indices.length; j++) {
        const base = (x.indices[j] as number) * labels;
        const value = x.values[j] as number;
        for (let k = 0; k < labels; k++) {
          const error = errors[k] as number;
          if (error === 0) continue;
          const at = base + k;
          const w = weights[at] as number;
          const gradient = error * value + l2 * w;
          const g2 = (squares[at] as number) + gradient * gradient;
          squares[at] = g2;
          weights[at] = w - (learningRate * gradient) / Math.sqrt(g2 + 1e-8);
        }
      }
    }
  }
  return models;
}
