// What the editor knows about question types: their names, a starting
// shape for a new question, ids made from labels, and skip logic in words.
import { EXTRA_VALUES, type Question, type QuestionnaireDefinition, type QuestionType, type ShowIf, unusedId } from '@safer-voices/survey';

export const QUESTION_TYPES: { type: QuestionType; name: string }[] = [
  { type: 'single', name: 'One answer from a list' },
  { type: 'multiple', name: 'Several answers from a list' },
  { type: 'scale', name: 'Scale (e.g. very safe to very unsafe)' },
  { type: 'grid', name: 'Grid: the same scale for several rows' },
  { type: 'text', name: 'Short text' },
  { type: 'longtext', name: 'Long text' },
  { type: 'number', name: 'Number' },
  { type: 'place', name: 'Places' },
  { type: 'statement', name: 'Information to read (e.g. parent information, assent)' },
  { type: 'consent', name: 'Consent or assent tick box' }
];

export const typeName = (type: string) => QUESTION_TYPES.find((t) => t.type === type)?.name ?? type;
export const isQuestionType = (value: string): value is QuestionType => QUESTION_TYPES.some((t) => t.type === value);

/** An id from a label: "Very safe!" → very_safe. Ids key answers, so they only change when a person changes them. */
export function idFromLabel(label: string, fallback = 'item'): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  if (!slug) return fallback;
  return /^[a-z]/.test(slug) ? slug : `${fallback}_${slug}`.slice(0, 63);
}

export const allQuestionIds = (definition: QuestionnaireDefinition) => new Set(definition.pages.flatMap((p) => p.questions.map((q) => q.id)));

const agree = [
  { value: 'strongly_agree', label: 'Strongly agree' },
  { value: 'agree', label: 'Agree' },
  { value: 'disagree', label: 'Disagree' },
  { value: 'strongly_disagree', label: 'Strongly disagree' }
];

/** A new question of `type`: complete enough to save, for the person to change. */
export function newQuestion(type: QuestionType, label: string, id: string): Question {
  const base = { id, label, required: false };
  switch (type) {
    case 'single':
      return {
        ...base,
        type,
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' }
        ]
      };
    case 'multiple':
      return { ...base, type, options: [{ value: 'option_1', label: 'Option 1' }] };
    case 'scale':
      return { ...base, type, points: agree, extras: {} };
    case 'grid':
      return { ...base, type, rows: [{ value: 'row_1', label: 'Row 1' }], points: agree, extras: {} };
    case 'text':
      return { ...base, type, maxLength: 200 };
    case 'longtext':
      return { ...base, type, maxLength: 1200 };
    case 'number':
      return { ...base, type, integer: true };
    case 'place':
      return { ...base, type, places: [{ value: 'school', label: 'School' }], multiple: true };
    case 'statement':
      return { ...base, type, body: 'Write the text to show here.' };
    case 'consent':
      return { ...base, type, required: true, body: 'Write what the person is agreeing to.', agreeLabel: 'I agree' };
  }
}

/** A new question's id: from its label, not clashing with any other. */
export const newQuestionId = (definition: QuestionnaireDefinition, label: string) => unusedId(idFromLabel(label, 'question'), allQuestionIds(definition));

export interface Answer {
  value: string;
  label: string;
}

/** The answers a condition can test, or null when the answer is free text or a number. */
export function answersOf(question: Question): Answer[] | null {
  const extras = (q: { extras: Partial<Record<keyof typeof EXTRA_VALUES, string>> }) =>
    (Object.keys(EXTRA_VALUES) as (keyof typeof EXTRA_VALUES)[]).flatMap((k) => (q.extras[k] ? [{ value: EXTRA_VALUES[k], label: q.extras[k] as string }] : []));
  switch (question.type) {
    case 'single':
      return question.options;
    case 'multiple':
      return [...question.options, ...(question.none ? [question.none] : [])];
    case 'place':
      return [...question.places, ...(question.none ? [question.none] : [])];
    case 'scale':
      return [...question.points, ...extras(question)];
    case 'consent':
      return [
        { value: 'true', label: 'Ticked' },
        { value: 'false', label: 'Not ticked' }
      ];
    default:
      return null;
  }
}

/** Questions a condition may refer to: on earlier pages, with an answer show-if can test. */
export function earlierQuestions(definition: QuestionnaireDefinition, questionId: string): Question[] {
  const page = definition.pages.findIndex((p) => p.questions.some((q) => q.id === questionId));
  return definition.pages
    .slice(0, Math.max(page, 0))
    .flatMap((p) => p.questions)
    .filter((q) => q.type !== 'statement' && q.type !== 'grid');
}

export function findQuestion(definition: QuestionnaireDefinition, id: string): Question | undefined {
  for (const page of definition.pages) for (const q of page.questions) if (q.id === id) return q;
  return undefined;
}

/** "Shown only if “Do you …?” is “Yes”", in the words of the questions' own labels. */
export function describeCondition(definition: QuestionnaireDefinition, condition: ShowIf): string {
  const target = findQuestion(definition, condition.question);
  const answers = target ? answersOf(target) : null;
  const named = (v: string | number | boolean) => `“${answers?.find((a) => a.value === String(v))?.label ?? String(v)}”`;
  const about = target ? `“${target.label}”` : `“${condition.question}” (no such question)`;
  if ('includes' in condition) return `Shown only if the answers to ${about} include ${named(condition.includes)}`;
  if ('anyOf' in condition) return `Shown only if the answer to ${about} is any of ${condition.anyOf.map(named).join(', ')}`;
  return `Shown only if the answer to ${about} is ${named(condition.equals)}`;
}
