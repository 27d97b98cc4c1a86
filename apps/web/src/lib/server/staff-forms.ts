// Reading staff forms and turning the API's field issues into the errors the
// ErrorSummary and inputs show.
import type { FieldError } from '@safer-voices/survey';
import type { ApiFailure } from './api.ts';

export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Checked boxes of one name, e.g. the roles. */
export function checkedValues(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

/**
 * The API's issues under the form's own field names (its `roles.0` is the
 * form's `roles`); anything else, or a failure without issues, goes to
 * `fallback` with the API's message, so the person always sees why.
 */
export function errorsFrom(failure: ApiFailure, fields: readonly string[], fallback: string): FieldError[] {
  const errors = (failure.issues ?? []).map((issue) => ({
    field: fields.find((f) => issue.field === f || issue.field.startsWith(`${f}.`)) ?? fallback,
    message: issue.message
  }));
  return errors.length > 0 ? errors : [{ field: fallback, message: failure.message }];
}
