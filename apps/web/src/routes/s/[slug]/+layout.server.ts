import { quickExitShown } from '@safer-voices/survey';
import { loadQuestionnaire } from '#lib/server/journey.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals }) => {
  const questionnaire = await loadQuestionnaire(params.slug);
  locals.lang = questionnaire.definition.language;
  return {
    survey: {
      slug: questionnaire.slug,
      title: questionnaire.definition.title,
      audience: questionnaire.definition.audience,
      quickExit: quickExitShown(questionnaire.definition)
    }
  };
};
