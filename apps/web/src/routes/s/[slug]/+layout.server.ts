import { availableLanguages, languageName, quickExitShown, textDirection, untranslatedTexts } from '@safer-voices/survey';
import type { PageLanguage } from '#lib/interface-text.ts';
import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const source = questionnaire.definition;
  const { lang, dir, definition } = respondentLanguage(event, source);
  const reading: PageLanguage = {
    lang,
    dir,
    source: { lang: source.language, dir: textDirection(source.language) },
    fallbacks: untranslatedTexts(source, lang)
  };
  return {
    survey: {
      slug: questionnaire.slug,
      title: definition.title,
      lang,
      reading,
      /** Each language named in itself, so a respondent can find their own. */
      languages: availableLanguages(source).map((tag) => ({ tag, name: languageName(tag), dir: textDirection(tag) })),
      audience: source.audience,
      quickExit: quickExitShown(source)
    }
  };
};
