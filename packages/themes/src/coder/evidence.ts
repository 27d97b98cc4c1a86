import type { PatternMatch } from '../codebook/patterns';
import type { Token } from '../text/analyse';

/** A stretch of the original answer that supports a decision. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export function evidenceOf(match: PatternMatch, tokens: Token[], text: string): Evidence {
  const start = (tokens[match.firstToken] as Token).start;
  const end = (tokens[match.lastToken] as Token).end;
  return { start, end, text: text.slice(start, end) };
}

/** Evidence sorted by position with duplicates and nested spans removed. */
export function tidyEvidence(evidence: Evidence[]): Evidence[] {
  const sorted = [...evidence].sort((a, b) => a.start - b.start || b.end - a.end);
  const tidy: Evidence[] = [];
  for (const span of sorted) {
    const last = tidy.at(-1);
    if (last && span.start >= last.start && span.end <= last.end) continue;
    tidy.push(span);
  }
  return tidy;
}

/** Noisy-or of independent pieces of evidence: 1 - Π(1 - w). */
export function combineWeights(weights: Iterable<number>): number {
  let missing = 1;
  for (const weight of weights) missing *= 1 - weight;
  return 1 - missing;
}
