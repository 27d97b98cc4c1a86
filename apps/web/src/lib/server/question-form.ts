// The question edit form, read and written without JavaScript: every field
// of every type, lists of rows (options, points, grid rows, places) that
// grow, shrink and reorder through submit buttons, and a skip-logic
// condition picked from earlier questions. The form's state is kept as text
// until "Save", so half-finished rows survive a round trip.
import { type FieldError, type Question, type QuestionnaireDefinition, QuestionSchema, type QuestionType, ReceivedQuestionTextSchema, type ShowIf, unusedId } from '@safer-voices/survey';
import { answersOf, findQuestion, idFromLabel } from '#lib/components/designer/questions.ts';

export const LIST_NAMES = ['options', 'rows', 'points', 'places'] as const;
export type ListName = (typeof LIST_NAMES)[number];
export const EXTRA_NAMES = ['dontKnow', 'preferNotToSay', 'notApplicable'] as const;
export const CONDITION_OPS = ['equals', 'includes', 'anyOf'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export interface Row {
  label: string;
  value: string;
}

export interface QuestionFormState {
  type: QuestionType;
  id: string;
  label: string;
  help: string;
  required: boolean;
  measure: string;
  lists: Partial<Record<ListName, Row[]>>;
  /** "None of these" / "I don't go to any of these"; an empty label means not offered. */
  none: Row;
  extras: Record<(typeof EXTRA_NAMES)[number], string>;
  maxLength: string;
  min: string;
  max: string;
  suffix: string;
  integer: boolean;
  multiple: boolean;
  body: string;
  agreeLabel: string;
  showIf: { question: string; op: ConditionOp; values: string[]; text: string };
}

/** Which row lists each type has, in the order the form shows them. */
export function listsOf(type: QuestionType): ListName[] {
  if (type === 'single' || type === 'multiple') return ['options'];
  if (type === 'scale') return ['points'];
  if (type === 'grid') return ['rows', 'points'];
  if (type === 'place') return ['places'];
  return [];
}
export const hasNone = (type: QuestionType) => type === 'multiple' || type === 'place';
export const hasExtras = (type: QuestionType) => type === 'scale' || type === 'grid';

export function stateOf(question: Question): QuestionFormState {
  const q = question as Question & Record<string, unknown>;
  const lists: QuestionFormState['lists'] = {};
  for (const name of listsOf(question.type)) lists[name] = ((q[name] as Row[] | undefined) ?? []).map((r) => ({ ...r }));
  const extras = (q.extras ?? {}) as Partial<QuestionFormState['extras']>;
  const none = q.none as Row | undefined;
  const condition = question.showIf;
  const op: ConditionOp = condition ? ('includes' in condition ? 'includes' : 'anyOf' in condition ? 'anyOf' : 'equals') : 'equals';
  const values = !condition ? [] : 'includes' in condition ? [condition.includes] : 'anyOf' in condition ? condition.anyOf : [String(condition.equals)];
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    type: question.type,
    id: question.id,
    label: question.label,
    help: question.help ?? '',
    required: question.required,
    measure: question.measure ?? '',
    lists,
    none: { label: none?.label ?? '', value: none?.value ?? '' },
    extras: { dontKnow: extras.dontKnow ?? '', preferNotToSay: extras.preferNotToSay ?? '', notApplicable: extras.notApplicable ?? '' },
    maxLength: text(q.maxLength),
    min: text(q.min),
    max: text(q.max),
    suffix: text(q.suffix),
    integer: q.integer !== false,
    multiple: q.multiple !== false,
    body: text(q.body),
    agreeLabel: text(q.agreeLabel),
    showIf: { question: condition?.question ?? '', op, values, text: values[0] ?? '' }
  };
}

const textOf = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};
const allOf = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? v.trim() : ''));

/** The form as sent; the type and id come from the stored question, not the browser. */
export function readState(form: FormData, type: QuestionType, id: string): QuestionFormState {
  const lists: QuestionFormState['lists'] = {};
  for (const name of listsOf(type)) {
    const labels = allOf(form, `${name}.label`);
    const values = allOf(form, `${name}.value`);
    lists[name] = labels.map((label, i) => ({ label, value: values[i] ?? '' }));
  }
  const op = textOf(form, 'showIf.op');
  return {
    type,
    id,
    label: textOf(form, 'label'),
    help: textOf(form, 'help'),
    required: form.get('required') === 'yes',
    measure: textOf(form, 'measure'),
    lists,
    none: { label: textOf(form, 'none.label'), value: textOf(form, 'none.value') },
    extras: { dontKnow: textOf(form, 'extras.dontKnow'), preferNotToSay: textOf(form, 'extras.preferNotToSay'), notApplicable: textOf(form, 'extras.notApplicable') },
    maxLength: textOf(form, 'maxLength'),
    min: textOf(form, 'min'),
    max: textOf(form, 'max'),
    suffix: textOf(form, 'suffix'),
    integer: form.get('integer') === 'yes',
    multiple: form.get('multiple') === 'yes',
    body: textOf(form, 'body'),
    agreeLabel: textOf(form, 'agreeLabel'),
    showIf: {
      question: textOf(form, 'showIf.question'),
      op: (CONDITION_OPS as readonly string[]).includes(op) ? (op as ConditionOp) : 'equals',
      values: allOf(form, 'showIf.values').filter(Boolean),
      text: textOf(form, 'showIf.text')
    }
  };
}

/**
 * A row button: `options.add`, `points.2.up`, `rows.0.down`, `places.1.remove`.
 * Returns the field to send focus to (by link), or null for an unknown command.
 */
