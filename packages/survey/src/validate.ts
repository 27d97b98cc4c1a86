// One function decides whether answers fit a questionnaire version. The API
// uses it on whole responses; the web app on one page at a time.
import { interfaceText, type MessageKey, type MessageValues } from './interface-messages';
import { allQuestions, visibleQuestionIds } from './logic';
import type { Answers, Question, QuestionnaireDefinition, QuestionOf, ScaleExtras } from './model';

export interface FieldError {
  /** Question id, or `questionId.rowId` for a row of a grid. */
  field: string;
  message: string;
  /** The language the message is written in, when it is not the page's own (e.g. English where a catalogue lacks it). */
  lang?: string;
}

export const EXTRA_VALUES = {
  dontKnow: 'dont_know',
  preferNotToSay: 'prefer_not_to_say',
  notApplicable: 'not_applicable'
} as const satisfies Record<keyof ScaleExtras, string>;

/** Values a scale or grid row accepts: its points and any extras it offers. */
export function scaleValues(question: { points: { value: string }[]; extras: ScaleExtras }): string[] {
  const extras = (Object.keys(EXTRA_VALUES) as (keyof ScaleExtras)[]).filter((key) => question.extras[key]).map((key) => EXTRA_VALUES[key]);
  return [...question.points.map((p) => p.value), ...extras];
}

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** The message for a required question left unanswered: the officer's own words, else the interface's in `lang`. */
export function requiredMessage(question: Question, lang = 'en'): string {
  if (question.requiredError) return question.requiredError;
  return say(lang, requiredKey(question), { label: question.label }).message;
}

function requiredKey(question: Question): MessageKey {
  switch (question.type) {
    case 'multiple':
      return 'requiredMultiple';
    case 'place':
      return question.multiple ? 'requiredPlaces' : 'requiredPlace';
    case 'text':
    case 'longtext':
      return 'requiredText';
    case 'number':
      return 'requiredNumber';
    case 'consent':
      return 'requiredConsent';
    default:
      return 'requiredChoice';
  }
}

/** A required question's error: the officer's own words are in the page's language (they were localised with it). */
function requiredError(question: Question, lang: string | undefined): FieldError {
  return question.requiredError ? { field: question.id, message: question.requiredError } : { field: question.id, ...say(lang, requiredKey(question), { label: question.label }) };
}

/** An interface message as an error's message, and its language when one was asked for (the API's are English and say nothing). */
function say(lang: string | undefined, key: MessageKey, values?: MessageValues): { message: string; lang?: string } {
  const t = interfaceText(lang ?? 'en', key, values);
  return lang === undefined ? { message: t.text } : { message: t.text, lang: t.lang };
}

/** `child`: the questionnaire is for children (8–11), whose words differ (see wordingFor in the web app). */
type Check = (question: Question, value: unknown, lang: string | undefined, child: boolean) => FieldError[];

const err = (field: string, message: string): FieldError[] => [{ field, message }];

// Validation runs on every submission: each question's accepted values are
// worked out once (definitions do not change once parsed).
const accepted = new WeakMap<Question, ReadonlySet<string>>();

/** Every value a choice, scale, place or grid question accepts, "none"/extras included. */
function acceptedValues(question: Question): ReadonlySet<string> {
  let values = accepted.get(question);
  if (!values) {
    switch (question.type) {
      case 'single':
      case 'multiple':
        values = new Set([...question.options.map((o) => o.value), ...(question.type === 'multiple' && question.none ? [question.none.value] : [])]);
        break;
      case 'place':
        values = new Set([...question.places.map((o) => o.value), ...(question.none ? [question.none.value] : [])]);
        break;
      case 'scale':
      case 'grid':
        values = new Set(scaleValues(question));
        break;
      default:
        values = new Set();
    }
    accepted.set(question, values);
  }
  return values;
}

const notAnOption = (field: string, value: unknown) => err(field, `“${String(value)}” is not one of the options`);

function checkChoices(question: Question, value: unknown, none: string | undefined): FieldError[] {
  if (!Array.isArray(value)) return err(question.id, 'Answer must be a list of options');
  const allowed = acceptedValues(question);
  const unknown = value.find((v) => typeof v !== 'string' || !allowed.has(v));
  if (unknown !== undefined) return notAnOption(question.id, unknown);
  if (new Set(value).size !== value.length) return err(question.id, 'Each option can be chosen only once');
  if (none !== undefined && value.length > 1 && value.includes(none)) {
    return err(question.id, 'You cannot choose “none” together with other answers');
  }
  return [];
}

function checkOne(question: Question, value: unknown): FieldError[] {
  if (typeof value !== 'string') return err(question.id, 'Answer must be one option');
  return acceptedValues(question).has(value) ? [] : notAnOption(question.id, value);
}

