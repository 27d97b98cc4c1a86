// One function decides whether answers fit a questionnaire version. The API
// uses it on whole responses; the web app on one page at a time.
import { allQuestions, visibleQuestionIds } from './logic';
import type { AnswerValue, Answers, Question, QuestionnaireDefinition, ScaleExtras } from './model';

export interface FieldError {
  /** Question id, or `questionId.rowId` for a row of a grid. */
  field: string;
  message: string;
}

export const EXTRA_VALUES = {
  dontKnow: 'dont_know',
  preferNotToSay: 'prefer_not_to_say',
  notApplicable: 'not_applicable'
} as const satisfies Record<keyof ScaleExtras, string>;

/** Values a scale or grid row accepts: its points and any extras it offers. */
export function scaleValues(question: { points: { value: string }[]; extras: ScaleExtras }): string[] {
  const extras = (Object.keys(EXTRA_VALUES) as (keyof ScaleExtras)[])
    .filter((key) => question.extras[key])
    .map((key) => EXTRA_VALUES[key]);
  return [...question.points.map((p) => p.value), ...extras];
}

export function isEmptyAnswer(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export function requiredMessage(question: Question): string {
  if (question.requiredError) return question.requiredError;
  switch (question.type) {
    case 'multiple':
      return `Select at least one answer to “${question.label}”`;
    case 'place':
      return `Select ${question.multiple ? 'at least one place' : 'a place'} for “${question.label}”`;
    case 'text':
    case 'longtext':
      return `Enter an answer to “${question.label}”`;
    case 'number':
      return `Enter a number for “${question.label}”`;
    case 'consent':
      return `Tick the box if you agree to take part`;
    default:
      return `Select an answer to “${question.label}”`;
  }
}

type Check = (question: Question, value: AnswerValue) => FieldError[];

const err = (field: string, message: string): FieldError[] => [{ field, message }];

function checkChoices(id: string, value: AnswerValue, allowed: string[], none: string | undefined): FieldError[] {
  if (!Array.isArray(value)) return err(id, 'Answer must be a list of options');
  const unknown = value.find((v) => !allowed.includes(v) && v !== none);
  if (unknown !== undefined) return err(id, `“${unknown}” is not one of the options`);
  if (new Set(value).size !== value.length) return err(id, 'Each option can be chosen only once');
  if (none !== undefined && value.includes(none) && value.length > 1) {
    return err(id, 'You cannot choose “none” together with other answers');
  }
  return [];
}

function checkOne(id: string, value: AnswerValue, allowed: string[]): FieldError[] {
  if (typeof value !== 'string') return err(id, 'Answer must be one option');
  return allowed.includes(value) ? [] : err(id, `“${value}” is not one of the options`);
}

const checks: Record<Question['type'], Check> = {
  single: (q, v) => checkOne(q.id, v, (q as Extract<Question, { type: 'single' }>).options.map((o) => o.value)),
  scale: (q, v) => checkOne(q.id, v, scaleValues(q as Extract<Question, { type: 'scale' }>)),
  multiple: (q, v) => {
    const m = q as Extract<Question, { type: 'multiple' }>;
    return checkChoices(m.id, v, m.options.map((o) => o.value), m.none?.value);
  },
  place: (q, v) => {
    const p = q as Extract<Question, { type: 'place' }>;
    const allowed = p.places.map((o) => o.value);
    if (p.multiple) return checkChoices(p.id, v, allowed, p.none?.value);
    return checkOne(p.id, v, p.none ? [...allowed, p.none.value] : allowed);
  },
  grid: (q, v) => {
    const g = q as Extract<Question, { type: 'grid' }>;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return err(g.id, 'Answer must give one option per row');
    const rows = new Map(g.rows.map((r) => [r.value, r]));
    const allowed = scaleValues(g);
    const errors: FieldError[] = [];
    for (const [row, choice] of Object.entries(v)) {
      if (!rows.has(row)) errors.push({ field: `${g.id}.${row}`, message: `“${row}” is not a row of this question` });
      else if (!allowed.includes(choice)) errors.push({ field: `${g.id}.${row}`, message: `“${choice}” is not one of the options` });
    }
    if (g.required) {
      for (const row of g.rows) {
        if (!(row.value in v)) errors.push({ field: `${g.id}.${row.value}`, message: `Select an answer for “${row.label}”` });
      }
    }
    return errors;
  },
  text: (q, v) => checkText(q as Extract<Question, { type: 'text' }>, v),
  longtext: (q, v) => checkText(q as Extract<Question, { type: 'longtext' }>, v),
  number: (q, v) => {
    const n = q as Extract<Question, { type: 'number' }>;
    if (typeof v !== 'number' || !Number.isFinite(v)) return err(n.id, 'Answer must be a number');
    if (n.integer && !Number.isInteger(v)) return err(n.id, 'Enter a whole number');
    if (n.min !== undefined && v < n.min) return err(n.id, `Enter a number that is ${n.min} or more`);
    if (n.max !== undefined && v > n.max) return err(n.id, `Enter a number that is ${n.max} or less`);
    return [];
  },
  statement: (q) => err(q.id, 'This item is information only and takes no answer'),
  consent: (q, v) => {
    if (typeof v !== 'boolean') return err(q.id, 'Answer must be true or false');
    return v || !q.required ? [] : err(q.id, requiredMessage(q));
  }
};

function checkText(q: { id: string; maxLength: number }, v: AnswerValue): FieldError[] {
  if (typeof v !== 'string') return err(q.id, 'Answer must be text');
  // Count Unicode code points, not UTF-16 units, as a browser's maxlength
  // counter would not: a simple emoji counts once.
  const length = [...v].length;
  return length > q.maxLength ? err(q.id, `Answer must be ${q.maxLength} characters or fewer (you wrote ${length})`) : [];
}

export interface ValidateOptions {
  /** Check only the questions of this page (the web app, page by page). */
  pageId?: string;
}

/**
 * Every problem with a set of answers, as field-level errors. An empty list
 * means the answers can be stored as a response to this version.
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  answers: Answers,
  options: ValidateOptions = {}
): FieldError[] {
  const questions = options.pageId ? (definition.pages.find((p) => p.id === options.pageId)?.questions ?? []) : allQuestions(definition);
  const visible = visibleQuestionIds(definition, answers);
  const errors: FieldError[] = [];

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
    if (empty || value === undefined) {
      if (!question.required || question.type === 'statement') continue;
      // A required grid reports each unanswered row, so each can be linked to.
      errors.push(...(question.type === 'grid' ? checks.grid(question, {}) : err(question.id, requiredMessage(question))));
      continue;
    }
    errors.push(...checks[question.type](question, value));
  }
  return errors;
}