export function applyRowCommand(state: QuestionFormState, command: string): string | null {
  const [name, second, third] = command.split('.');
  const list = state.lists[name as ListName];
  if (!list) return null;
  if (second === 'add') {
    list.push({ label: '', value: '' });
    return `${name}.${list.length - 1}.label`;
  }
  const i = Number(second);
  if (!Number.isInteger(i) || i < 0 || i >= list.length) return null;
  const swapWith = third === 'up' ? i - 1 : third === 'down' ? i + 1 : -1;
  if (third === 'remove') {
    list.splice(i, 1);
    return list.length > 0 ? `${name}.${Math.min(i, list.length - 1)}.label` : `${name}.add`;
  }
  if (swapWith < 0 || swapWith >= list.length) return `${name}.${i}.label`;
  [list[i], list[swapWith]] = [list[swapWith] as Row, list[i] as Row];
  return `${name}.${swapWith}.label`;
}

/** Rows with a label, each with a value: the one typed, or one made from the label. */
function finishedRows(rows: Row[]): Row[] {
  const taken = new Set(rows.map((r) => r.value).filter(Boolean));
  return rows
    .filter((r) => r.label || r.value)
    .map((r) => {
      if (r.value) return r;
      const value = unusedId(idFromLabel(r.label, 'option'), taken);
      taken.add(value);
      return { label: r.label, value };
    });
}

const numberOr = (text: string) => (text === '' ? undefined : Number(text));

function conditionOf(state: QuestionFormState, definition: QuestionnaireDefinition, errors: FieldError[]): ShowIf | undefined {
  const { question, op, values, text } = state.showIf;
  if (!question) return undefined;
  const target = findQuestion(definition, question);
  const answers = target ? answersOf(target) : null;
  if (target?.type === 'number' || (target && !answers)) {
    if (!text) {
      errors.push({ field: 'showIf.text', message: 'Enter the answer that shows this question' });
      return undefined;
    }
    if (target.type === 'number') return { question, equals: Number(text) };
    return { question, equals: text };
  }
  if (values.length === 0) {
    errors.push({ field: 'showIf.values', message: 'Choose the answer that shows this question' });
    return undefined;
  }
  if (op === 'anyOf') return { question, anyOf: values };
  if (values.length > 1) {
    errors.push({ field: 'showIf.values', message: `Choose one answer for “${op === 'includes' ? 'includes' : 'equals'}”, or use “is any of”` });
    return undefined;
  }
  const [value = ''] = values;
  if (op === 'includes') return { question, includes: value };
  if (target?.type === 'consent') return { question, equals: value === 'true' };
  return { question, equals: value };
}

/** The question the form describes, or what is wrong with it, by field. */
export function toQuestion(state: QuestionFormState, definition: QuestionnaireDefinition): { question: Question } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const lists = Object.fromEntries(listsOf(state.type).map((name) => [name, finishedRows(state.lists[name] ?? [])]));
  const extras = Object.fromEntries(EXTRA_NAMES.filter((k) => state.extras[k]).map((k) => [k, state.extras[k]]));
  const none = state.none.label ? { label: state.none.label, value: state.none.value || idFromLabel(state.none.label, 'none') } : undefined;
  const showIf = conditionOf(state, definition, errors);
  const candidate: Record<string, unknown> = {
    id: state.id,
    type: state.type,
    label: state.label,
    required: state.required,
    ...(state.help ? { help: state.help } : {}),
    ...(state.measure ? { measure: state.measure } : {}),
    ...(showIf ? { showIf } : {}),
    ...lists
  };
  if (hasExtras(state.type)) candidate.extras = extras;
  if (hasNone(state.type) && none) candidate.none = none;
  if (state.type === 'text' || state.type === 'longtext') candidate.maxLength = numberOr(state.maxLength);
  if (state.type === 'number') Object.assign(candidate, { min: numberOr(state.min), max: numberOr(state.max), integer: state.integer, ...(state.suffix ? { suffix: state.suffix } : {}) });
  if (state.type === 'place') candidate.multiple = state.multiple;
  if (state.type === 'statement' || state.type === 'consent') candidate.body = state.body;
  if (state.type === 'consent') candidate.agreeLabel = state.agreeLabel;

  // Wording that shows nothing (zero-width spaces) is refused at its field in the form's words; bidi controls are not kept.
  // The shape is checked too, so every problem is named at once (one per field, the wording's first).
  const texts = ReceivedQuestionTextSchema.safeParse(candidate);
  const parsed = QuestionSchema.safeParse(texts.success ? texts.data : candidate);
  const named = new Set<string>();
  for (const issue of [...(texts.error?.issues ?? []), ...(parsed.error?.issues ?? [])]) {
    const field = issue.path.join('.') || 'label';
    if (!named.has(field)) errors.push({ field, message: friendly(field, issue.message) });
    named.add(field);
  }
  if (errors.length > 0 || !parsed.success || !texts.success) return { errors };
  return { question: parsed.data };
}

/** Zod's words, where a person would want something plainer (the wording's own are already: see question-text.ts in the survey package). */
function friendly(path: string, message: string): string {
  if (/^(options|points|rows|places)$/.test(path) && /least|>=/.test(message)) return `Add more ${path === 'points' ? 'scale points' : path}: ${message.toLowerCase()}`;
  if (/\.value$|^measure$/.test(path)) return `${path.endsWith('value') ? 'Value' : 'Measure key'}: ${message.toLowerCase()}`;
  if (/^(min|max|maxLength)$/.test(path)) return `${path === 'maxLength' ? 'Longest answer' : path === 'min' ? 'Smallest number' : 'Largest number'}: enter a number`;
  return message;
}
