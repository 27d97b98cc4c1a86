// The translations editor's model: which languages an officer can add, the
// questionnaire's strings grouped as the respondent meets them, and a saved
// form turned back into one language's translations.
import { languageName, type QuestionnaireDefinition, translatableStrings } from '@safer-voices/survey';

/** Languages widely spoken in UK communities, offered first when adding a translation. */
export const COMMUNITY_LANGUAGES = [
  'pl',
  'ro',
  'ur',
  'ar',
  'pa',
  'bn',
  'so',
  'pt',
  'lt',
  'uk',
  'cy',
  'gd',
  'gu',
  'ta',
  'tr',
  'fa',
  'ps',
  'ckb',
  'ku',
  'ti',
  'sq',
  'bg',
  'es',
  'fr',
  'it',
  'zh',
  'yue',
  'ne',
  'hi',
  'ml',
  'am',
  'lv',
  'hu',
  'sk',
  'cs'
];

/** Each offered language as “Polish (Polski)”: found by its English name, shown in its own too. */
export const languageChoices = (except: string[]) =>
  COMMUNITY_LANGUAGES.filter((tag) => !except.includes(tag))
    .map((tag) => ({ value: tag, text: `${languageName(tag, 'en')} (${languageName(tag)})` }))
    .sort((a, b) => a.text.localeCompare(b.text, 'en'));

const PARTS: Record<string, string> = {
  label: 'Question',
  help: 'Hint',
  requiredError: 'Error when not answered',
  body: 'Text',
  agreeLabel: 'Tick box',
  suffix: 'Unit after the number',
  none: '“None” answer',
  options: 'Answer',
  points: 'Scale point',
  rows: 'Row',
  places: 'Place',
  extras: 'Extra answer'
};

/** What a string is, in words an officer knows, e.g. “Answer” or “Start page, paragraph 2”. */
export function describeKey(key: string): string {
  if (key === 'title') return 'Title';
  if (key === 'summary') return 'Summary';
  if (key === 'localContact.description') return 'Local help: what it offers';
  if (key.startsWith('intro.')) return `Start page, paragraph ${Number(key.slice(6)) + 1}`;
  if (key.startsWith('page.')) return 'Page title';
  return PARTS[key.split('.')[2] ?? ''] ?? 'Text';
}

/** Field names and ids for a string key; ids may not hold dots. */
export const fieldIdOf = (key: string) => `t-${key.replace(/\./g, '--')}`;

export interface StringGroup {
  title: string;
  strings: { key: string; id: string; source: string; what: string; translation: string }[];
}

/** The questionnaire's strings with their translations into `lang`: the start and end pages first, then page by page. */
export function stringGroups(definition: QuestionnaireDefinition, lang: string, typed?: Record<string, string>): StringGroup[] {
  const existing = definition.translations?.[lang] ?? {};
  const pageOfQuestion = new Map(definition.pages.flatMap((p) => p.questions.map((q) => [q.id, p.id] as const)));
  const groups = new Map<string, StringGroup>([['', { title: 'Start page and help', strings: [] }]]);
  definition.pages.forEach((p, i) => {
    groups.set(p.id, { title: `Page ${i + 1}${p.title ? `: ${p.title}` : ''}`, strings: [] });
  });
  for (const { key, source } of translatableStrings(definition)) {
    const [kind, id = ''] = key.split('.');
    const pageId = kind === 'page' ? id : kind === 'q' ? (pageOfQuestion.get(id) ?? '') : '';
    groups.get(pageId)?.strings.push({ key, id: fieldIdOf(key), source, what: describeKey(key), translation: typed?.[key] ?? existing[key] ?? '' });
  }
  return [...groups.values()].filter((g) => g.strings.length > 0);
}

/** A submitted form as one language's translations: known keys only, blanks left out so they fall back. */
export function translationsFrom(definition: QuestionnaireDefinition, form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key } of translatableStrings(definition)) {
    const value = form.get(fieldIdOf(key));
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}
