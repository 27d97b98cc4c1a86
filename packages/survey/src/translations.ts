// Translations of a questionnaire's text. Every string a respondent reads has
// a key that survives edits (it is built from ids and option values, never
// positions, except for start-page paragraphs):
//
//   title, summary, intro.<n>, localContact.description, page.<pageId>.title,
//   q.<id>.label | help | requiredError | body | agreeLabel | suffix | none,
//   q.<id>.options|rows|points|places.<value>, q.<id>.extras.<dontKnow|…>
//
// `definition.language` is the source; a string with no translation (or an
// empty one) falls back to it, one string at a time.
import type { LogicProblem } from './check-logic';
import { isInvisibleOnly, withoutBidiControls } from './inputs/short-text';
import type { Option, Page, Question, QuestionnaireDefinition, ScaleExtras } from './model';

/**
 * A string's translation as a respondent reads it, or null when there is none:
 * by the short-text rule, without bidi controls (an override would show it
 * reversed) and trimmed; one that shows nothing (zero-width spaces) is none,
 * so the source is shown instead of a blank label.
 */
function translationOf(strings: Record<string, string> | undefined, key: string): string | null {
  const text = strings?.[key];
  if (typeof text !== 'string') return null;
  const shown = withoutBidiControls(text).trim();
  return isInvisibleOnly(shown) ? null : shown;
}

export interface TranslatableString {
  key: string;
  source: string;
}

type Translate = (key: string, source: string) => string;

/** Options with their labels passed through `t` under `prefix.<value>`. */
const mapOptions = (options: Option[], prefix: string, t: Translate): Option[] => options.map((o) => ({ ...o, label: t(`${prefix}.${o.value}`, o.label) }));

function mapExtras(extras: ScaleExtras, prefix: string, t: Translate): ScaleExtras {
  const out: ScaleExtras = {};
  for (const [name, text] of Object.entries(extras) as [keyof ScaleExtras, string | undefined][]) {
    if (text !== undefined) out[name] = t(`${prefix}.extras.${name}`, text);
  }
  return out;
}

function mapQuestion(question: Question, t: Translate): Question {
  const k = `q.${question.id}`;
  const q = { ...question, label: t(`${k}.label`, question.label) } as Question;
  if (q.help !== undefined) q.help = t(`${k}.help`, q.help);
  if (q.requiredError !== undefined) q.requiredError = t(`${k}.requiredError`, q.requiredError);
  switch (q.type) {
    case 'single':
      return { ...q, options: mapOptions(q.options, `${k}.options`, t) };
    case 'multiple':
      return { ...q, options: mapOptions(q.options, `${k}.options`, t), ...(q.none ? { none: { ...q.none, label: t(`${k}.none`, q.none.label) } } : {}) };
    case 'place':
      return { ...q, places: mapOptions(q.places, `${k}.places`, t), ...(q.none ? { none: { ...q.none, label: t(`${k}.none`, q.none.label) } } : {}) };
    case 'scale':
      return { ...q, points: mapOptions(q.points, `${k}.points`, t), extras: mapExtras(q.extras ?? {}, k, t) };
    case 'grid':
      return { ...q, rows: mapOptions(q.rows, `${k}.rows`, t), points: mapOptions(q.points, `${k}.points`, t), extras: mapExtras(q.extras ?? {}, k, t) };
    case 'number':
      return q.suffix === undefined ? q : { ...q, suffix: t(`${k}.suffix`, q.suffix) };
    case 'statement':
      return { ...q, body: t(`${k}.body`, q.body) };
    case 'consent':
      return { ...q, body: t(`${k}.body`, q.body), agreeLabel: t(`${k}.agreeLabel`, q.agreeLabel) };
    default:
      return q;
  }
}

function mapPage(page: Page, t: Translate): Page {
  const title = page.title === undefined ? {} : { title: t(`page.${page.id}.title`, page.title) };
  return { ...page, ...title, questions: page.questions.map((q) => mapQuestion(q, t)) };
}

/** The definition with every translatable string passed through `t`, in reading order. */
function mapStrings(definition: QuestionnaireDefinition, t: Translate): QuestionnaireDefinition {
  const title = t('title', definition.title);
  const summary = t('summary', definition.summary);
  const intro = definition.intro.map((paragraph, i) => t(`intro.${i}`, paragraph));
  const pages = definition.pages.map((p) => mapPage(p, t));
  const contact = definition.localContact;
  const localContact = contact?.description === undefined ? contact : { ...contact, description: t('localContact.description', contact.description) };
  return { ...definition, title, summary, intro, pages, ...(localContact ? { localContact } : {}) };
}

/** Every string a respondent may read, with its key, in the order they meet it. */
export function translatableStrings(definition: QuestionnaireDefinition): TranslatableString[] {
  const found: TranslatableString[] = [];
  mapStrings(definition, (key, source) => {
    found.push({ key, source });
    return source;
  });
  return found;
}

