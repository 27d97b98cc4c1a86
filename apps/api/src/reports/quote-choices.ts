// The quotes an author may choose for a theme: the explorer's quotes (its
// most confident answers with the theme, over everyone who answered each
// questionnaire the report covers, only where the theme's prevalence is
// shown), redacted as the explorer shows them, each with the reference a
// definition names it by, and whether a safeguarding lead must clear it first.
import { codedRows, topAnswers } from '@safer-voices/insights';
import type { Database } from '@safer-voices/db';
import { dimensionsOf, exploreView } from '../explore/view';
import { ApiError } from '../errors';
import type { ResolveContext } from './context';
import { loadQuotes, quoteKey } from './resolve-quotes';

export const QUOTE_CHOICES_PER_QUESTIONNAIRE = 10;
const EVERYONE_QUERY = { versions: [], from: null, to: null, question: null, by: null, theme: null, filters: {} };

export interface QuoteChoice {
  responseId: string;
  questionId: string;
  questionnaire: string;
  text: string;
  attribution: string;
  /** Flagged for safeguarding and not cleared: it cannot be chosen until a safeguarding lead clears it. */
  needsClearance: boolean;
}

export async function quoteChoices(db: Database, context: ResolveContext, themeId: string): Promise<QuoteChoice[]> {
  const theme = context.themes.find((t) => t.id === themeId);
  if (!theme) throw new ApiError(400, 'invalid_request', `There is no theme “${themeId}” in your codebook`, [{ field: 'theme', message: 'Choose one of the themes' }]);
  const choices: QuoteChoice[] = [];
  for (const q of context.covered) {
    const view = await exploreView(db, q.loaded, { ...EVERYONE_QUERY, theme: theme.id }, { settings: context.settings, themes: context.themes, dimensions: dimensionsOf(q.loaded) });
    if (view.prevalence.find((p) => p.themeId === theme.id)?.count == null) continue;
    const top = topAnswers(q.loaded.index, codedRows(q.loaded.index, null), null, theme, QUOTE_CHOICES_PER_QUESTIONNAIRE);
    const loaded = await loadQuotes(db, context, top);
    for (const answer of top) {
      const found = loaded.get(quoteKey(answer));
      const shown = found?.ok ? found : found?.preview;
      if (!shown) continue;
      choices.push({ responseId: answer.responseId, questionId: answer.questionId, questionnaire: q.title, text: shown.text, attribution: shown.attribution, needsClearance: !found?.ok });
    }
  }
  return choices;
}
