// Words and numbers the review and double-coding pages share.

/** 0.43 → "43%". */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Kappa as shown in tables: two decimals, a proper minus sign. */
export const kappaText = (kappa: number) => kappa.toFixed(2).replace('-', '−');

/** "0.10 to 1.00" */
export const kappaInterval = (lower: number, upper: number) => `${kappaText(lower)} to ${kappaText(upper)}`;

/** Times as staff in the UK read them. */
export const formatTime = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The checklist in the order shortcuts 1–9 reach: the coder's "yes" themes,
 * then the ones it was unsure of, then every other theme in codebook order.
 */
export function checklistOrder<T extends { id: string }>(themes: readonly T[], suggestions: readonly { themeId: string; decision: 'yes' | 'review' }[]) {
  const suggested = new Map(suggestions.map((s) => [s.themeId, s.decision]));
  const rank = (id: string) => (suggested.get(id) === 'yes' ? 0 : suggested.get(id) === 'review' ? 1 : 2);
  const position = new Map(suggestions.map((s, i) => [s.themeId, i]));
  return themes.map((t, i) => ({ ...t, suggested: suggested.get(t.id) ?? null, i })).sort((a, b) => rank(a.id) - rank(b.id) || (position.get(a.id) ?? a.i) - (position.get(b.id) ?? b.i));
}

/**
 * How sure the coder is, in words. An answer's certainty is the coder's own
 * estimate of the chance that every one of its theme choices for the answer
 * (yes or no, for each theme) is right; a theme's likelihood is its estimate
 * of the chance that the answer has that theme. The bands are said on the
 * page, so the words need no percentages.
 */
export const CERTAINTY_BANDS = [
  { from: 0.9, words: 'very sure', odds: 'at least 9 times in 10' },
  { from: 0.7, words: 'fairly sure', odds: '7 to 9 times in 10' },
  { from: 0.5, words: 'unsure', odds: '5 to 7 times in 10' },
  { from: Number.NEGATIVE_INFINITY, words: 'doubtful', odds: 'less than half the time' }
] as const;

export type CertaintyBand = (typeof CERTAINTY_BANDS)[number];

/** The band for an answer's certainty (0–1); anything that is not a number reads as doubtful. */
export function certaintyBand(certainty: number): CertaintyBand {
  const c = Number.isFinite(certainty) ? certainty : 0;
  return CERTAINTY_BANDS.find((b) => c >= b.from) ?? (CERTAINTY_BANDS[CERTAINTY_BANDS.length - 1] as CertaintyBand);
}

/** "The coder is fairly sure about this answer: it expects all its theme choices to be right 7 to 9 times in 10." */
export function certaintyInWords(certainty: number): string {
  const band = certaintyBand(certainty);
  return `The coder is ${band.words} about this answer: it expects all its theme choices for answers like this to be right ${band.odds}.`;
}

export const LIKELIHOOD_BANDS = [
  { from: 0.9, words: 'very likely', odds: '9 in 10 or more' },
  { from: 0.7, words: 'likely', odds: '7 to 9 in 10' },
  { from: 0.5, words: 'more likely than not', odds: '5 to 7 in 10' },
  { from: Number.NEGATIVE_INFINITY, words: 'possible', odds: 'under 5 in 10' }
] as const;

/** How likely the coder thinks a theme is, in words (0–1; anything not a number reads as possible). */
export function likelihoodInWords(confidence: number): string {
  const c = Number.isFinite(confidence) ? confidence : 0;
  return (LIKELIHOOD_BANDS.find((b) => c >= b.from) ?? LIKELIHOOD_BANDS[3]).words;
}

/**
 * The queue's counts in one sentence whose numbers add up: everything left,
 * and the two parts the queue takes in turn.
 */
export function queueInWords(counts: { left: number; askedToCheck: number; notAskedToCheck: number; decided: number }): { headline: string; detail: string } {
  const headline = `${plural(counts.left, 'answer')} left to review, ${counts.decided.toLocaleString('en-GB')} decided.`;
  const { left, askedToCheck: asked, notAskedToCheck: rest } = counts;
  const all = left === 1 ? 'it' : 'all of them';
  const detail =
    left === 0
      ? ''
      : asked > 0 && rest > 0
        ? `First the ${plural(asked, 'answer')} the coder asked you to check, then the ${plural(rest, 'answer')} it coded without asking, least sure first.`
        : asked > 0
          ? `The coder asked you to check ${all}.`
          : `The coder coded ${all} without asking you to check${left === 1 ? '' : '; the least sure come first'}.`;
  return { headline, detail };
}
