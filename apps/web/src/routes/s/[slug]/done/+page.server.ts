import { loadQuestionnaire } from '#lib/server/journey.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  const questionnaire = await loadQuestionnaire(params.slug);
  return { title: questionnaire.definition.title, localContact: questionnaire.definition.localContact };
};
