import { availableLanguages, languageName, quickExitShown, textDirection } from '@safer-voices/survey';
import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const { lang, definition } = respondentLanguage(event, questionnaire.definition);
  return {
    survey: {
      slug: questionnaire.slug,
      title: definition.title,
      lang,
      /** Each language named in itself, so a respondent can find their own. */
      languages: availableLanguages(questionnaire.definition).map((tag) => ({ tag, name: languageName(tag), dir: textDirection(tag) })),
      audience: questionnaire.definition.audience,
      quickExit: quickExitShown(questionnaire.definition)
    }
  };
};