const checks: Record<Question['type'], Check> = {
  single: checkOne,
  scale: checkOne,
  multiple: (q, v) => checkChoices(q, v, (q as QuestionOf<'multiple'>).none?.value),
  place: (q, v) => {
    const p = q as QuestionOf<'place'>;
    return p.multiple ? checkChoices(p, v, p.none?.value) : checkOne(p, v);
  },
  grid: (q, v, lang) => {
    const g = q as QuestionOf<'grid'>;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return err(g.id, 'Answer must give one option per row');
    const allowed = acceptedValues(g);
    const errors: FieldError[] = [];
    for (const [row, choice] of Object.entries(v)) {
      if (!g.rows.some((r) => r.value === row)) errors.push({ field: `${g.id}.${row}`, message: `“${row}” is not a row of this question` });
      else if (typeof choice !== 'string' || !allowed.has(choice)) errors.push(...notAnOption(`${g.id}.${row}`, choice));
    }
    if (g.required) {
      for (const row of g.rows) {
        if (!(row.value in v)) errors.push({ field: `${g.id}.${row.value}`, ...say(lang, 'requiredRow', { row: row.label }) });
      }
    }
    return errors;
  },
  text: (q, v, lang, child) => checkText(q as QuestionOf<'text'>, v, lang, child),
  longtext: (q, v, lang, child) => checkText(q as QuestionOf<'longtext'>, v, lang, child),
  number: (q, v, lang) => {
    const n = q as QuestionOf<'number'>;
    if (typeof v !== 'number' || !Number.isFinite(v)) return err(n.id, 'Answer must be a number');
    if (n.integer && !Number.isInteger(v)) return [{ field: n.id, ...say(lang, 'numberWhole') }];
    if (n.min !== undefined && v < n.min) return [{ field: n.id, ...say(lang, 'numberAtLeast', { min: n.min }) }];
    if (n.max !== undefined && v > n.max) return [{ field: n.id, ...say(lang, 'numberAtMost', { max: n.max }) }];
    return [];
  },
  statement: (q) => err(q.id, 'This item is information only and takes no answer'),
  consent: (q, v, lang) => {
    if (typeof v !== 'boolean') return err(q.id, 'Answer must be true or false');
    return v || !q.required ? [] : [requiredError(q, lang)];
  }
};

/** About six characters make a word; rounded down to tens, so "about 160 words" for 1,000 characters (children's wording). */
export const aboutWords = (limit: number): number => Math.max(10, Math.floor(limit / 60) * 10);

function checkText(q: { id: string; maxLength: number }, v: unknown, lang: string | undefined, child: boolean): FieldError[] {
  if (typeof v !== 'string') return err(q.id, 'Answer must be text');
  // Count Unicode code points, not UTF-16 units: a simple emoji counts once.
  // A string no longer in UTF-16 units than the limit is within it anyway.
  if (v.length <= q.maxLength) return [];
  const length = [...v].length;
  if (length <= q.maxLength) return [];
  // Children are told "about 160 words" under the box, so the error says the same.
  return [{ field: q.id, ...(child ? say(lang, 'textTooLongWords', { words: aboutWords(q.maxLength) }) : say(lang, 'textTooLong', { max: q.maxLength, length })) }];
}

export interface ValidateOptions {
  /** Check only the questions of this page (the web app, page by page). */
  pageId?: string;
  /** Write the messages a respondent may meet in this language (English where it has none); each error then says its language. */
  lang?: string;
}

/**
 * Every problem with a set of answers, as field-level errors. An empty list
 * means the answers can be stored as a response to this version.
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  /** Answers as received: anything of the wrong shape is reported, not trusted. */
  answers: Readonly<Record<string, unknown>>,
  options: ValidateOptions = {}
): FieldError[] {
  const questions = options.pageId ? (definition.pages.find((p) => p.id === options.pageId)?.questions ?? []) : allQuestions(definition);
  const visible = visibleQuestionIds(definition, answers as Answers);
  const errors: FieldError[] = [];
  const lang = options.lang;
  const child = definition.audience === 'child';

  if (!options.pageId) {
    for (const id of Object.keys(answers)) {
      if (!visible.has(id) && !questions.some((q) => q.id === id)) {
        errors.push({ field: id, message: `There is no question “${id}” in this questionnaire` });
      }
    }
  }
  for (const question of questions) {
    const value = answers[question.id];
    const empty = isEmptyAnswer(value);
    if (!visible.has(question.id)) {
      if (!empty) errors.push({ field: question.id, message: 'This question was not shown, so it cannot be answered' });
      continue;
    }
    if (empty) {
      if (!question.required || question.type === 'statement') continue;
      // A required grid reports each unanswered row, so each can be linked to.
      errors.push(...(question.type === 'grid' ? checks.grid(question, {}, lang, child) : [requiredError(question, lang)]));
      continue;
    }
    errors.push(...checks[question.type](question, value, lang, child));
  }
  return errors;
}
