// Reading staff forms and turning the API's field issues into the errors the
// ErrorSummary and inputs show.
import { type FieldError, formErrors } from '@safer-voices/survey';
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
export const errorsFrom = (failure: ApiFailure, fields: readonly string[], fallback: string): FieldError[] => formErrors(failure.issues, fields, fallback, failure.message);
