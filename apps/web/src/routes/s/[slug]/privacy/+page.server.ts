import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import type { PageServerLoad } from './$types';

// A survey's own privacy notice: who is responsible for its answers, whom to
// contact and how long answers are kept, with what the site does for all. In
// the respondent's language, with the questionnaire's title in it.
export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const { definition } = respondentLanguage(event, questionnaire.definition);
  return { notice: { slug: questionnaire.slug, title: definition.title, responsible: questionnaire.responsible } };
};
