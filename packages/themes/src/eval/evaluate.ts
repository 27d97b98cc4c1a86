import { DEFAULT_CODEBOOK } from '../codebook/default-codebook';
import { activeThemes, type Codebook } from '../codebook/types';
import { type Coder, createCoder } from '../coder/create-coder';
import { type TrainingExample, type TrainOptions, train } from '../model/train';
import { foldAssignment, groupedFoldAssignment, type SeededReport, summariseSeeds } from './folds';
import { type Report, report, type Scored } from './metrics';

/** A labelled answer in the themes-dev.jsonl format. */
export interface LabelledAnswer extends TrainingExample {
  id?: string;
  safeguarding: boolean;
}

function score(coder: Coder, answer: LabelledAnswer): Scored {
  const coding = coder.code(answer.text, { question: answer.question, writer: answer.writer });
  return {
    gold: new Set(answer.themes),
    goldSafeguarding: answer.safeguarding,
    confidence: new Map(coding.themes.map((t) => [t.id, t.confidence])),
    safeguardingFlag: coding.safeguarding.flag,
    safeguardingTier: coding.safeguarding.tier,
    certainty: coding.certainty,
    review: coding.review
  };
}

/** CPU seconds used by this process so far (user + system). */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Coding throughput on one core: answers coded per CPU-second on this (single)
 * thread, so a busy machine does not distort it. Codes `answers` repeatedly
 * for about `seconds` of CPU time.
 */
export function measureThroughput(coder: Coder, answers: { text: string; question?: string }[], seconds = 1): number {
  for (const a of answers.slice(0, 200)) coder.code(a.text, { question: a.question }); // warm up the JIT
  let coded = 0;
  const started = cpuSeconds();
  while (cpuSeconds() - started < seconds) {
    for (const a of answers) coder.code(a.text, { question: a.question });
    coded += answers.length;
  }
  return coded / (cpuSeconds() - started);
}

/** Train on `trainSet` (or nothing: codebook only) and score `testSet`. */
export function evaluateSplit(trainSet: LabelledAnswer[] | null, testSet: LabelledAnswer[], codebook: Codebook = DEFAULT_CODEBOOK, options: TrainOptions = {}): Report {
  const model = trainSet ? train(trainSet, codebook, options) : null;
  const coder = createCoder({ codebook, model });
  const scored = testSet.map((a) => score(coder, a));
  const throughput = measureThroughput(coder, testSet);
  return report(
    scored,
    activeThemes(codebook).map((t) => t.id),
    throughput
  );
}

/** Cross-validation seeds used unless others are asked for (fixed, never tuned). */
export const DEFAULT_CV_SEEDS = [1, 2, 3, 4, 5];

/** Out-of-fold scores for one seeded k-fold split: every answer is tested exactly once. */
function crossValidateOnce(data: LabelledAnswer[], folds: number, seed: number, codebook: Codebook, options: TrainOptions) {
  const grouped = data.some((a) => a.group !== undefined);
  const fold = grouped
    ? groupedFoldAssignment(
        data.map((a) => a.group),
        folds,
        seed
      )
    : foldAssignment(data.length, folds, seed);
  const scored: Scored[] = [];
  let coder: Coder | null = null;
  for (let f = 0; f < folds; f++) {
    const trainSet = data.filter((_, i) => fold[i] !== f);
    const testSet = data.filter((_, i) => fold[i] === f);
    coder = createCoder({ codebook, model: train(trainSet, codebook, options) });
    for (const answer of testSet) scored.push(score(coder, answer));
  }
  return { scored, coder: coder as Coder };
}

/**
 * Seeded k-fold cross-validation repeated for each seed. Returns the mean of
 * every figure and the spread (sd, min, max) of the headline ones.
 */
export function crossValidate(data: LabelledAnswer[], folds: number, codebook: Codebook = DEFAULT_CODEBOOK, options: TrainOptions = {}, seeds: number[] = DEFAULT_CV_SEEDS): SeededReport {
  if (folds < 2 || folds > data.length) throw new Error(`--cv needs between 2 and ${data.length} folds`);
  if (seeds.length === 0) throw new Error('at least one seed is needed');
  const themeIds = activeThemes(codebook).map((t) => t.id);
  const reports: Report[] = [];
  let lastCoder: Coder | null = null;
  for (const seed of seeds) {
    const { scored, coder } = crossValidateOnce(data, folds, seed, codebook, options);
    reports.push(report(scored, themeIds, 0));
    lastCoder = coder;
  }
  return summariseSeeds(reports, seeds, measureThroughput(lastCoder as Coder, data));
}
