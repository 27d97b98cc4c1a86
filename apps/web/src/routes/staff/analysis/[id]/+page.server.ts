import { filterForm, problemsFrom } from '#lib/server/explore-filter-form.ts';
import { baseInWords, chosenFrom, chosenOf, count, exploreHref, exploreQuery, filtersInWords, resultsOf, workbookHref } from '#lib/server/explore-view.ts';
import { readExplore, requireAnalysisRole } from '#lib/server/explore.ts';
import { measuresOf } from '#lib/server/explore-measures.ts';
import { waveComparison } from '#lib/server/wave-of.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireAnalysisRole(event);
  const id = event.params.id;
  const params = event.url.searchParams;
  const result = await readExplore(event, who, id, exploreQuery(params));

  if (!result.ok) {
    // The filters were refused: show the form as it was sent, with the
    // problems, built from the unfiltered view (which has every option).
    const plain = await readExplore(event, who, id, {});
    if (!plain.ok) throw new Error(`The explorer refused an unfiltered view: ${plain.failure.message}`);
    const view = plain.view;
    const problems = problemsFrom(result.failure.issues, result.failure.message, view);
    return {
      organisation: who.organisation.name,
      questionnaire: view.questionnaire,
      threshold: view.threshold,
      problems,
      form: filterForm(view, chosenFrom(params), problems),
      clearHref: exploreHref(id, chosenFrom(new URLSearchParams())),
      results: null
    };
  }

  const view = result.view;
  const overTime = await waveComparison(event, who, id);
  const chosen = chosenOf(view.applied, params.has('theme'));
  const results = resultsOf(view);
  const quoteTheme = results.themes.find((t) => t.id === view.applied.theme) ?? null;
  return {
    organisation: who.organisation.name,
    questionnaire: view.questionnaire,
    threshold: view.threshold,
    problems: [],
    overTime,
    form: filterForm(view, chosen),
    clearHref: exploreHref(id, chosenFrom(new URLSearchParams())),
    results: {
      ...results,
      measures: measuresOf(view),
      workbookHref: workbookHref(id, params),
      filters: filtersInWords(view),
      base: baseInWords(view),
      baseShown: view.base.count !== null,
      tableCaption: `Respondents mentioning each theme, out of ${view.base.count === null ? 'a withheld number of' : count(view.base.count)} respondents`,
      notice: view.notice,
      quoteTheme,
      themeLinks: results.themes
        .filter((t) => t.count !== null)
        .map((t) => ({ id: t.id, label: t.label, href: exploreHref(id, chosen, { theme: t.id }, '#quotes'), current: t.id === view.applied.theme }))
    }
  };
};
