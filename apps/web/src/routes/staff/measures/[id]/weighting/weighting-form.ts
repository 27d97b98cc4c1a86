// The weighting form's fields and the shared weighting input: each variable
// the series offers is a group of per-cent fields, one per category, named by
// position (`share-2-0`) so any school name or answer can be a category. A
// variable with every field blank is not weighted by.
import type { FieldError } from '@safer-voices/survey';

export interface OfferedVariable {
  key: string;
  label: string;
  categories: { value: string; label: string }[];
}

export const shareField = (variable: number, category: number) => `share-${variable}-${category}`;
/** The variable's group as a whole (its shares do not add up): errors show at its legend, the summary links to its first field. */
export const variableField = (variable: number) => `variable-${variable}`;
export const TRIM_FIELDS = { lower: 'trimLower', upper: 'trimUpper' } as const;

export interface WeightingFormValues {
  shares: Record<string, string>;
  trimLower: string;
  trimUpper: string;
}

export function valuesOf(form: FormData, offered: readonly OfferedVariable[]): WeightingFormValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const shares: Record<string, string> = {};
  offered.forEach((variable, i) => {
    variable.categories.forEach((_, j) => {
      shares[shareField(i, j)] = text(shareField(i, j)).trim().slice(0, 20);
    });
  });
  return { shares, trimLower: text(TRIM_FIELDS.lower).trim().slice(0, 20), trimUpper: text(TRIM_FIELDS.upper).trim().slice(0, 20) };
}

/** The input for the API, and where each of its variables is on the page (for mapping issues back). */
export function inputOf(values: WeightingFormValues, offered: readonly OfferedVariable[]): { input: unknown; positions: number[] } {
  const positions: number[] = [];
  const variables = offered.flatMap((variable, i) => {
    const entered = variable.categories.flatMap((category, j) => {
      const typed = values.shares[shareField(i, j)] ?? '';
      return typed === '' ? [] : [[category.value, typed] as const];
    });
    if (entered.length === 0) return [];
    positions.push(i);
    return [{ key: variable.key, shares: Object.fromEntries(entered) }];
  });
  return { input: { variables, trim: { lower: values.trimLower || '0.3', upper: values.trimUpper || '3' } }, positions };
}

/** Issues named by the input's paths (`variables.0.shares.girl`) as the page's fields. */
export function pageErrors(issues: readonly FieldError[], positions: readonly number[], offered: readonly OfferedVariable[]): FieldError[] {
  return issues.map(({ field, message }) => {
    const [head, at, part, ...rest] = field.split('.');
    if (head === 'trim') return { field: at === 'upper' ? TRIM_FIELDS.upper : TRIM_FIELDS.lower, message };
    if (head !== 'variables' || at === undefined) return { field: variableField(0), message };
    const i = positions[Number(at)] ?? 0;
    if (part === 'shares' && rest.length > 0) {
      const j = offered[i]?.categories.findIndex((c) => c.value === rest.join('.')) ?? -1;
      if (j >= 0) return { field: shareField(i, j), message };
    }
    return { field: variableField(i), message };
  });
}

/** The saved shares (fractions) as the form shows them: per cent to one decimal place. */
export function savedValues(
  weighting: { variables: { key: string; shares: Record<string, number> }[]; trim: { lower: number; upper: number } } | null,
  offered: readonly OfferedVariable[]
): WeightingFormValues {
  const shares: Record<string, string> = {};
  offered.forEach((variable, i) => {
    const saved = weighting?.variables.find((v) => v.key === variable.key);
    variable.categories.forEach((category, j) => {
      const share = saved?.shares[category.value];
      shares[shareField(i, j)] = share === undefined ? '' : String(Math.round(share * 1000) / 10);
    });
  });
  return { shares, trimLower: String(weighting?.trim.lower ?? 0.3), trimUpper: String(weighting?.trim.upper ?? 3) };
}
