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
