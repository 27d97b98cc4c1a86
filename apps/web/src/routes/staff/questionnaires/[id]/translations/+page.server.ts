import {
  availableLanguages,
  type FieldError,
  incompleteLanguageMessage,
  incompleteLanguages,
  languageName,
  missingTranslations,
  type QuestionnaireDefinition,
  textDirection,
  translatableStrings
} from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { isStale, loadDraft, postedRevision, postedShown, saveDefinition, type Texts, type Unsaved, unsavedChanges } from '#lib/server/draft-editor.ts';
import { textField } from '#lib/server/staff-forms.ts';
import { COMMUNITY_LANGUAGES, fieldIdOf, languageChoices, stringGroups, translationsFrom } from '#lib/server/translation-form.ts';
import type { Actions, PageServerLoad } from './$types';

const MAX_LENGTH = 5000;

export const load: PageServerLoad = async (event) => {
  const { details } = await loadDraft(event);
  const definition = details.working.definition;
  const languages = Object.keys(definition.translations ?? {}).filter((l) => l !== definition.language);
  const asked = event.url.searchParams.get('lang');
  const lang = asked && languages.includes(asked) ? asked : languages[0];
  return {
    questionnaire: details.questionnaire,
    revision: details.revision,
    working: { version: details.working.version, published: details.working.published },
    title: definition.title,
    source: { tag: definition.language, name: languageName(definition.language, 'en') },
    languages: languages.map((tag) => ({ tag, name: languageName(tag, 'en'), missing: missingTranslations(definition, tag) })),
    offered: languageChoices([definition.language, ...languages]),
    total: translatableStrings(definition).length,
    live: availableLanguages(definition),
    /** Languages respondents could choose that are not fully translated: publishing asks the officer to confirm them. */
    incomplete: incompleteLanguages(definition).map((l) => ({ tag: l.lang, message: incompleteLanguageMessage(definition, l) })),
    editing: lang ? { tag: lang, name: languageName(lang, 'en'), dir: textDirection(lang), groups: stringGroups(definition, lang) } : null,
    saved: event.url.searchParams.has('saved')
  };
};

/**
 * Someone else changed the draft first: the translations as they are now,
 * with what was typed that differs from them listed, so it can be typed again.
 */
function stale(definition: QuestionnaireDefinition, lang: string, typed: Texts, shown: Texts | null) {
  const sources = new Map(stringGroups(definition, lang).flatMap((g) => g.strings.map((s) => [s.key, s.source] as const)));
  const unsaved = unsavedChanges(typed, shown, definition.translations?.[lang] ?? {}, (key) => sources.get(key) ?? key);
  return fail(409, { form: 'stale', errors: [] as FieldError[], unsaved });
}

const here = (id: string, lang: string, saved = false) => `/staff/questionnaires/${id}/translations?lang=${encodeURIComponent(lang)}${saved ? '&saved=1' : ''}`;

export const actions: Actions = {
  addLanguage: async (event) => {
    const { who, details } = await loadDraft(event);
    const definition = details.working.definition;
    const form = await event.request.formData();
    const lang = textField(form, 'language');
    const revision = postedRevision(form);
    if (isStale(details, revision)) return fail(409, { form: 'stale', errors: [] as FieldError[], unsaved: [] as Unsaved[] });
    if (!COMMUNITY_LANGUAGES.includes(lang) || lang === definition.language) {
      return fail(400, { form: 'addLanguage', errors: [{ field: 'language', message: 'Choose the language to translate into' }] as FieldError[] });
    }
    if (!definition.translations?.[lang]) {
      const result = await saveDefinition(event, who, { ...definition, translations: { ...definition.translations, [lang]: {} } }, revision);
      if (!result.ok && result.stale) return fail(409, { form: 'stale', errors: [] as FieldError[], unsaved: [] as Unsaved[] });
      if (!result.ok) return fail(422, { form: 'addLanguage', errors: [{ field: 'language', message: result.failure.message }] as FieldError[] });
    }
    redirect(303, here(event.params.id, lang));
  },

  save: async (event) => {
    const { who, details } = await loadDraft(event);
    const definition = details.working.definition;
    const form = await event.request.formData();
    const lang = textField(form, 'lang');
    const revision = postedRevision(form);
    const shown = postedShown(form);
    if (!definition.translations?.[lang]) redirect(303, `/staff/questionnaires/${event.params.id}/translations`);
    const strings = translationsFrom(definition, form);
    if (isStale(details, revision)) return stale(definition, lang, strings, shown);
    const errors: FieldError[] = Object.entries(strings)
      .filter(([, text]) => text.length > MAX_LENGTH)
      .map(([key]) => ({ field: fieldIdOf(key), message: `Shorten this translation to ${MAX_LENGTH} characters or fewer` }));
    if (errors.length > 0) return fail(400, { form: 'save', errors, typed: strings, revision, shown });
    const result = await saveDefinition(event, who, { ...definition, translations: { ...definition.translations, [lang]: strings } }, revision);
    if (!result.ok && result.stale) return stale(definition, lang, strings, shown);
    if (!result.ok) return fail(422, { form: 'save', errors: [{ field: 'save', message: result.failure.message }] as FieldError[], typed: strings, revision, shown });
    redirect(303, here(event.params.id, lang, true));
  }
};
