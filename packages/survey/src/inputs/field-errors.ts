// Field errors by field path, for forms checked by a shared input schema and
// again by the API. A zod issue's path (`roles.0`, `theme.seeds.3`) is named
// with dots, as the API's issues are; a form maps each path to one of its own
// fields, never by the order the errors came in.
import type { z } from 'zod';
import type { FieldError } from '../validate';

/** A zod issue's path as the API names it: `roles.0`; the whole input is `fallback`. */
export const pathName = (path: readonly PropertyKey[], fallback = ''): string => path.map(String).join('.') || fallback;

/** zod's issues as field errors, named by path. */
export const issuesAsErrors = (issues: readonly z.core.$ZodIssue[], fallback = ''): FieldError[] => issues.map((issue) => ({ field: pathName(issue.path, fallback), message: issue.message }));

/** The form's field for an issue's path: the field itself or anything inside it (`roles.0` is `roles`). */
export const fieldFor = (path: string, fields: readonly string[]): string | undefined => fields.find((f) => path === f || path.startsWith(`${f}.`));

/**
 * Issues under the form's own field names; an issue about anything else goes
 * to `fallback`, and a failure with no issues at all becomes one error there
 * with `message`, so the person always sees why.
 */
export function formErrors(issues: readonly FieldError[] | undefined, fields: readonly string[], fallback: string, message?: string): FieldError[] {
  const errors = (issues ?? []).map((issue) => ({ field: fieldFor(issue.field, fields) ?? fallback, message: issue.message }));
  return errors.length > 0 || message === undefined ? errors : [{ field: fallback, message }];
}

/**
 * The API's issues, each in the reader's words when a check made here found
 * a problem with the same field (the first such message), in the API's own
 * words otherwise (keeping the language the local message says it is in).
 * The API's issues decide which fields are wrong.
 */
export function localisedErrors(issues: readonly FieldError[], local: readonly FieldError[]): FieldError[] {
  const localError = new Map<string, FieldError>();
  for (const e of local) if (!localError.has(e.field)) localError.set(e.field, e);
  return issues.map((issue) => {
    const own = localError.get(issue.field);
    return own ? { field: issue.field, message: own.message, ...(own.lang ? { lang: own.lang } : {}) } : { field: issue.field, message: issue.message };
  });
}

export type FormParse<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * A form's values checked with a shared input schema: the data, or the
 * issues under the form's field names. Never throws for any input.
 */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown, fields: readonly string[], fallback: string): FormParse<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: formErrors(issuesAsErrors(result.error.issues), fields, fallback) };
}
