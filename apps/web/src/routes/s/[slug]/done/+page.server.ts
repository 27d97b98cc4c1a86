import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const { definition } = respondentLanguage(event, questionnaire.definition);
  return { title: definition.title, localContact: definition.localContact };
};
