// Figures of a measure over waves in words, for the Measures page's tables.
export interface ChangeFigure {
  difference: number | null;
  lower: number | null;
  upper: number | null;
  verdict: string;
  designEffects: { applied: boolean };
}

const points = (p: number) => `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p * 100).toFixed(1)}`;

/** "+11.3 points (+6.2 to +16.4)". */
export function changeInWords(change: ChangeFigure): string {
  if (change.difference === null || change.lower === null || change.upper === null) return 'Not worked out';
  return `${points(change.difference)} points (${points(change.lower)} to ${points(change.upper)})`;
}

export const percentInWords = (p: number | null) => (p === null ? '' : `${Math.round(p)}%`);
export const intervalInWords = (lower: number | null, upper: number | null) => (lower === null || upper === null ? '' : `${Math.round(lower)}–${Math.round(upper)}%`);

export function withheldInWords(withheld: string | null, threshold: number): string {
  if (withheld === 'no respondents') return 'Nobody answered';
  if (withheld === 'a part is too small to show') return `Withheld: one of its questionnaires has fewer than ${threshold} people in a group`;
  return `Withheld: fewer than ${threshold} people in a group`;
}

/** "46%", or "46%, weighted": every figure says whether it is weighted. */
export const figureInWords = (f: { percent: number | null; weighted: boolean }) => (f.percent === null ? '' : `${percentInWords(f.percent)}${f.weighted ? ', weighted' : ''}`);

/** The design effect alone (the table's note says what it is): clustering, times weighting's when weighted. */
export function designEffectInWords(f: { designEffect: { designEffect: number } | null; weightingDesignEffect: number | null }): string {
  const clustering = f.designEffect === null ? '1 (no school codes)' : f.designEffect.designEffect.toFixed(2);
  return f.weightingDesignEffect === null ? clustering : `${clustering} × ${f.weightingDesignEffect.toFixed(2)} for weighting`;
}

/** "Increase, allowing for clustering by school" or "No statistically significant change". */
export function verdictInWords(change: ChangeFigure): string {
  const verdict = change.verdict.charAt(0).toUpperCase() + change.verdict.slice(1);
  return change.designEffects.applied ? `${verdict}, allowing for clustering by school` : verdict;
}
