// Shared helpers for rendering questions and their errors.
import type { FieldError } from '@safer-voices/survey';

/** HTML id for an error's field: `question.row` becomes `question--row`. */
export const fieldId = (field: string) => field.replace(/\./g, '--');

export function errorsFor(errors: FieldError[] | undefined, questionId: string): FieldError[] {
  return (errors ?? []).filter((e) => e.field === questionId || e.field.startsWith(`${questionId}.`));
}

/** aria-describedby from the parts that exist. */
export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
