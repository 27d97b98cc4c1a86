import { loadQuestionnaire } from '#lib/server/journey.ts';
import type { PageServerLoad } from './$types';

// A survey's own privacy notice: who is responsible for its answers, whom to
// contact and how long answers are kept, with what the site does for all.
export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  return { notice: { slug: questionnaire.slug, title: questionnaire.definition.title, responsible: questionnaire.responsible } };
};