/** The languages a respondent can choose: the source first, then each with at least one translated string. */
export function availableLanguages(definition: QuestionnaireDefinition): string[] {
  const translated = Object.entries(definition.translations ?? {})
    .filter(([lang, strings]) => lang !== definition.language && Object.keys(strings).some((key) => translationOf(strings, key) !== null))
    .map(([lang]) => lang);
  return [definition.language, ...translated];
}

/**
 * The definition as a respondent reading `lang` sees it: each string
 * translated where a translation exists, else in the source language.
 */
export function localise(definition: QuestionnaireDefinition, lang: string): QuestionnaireDefinition {
  const strings = lang === definition.language ? undefined : definition.translations?.[lang];
  if (!strings) return definition;
  return mapStrings(definition, (key, source) => translationOf(strings, key) ?? source);
}

/** How many of the definition's strings have no translation into `lang`. */
export function missingTranslations(definition: QuestionnaireDefinition, lang: string): number {
  const strings = definition.translations?.[lang] ?? {};
  return translatableStrings(definition).filter(({ key }) => translationOf(strings, key) === null).length;
}

/**
 * The texts a reader of `lang` sees in the source language, because they have
 * no translation yet: what a page marks as written in the source language.
 * A text that is also some string's translation is left out (it would be
 * marked wrongly where it is the translation).
 */
export function untranslatedTexts(definition: QuestionnaireDefinition, lang: string): string[] {
  if (lang === definition.language) return [];
  const strings = definition.translations?.[lang] ?? {};
  const translated = new Set(Object.keys(strings).map((key) => translationOf(strings, key)));
  const texts = translatableStrings(definition)
    .filter(({ key }) => translationOf(strings, key) === null)
    .map(({ source }) => source)
    .filter((source) => !translated.has(source));
  return [...new Set(texts)];
}

/**
 * Each language respondents would be offered that is not fully translated,
 * with how much is missing: published like this, they meet the source
 * language in the middle of their own. The one check for both the
 * translations page's warning and publishing.
 */
export function incompleteLanguages(definition: QuestionnaireDefinition): { lang: string; missing: number; total: number }[] {
  const total = translatableStrings(definition).length;
  return availableLanguages(definition)
    .filter((lang) => lang !== definition.language)
    .map((lang) => ({ lang, missing: missingTranslations(definition, lang), total }))
    .filter((l) => l.missing > 0);
}

/** What the officer is told of a language not fully translated, on the translations page and when publishing. */
export function incompleteLanguageMessage(definition: QuestionnaireDefinition, language: { lang: string; missing: number; total: number }): string {
  return `${languageName(language.lang, 'en')}: ${language.missing} of ${language.total} pieces of text are not translated, so respondents who choose it would read them in ${languageName(definition.language, 'en')}`;
}

// Scripts written right to left, and languages whose usual script is one of them.
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi', 'prs', 'pnb', 'skr', 'azb', 'mzn', 'lrc', 'glk', 'bal']);

/** Which way a language is written: an explicit script subtag wins (`pa-Arab` is rtl, `ku-Latn` ltr). */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  const [language = '', ...subtags] = lang.toLowerCase().split('-');
  const script = subtags.find((s) => s.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** A language's name in that language, e.g. “Polski”, “العربية”; the tag itself if unknown. */
export function languageName(lang: string, inLanguage = lang): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(lang);
    if (!name) return lang;
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return lang;
  }
}

/** Translation keys that address no string of the definition (e.g. after a question was removed). */
export function translationProblems(definition: QuestionnaireDefinition): LogicProblem[] {
  const translations = definition.translations;
  if (!translations) return [];
  const keys = new Set(translatableStrings(definition).map((s) => s.key));
  const problems: LogicProblem[] = [];
  for (const [lang, strings] of Object.entries(translations)) {
    if (lang === definition.language) {
      problems.push({ path: `translations.${lang}`, message: `“${lang}” is the questionnaire's own language, so it cannot also be a translation` });
      continue;
    }
    for (const key of Object.keys(strings)) {
      if (!keys.has(key)) problems.push({ path: `translations.${lang}.${key}`, message: `The ${languageName(lang, 'en')} translation “${key}” is for text that is no longer in the questionnaire` });
    }
  }
  return problems;
}

/** The translations without keys that address nothing: what an edit that removes text leaves behind. */
export function pruneTranslations(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  if (!definition.translations) return definition;
  const keys = new Set(translatableStrings(definition).map((s) => s.key));
  const translations = Object.fromEntries(Object.entries(definition.translations).map(([lang, strings]) => [lang, Object.fromEntries(Object.entries(strings).filter(([key]) => keys.has(key)))]));
  return { ...definition, translations };
}
