// The language a respondent reads a questionnaire in: chosen on the start
// page (`?lang=pl`) and remembered in a session-only cookie that holds the
// language tag and nothing else, so it outlasts the answers' session and the
// thank-you page is in the same language.
import { availableLanguages, type FieldError, localise, type QuestionnaireDefinition, textDirection } from '@safer-voices/survey';
import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'sv_lang';

export interface RespondentLanguage {
  lang: string;
  dir: 'rtl' | 'ltr';
  /** The questionnaire as read in `lang`, falling back to its source language string by string. */
  definition: QuestionnaireDefinition;
}

/** The respondent's language for this questionnaire; a choice in the URL is remembered for the session. */
export function respondentLanguage(event: { cookies: Cookies; url: URL; locals?: App.Locals }, source: QuestionnaireDefinition): RespondentLanguage {
  const available = availableLanguages(source);
  const asked = event.url.searchParams.get('lang');
  let lang = source.language;
  if (asked && available.includes(asked)) {
    lang = asked;
    event.cookies.set(COOKIE, asked, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
  } else {
    const remembered = event.cookies.get(COOKIE);
    if (remembered && available.includes(remembered)) lang = remembered;
  }
  const dir = textDirection(lang);
  if (event.locals) Object.assign(event.locals, { lang, dir });
  return { lang, dir, definition: localise(source, lang) };
}

/**
 * Which language each error is written in, so screen readers pronounce it
 * right: a required-question message the officer wrote is in the page's
 * language (or the source's, when it has no translation); the built-in ones
 * say their language (see interface-messages), and the API's are English.
 */
export function errorsWithLanguage(errors: FieldError[], source: QuestionnaireDefinition, reading: RespondentLanguage): (FieldError & { lang: string })[] {
  const written = new Map<string, string>();
  for (const page of reading.definition.pages) {
    for (const q of page.questions) {
      if (!q.requiredError) continue;
      const translated = Boolean(source.translations?.[reading.lang]?.[`q.${q.id}.requiredError`]?.trim());
      written.set(q.requiredError, translated ? reading.lang : source.language);
    }
  }
  return errors.map((e) => ({ ...e, lang: written.get(e.message) ?? e.lang ?? 'en' }));
}
