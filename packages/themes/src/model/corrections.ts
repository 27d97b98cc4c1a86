import type { Coding } from '../coder/create-coder';
import type { TrainingExample } from './train';

/** An analyst's verdict on one theme of one coded answer. */
export type Correction = { action: 'accept'; themeId: string } | { action: 'reject'; themeId: string } | { action: 'add'; themeId: string } | { action: 'safeguarding'; flag: boolean };

/**
 * Turns an answer the analyst has reviewed into a training example. Themes
 * the coder said "yes" to count unless rejected; "review" themes count only
 * when accepted; added themes count. The analyst has seen the whole answer,
 * so anything not kept is a negative example.
 */
export function exampleFromReview(text: string, coding: Coding, corrections: Correction[], question?: string): TrainingExample {
  const themes = new Set(coding.themes.filter((t) => t.decision === 'yes').map((t) => t.id));
  let safeguarding = coding.safeguarding.flag;
  for (const correction of corrections) {
    if (correction.action === 'safeguarding') safeguarding = correction.flag;
    else if (correction.action === 'reject') themes.delete(correction.themeId);
    else themes.add(correction.themeId);
  }
  return { text, question, themes: [...themes], safeguarding };
}
