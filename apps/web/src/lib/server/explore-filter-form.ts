// The explorer's filter form: its controls with what is chosen, and the
// API's refusals as problems on the fields they are about.
import type { ExploreView } from '@safer-voices/api';
import { type Chosen, safeId } from '#lib/server/explore-view.ts';

export interface Check {
  id: string;
  value: string;
  label: string;
  checked: boolean;
}

export interface FilterForm {
  versions: Check[];
  from: string;
  to: string;
  question: { value: string; label: string; selected: boolean }[];
  dimensions: { key: string; name: string; id: string; label: string; open: boolean; chosen: number; error: string | null; options: Check[] }[];
  groupBy: { value: string; label: string; selected: boolean }[];
  theme: string;
  /** Inline messages by field (version, from, to, question, by, f.<key>). */
  errors: Record<string, string>;
}

export interface FieldProblem {
  field: string;
  message: string;
  href: string;
}

const publishedOn = (iso: string | null) => (iso ? `, published ${new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })}` : '');

/** The form's controls, with what is chosen checked and open. */
export function filterForm(view: ExploreView, chosen: Chosen, problems: FieldProblem[] = []): FilterForm {
  const errors = Object.fromEntries(problems.map((p) => [p.field, p.message]));
  return {
    versions: view.versions.map((v) => ({
      id: safeId('version', String(v.version)),
      value: String(v.version),
      label: `Version ${v.version}${publishedOn(v.publishedAt)}`,
      checked: chosen.versions.includes(String(v.version))
    })),
    from: chosen.from,
    to: chosen.to,
    question: [{ id: '', label: 'Any free-text question' }, ...view.freeTextQuestions].map((q) => ({ value: q.id, label: q.label, selected: chosen.question === q.id })),
    dimensions: view.dimensions.map((d) => {
      const picked = chosen.filters[d.key] ?? [];
      const error = errors[`f.${d.key}`] ?? null;
      return {
        key: d.key,
        name: `f.${d.key}`,
        id: safeId('f', d.key),
        label: d.label,
        open: picked.length > 0 || error !== null,
        chosen: picked.length,
        error,
        options: d.options.map((o) => ({ id: safeId('f', d.key, o.value), value: o.value, label: o.label, checked: picked.includes(o.value) }))
      };
    }),
    groupBy: [{ key: '', label: 'Nothing: no cross-tab' }, ...view.dimensions].map((d) => ({ value: d.key, label: d.label, selected: chosen.by === d.key })),
    theme: chosen.theme,
    errors
  };
}

/** The API's issues as problems on the form's fields, each linking to its first control. */
export function problemsFrom(issues: { field: string; message: string }[] | undefined, message: string, view: ExploreView): FieldProblem[] {
  const list = issues && issues.length > 0 ? issues : [{ field: 'query', message }];
  const keys = [...view.dimensions.map((d) => d.key)].sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of list) {
    const field = fieldOf(issue.field, keys);
    if (seen.has(`${field} ${issue.message}`)) continue;
    seen.add(`${field} ${issue.message}`);
    problems.push({ field, message: issue.message, href: `#${controlId(field, view)}` });
  }
  return problems;
}

function fieldOf(raw: string, keys: string[]): string {
  const field = raw.replace(/^query\./, '');
  if (field.startsWith('f.')) {
    const key = keys.find((k) => field === `f.${k}` || field.startsWith(`f.${k}.`));
    return key ? `f.${key}` : field;
  }
  return field.split('.')[0] ?? field;
}

/** Where an error summary link goes: the field's first control, else the form. */
function controlId(field: string, view: ExploreView): string {
  if (field === 'from' || field === 'to' || field === 'question' || field === 'by') return field;
  if (field === 'version' && view.versions[0]) return safeId('version', String(view.versions[0].version));
  const dimension = field.startsWith('f.') ? view.dimensions.find((d) => `f.${d.key}` === field) : undefined;
  if (dimension?.options[0]) return safeId('f', dimension.key, dimension.options[0].value);
  if (field === 'theme') return 'quotes';
  return 'filters';
}
