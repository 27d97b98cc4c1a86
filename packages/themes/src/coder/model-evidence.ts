import { hashFeature } from '../model/features';
import type { LinearModels } from '../model/logistic';
import type { Evidence } from './evidence';
import type { AnalysedAnswer } from './pipeline';

const MAX_WORDS = 3;
// Function words can carry weight in a linear model but explain nothing.
const NOT_EVIDENCE = new Set(
  'a an the and or but of to in on at by for from with as is are was were be been am it its this that these those there their they them he she his her we us our you your i me my so if then than too very just not no do does did have has had will would can could should what which who when where why how all any some one out up off over about into'.split(
    ' '
  )
);
const MIN_WEIGHT = 0.05;

/** The words whose learned weights pushed a theme up most, as spans. */
export function modelEvidence(answer: AnalysedAnswer, models: LinearModels, label: number): Evidence[] {
  const scored: { weight: number; start: number; end: number }[] = [];
  for (const token of answer.tokens) {
    if (token.boundary || NOT_EVIDENCE.has(token.word)) continue;
    const weight = models.weights[hashFeature(`u:${token.stem}`) * models.labels + label] as number;
    if (weight > MIN_WEIGHT) scored.push({ weight, start: token.start, end: token.end });
  }
  scored.sort((a, b) => b.weight - a.weight);
  return scored.slice(0, MAX_WORDS).map(({ start, end }) => ({ start, end, text: answer.text.slice(start, end) }));
}
