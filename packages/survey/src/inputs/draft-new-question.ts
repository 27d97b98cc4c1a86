// A new question as the editor first asks for it, on "Add a question" (to a
// page) and "Add a page": its kind and its wording, with each form's
// messages. Errors are named by the form's field (`<prefix>-type`,
// `<prefix>-label`) from the issue's path, never by the order they come in.
import { z } from 'zod';
import type { FieldError } from '../validate';
import { QuestionSchema, type QuestionType } from '../model';
import { requiredShortText } from './short-text';

/** Every kind of question, in the model's order. */
export const QUESTION_TYPE_VALUES = QuestionSchema.options.map((o) => o.shape.type.value) as [QuestionType, ...QuestionType[]];

export const DRAFT_NEW_QUESTION_MESSAGES = {
  /** "Add a question" under a page. */
  question: { type: 'Choose the kind of question', label: 'Enter the question' },
  /** "Add a page": its first question. */
  page: { type: 'Choose the kind of question for the new page', label: 'Enter the first question on the new page' }
} as const;

export type NewQuestionForm = keyof typeof DRAFT_NEW_QUESTION_MESSAGES;

export const draftNewQuestionSchema = (form: NewQuestionForm) => {
  const m = DRAFT_NEW_QUESTION_MESSAGES[form];
  return z.object({
    type: z.enum(QUESTION_TYPE_VALUES, { error: m.type }),
    // Zero-width and other blank characters alone are no wording.
    label: requiredShortText({ empty: m.label })
  });
};

/** The kind and wording as typed, or errors on `<prefix>-type` and `<prefix>-label`. */
export function readDraftNewQuestion(
  values: { type?: string; label?: string },
  form: NewQuestionForm,
  prefix: string
): { ok: true; question: { type: QuestionType; label: string } } | { ok: false; errors: FieldError[] } {
  const result = draftNewQuestionSchema(form).safeParse(values);
  if (result.success) return { ok: true, question: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ field: `${prefix}-${String(issue.path[0] ?? 'label')}`, message: issue.message })) };
}
