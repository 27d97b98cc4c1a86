// The quotes an author may choose for a theme: the explorer's quotes (its
// most confident answers with the theme, over everyone who answered each
// questionnaire the report covers, only where the theme's prevalence is
// shown), redacted as the explorer shows them, each with the reference a
// definition names it by. As in the explorer, an answer flagged for
// safeguarding and not cleared for quoting by a safeguarding lead is left out
// (store/quotable-answers.ts); once cleared, it is offered like any other.
// The author sees the top 10 of each questionnaire first and may ask for more.
import { codedRows, topAnswers } from '@safer-voices/insights';
import type { Database } from '@safer-voices/db';
import { dimensionsOf, exploreView } from '../explore/view';
import { ApiError } from '../errors';
import type { ResolveContext } from './context';
import { loadQuotes, quoteKey } from './resolve-quotes';

export const QUOTE_CHOICES_PER_QUESTIONNAIRE = 10;
/** The most an author may ask to see of each questionnaire. */
export const MAX_QUOTE_CHOICES_PER_QUESTIONNAIRE = 500;
const EVERYONE_QUERY = { versions: [], from: null, to: null, question: null, by: null, theme: null, filters: {} };

export interface QuoteChoice {
  responseId: string;
  questionId: string;
  questionnaire: string;
  text: string;
  attribution: string;
}

/** The theme's quotes, the `perQuestionnaire` most confident of each questionnaire, and whether any has more. */
export async function quoteChoices(db: Database, context: ResolveContext, themeId: string, perQuestionnaire = QUOTE_CHOICES_PER_QUESTIONNAIRE): Promise<{ quotes: QuoteChoice[]; more: boolean }> {
  const theme = context.themes.find((t) => t.id === themeId);
  if (!theme) throw new ApiError(400, 'invalid_request', `There is no theme “${themeId}” in your codebook`, [{ field: 'theme', message: 'Choose one of the themes' }]);
  const choices: QuoteChoice[] = [];
  let more = false;
  for (const q of context.covered) {
    const view = await exploreView(db, q.loaded, { ...EVERYONE_QUERY, theme: theme.id }, { settings: context.settings, themes: context.themes, dimensions: dimensionsOf(q.loaded) });
    if (view.prevalence.find((p) => p.themeId === theme.id)?.count == null) continue;
    // One past the page, to know whether there are more; read further while answers that cannot be quoted fill it.
    const rows = codedRows(q.loaded.index, null);
    let shown: QuoteChoice[] = [];
    for (let limit = perQuestionnaire + 1; ; limit *= 2) {
      const found = topAnswers(q.loaded.index, rows, null, theme, limit);
      const loaded = await loadQuotes(db, context, found);
      shown = found.flatMap((answer) => {
        const quote = loaded.get(quoteKey(answer));
        return quote?.ok ? [{ responseId: answer.responseId, questionId: answer.questionId, questionnaire: q.title, text: quote.text, attribution: quote.attribution }] : [];
      });
      if (shown.length > perQuestionnaire || found.length < limit) break;
    }
    if (shown.length > perQuestionnaire) more = true;
    choices.push(...shown.slice(0, perQuestionnaire));
  }
  return { quotes: choices, more };
}
