// The theme form: what the textareas hold (one item a line), what the API
// is sent, and the API's field issues under the form's own field names.
import type { FieldError } from '@safer-voices/survey';
import type { ApiFailure } from '#lib/server/api.ts';

export const LIST_FIELDS = ['include', 'exclude', 'examples', 'seeds', 'against'] as const;
export const THEME_FIELDS = ['label', 'definition', ...LIST_FIELDS] as const;
type ListField = (typeof LIST_FIELDS)[number];

/** What the form shows: each list as the text of its textarea. */
export type ThemeFormValues = Record<(typeof THEME_FIELDS)[number] | 'note', string>;

export interface ThemeFields {
  label: string;
  definition: string;
  include: string[];
  exclude: string[];
  examples: string[];
  seeds: string[];
  against: string[];
}

export const EMPTY_THEME: ThemeFormValues = { label: '', definition: '', include: '', exclude: '', examples: '', seeds: '', against: '', note: '' };

/** One item a line; blank lines are dropped. */
export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

export function valuesOf(theme: ThemeFields): ThemeFormValues {
  const joined = Object.fromEntries(LIST_FIELDS.map((f) => [f, theme[f].join('\n')])) as Record<ListField, string>;
  return { label: theme.label, definition: theme.definition, ...joined, note: '' };
}

export function readThemeForm(form: FormData): ThemeFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return Object.fromEntries([...THEME_FIELDS, 'note'].map((f) => [f, text(f)])) as ThemeFormValues;
}

export function fieldsOf(values: ThemeFormValues): ThemeFields {
  const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, linesOf(values[f])])) as Record<ListField, string[]>;
  return { label: values.label, definition: values.definition, ...lists };
}

/** The version the form was made from, as the hidden field sends it. */
export function baseVersionOf(form: FormData): number {
  const value = Number(form.get('baseVersion'));
  return Number.isInteger(value) && value >= 0 ? value : -1;
}

/** `theme.seeds.3` is the form's `seeds`; a problem with the whole theme goes to the label. */
export function themeErrors(failure: ApiFailure): FieldError[] {
  const fieldOf = (path: string) => {
    const [first, second] = path.split('.');
    if (first === 'note') return 'note';
    return THEME_FIELDS.find((f) => f === second) ?? 'label';
  };
  const errors = (failure.issues ?? []).map((issue) => ({ field: fieldOf(issue.field), message: issue.message }));
  return errors.length > 0 ? errors : [{ field: 'label', message: failure.message }];
}

/** The message for an edit made from a version that is no longer the newest. */
export const STALE_MESSAGE = 'Someone else saved a new version of the codebook while you were working. Check your change against it below, then save again.';
