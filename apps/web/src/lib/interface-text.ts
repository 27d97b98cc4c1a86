// The respondent interface's own words in the language being read (see the
// survey package's interface-messages): each text says its language and
// direction, so English standing in for a missing translation is marked as
// English, left to right.
import { type InterfaceText, interfaceText, type MessageKey, type MessageValues } from '@safer-voices/survey';

export type Say = (key: MessageKey, values?: MessageValues) => InterfaceText;

/** Interface text in `lang` (English for staff pages, which have no respondent language). */
export const sayIn =
  (lang: string | undefined): Say =>
  (key, values) =>
    interfaceText(lang ?? 'en', key, values);

/** What a respondent page knows of its language: from the /s/[slug] layout's data. */
export interface PageLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The questionnaire's own language, which untranslated text is in. */
  source: { lang: string; dir: 'ltr' | 'rtl' };
  /** Questionnaire texts shown untranslated on this page's language. */
  fallbacks: string[];
}
