// A section's form read into its definition (the rows of "You said, we did"
// and a theme's quotes have pages of their own and are kept as they are).
import { type FieldError, parseForm, type ReportSectionDefinition, ReportSectionSchema } from '@safer-voices/survey';
import type { ApiFailure } from '#lib/server/api.ts';
import { checkedValues, textField } from '#lib/server/staff-forms.ts';

export const SECTION_FIELDS = ['heading', 'text', 'notes', 'intro', 'measureKeys', 'successMeasureIds', 'themes', 'rows'] as const;

export type SectionValues = Record<string, string | string[]>;

export function readSectionForm(section: ReportSectionDefinition, form: FormData): { values: SectionValues; section: ReportSectionDefinition | null; errors: FieldError[] } {
  const heading = textField(form, 'heading').trim();
  const base = { id: section.id, kind: section.kind, ...(heading ? { heading } : {}) };
  let values: SectionValues = { heading };
  let next: unknown;
  switch (section.kind) {
    case 'summary':
      values = { heading, text: textField(form, 'text') };
      next = { ...base, text: values.text };
      break;
    case 'methodology':
      values = { heading, notes: textField(form, 'notes') };
      next = { ...base, notes: values.notes };
      break;
    case 'safety':
      values = { heading, intro: textField(form, 'intro'), measureKeys: checkedValues(form, 'measureKeys'), successMeasureIds: checkedValues(form, 'successMeasureIds') };
      next = { ...base, intro: values.intro, measureKeys: values.measureKeys, successMeasureIds: values.successMeasureIds };
      break;
    case 'themes': {
      const themeIds = checkedValues(form, 'themes');
      values = { heading, intro: textField(form, 'intro'), themes: themeIds };
      // A theme kept keeps what was written about it and its quotes.
      next = { ...base, intro: values.intro, themes: themeIds.map((id) => section.themes.find((t) => t.themeId === id) ?? { themeId: id }) };
      break;
    }
    case 'you-said-we-did':
      next = { ...base, rows: section.rows };
      break;
  }
  const parsed = parseForm(ReportSectionSchema, next, SECTION_FIELDS, 'heading');
  return parsed.ok ? { values, section: parsed.data, errors: [] } : { values, section: null, errors: parsed.errors };
}

/** The API's refusal of a save, its issues (`sections.2.measureKeys.0`) under the section form's fields. */
export function sectionErrorsFrom(failure: ApiFailure, index: number): FieldError[] {
  const prefix = `sections.${index}.`;
  const errors = (failure.issues ?? []).map((issue) => {
    const path = issue.field.startsWith(prefix) ? issue.field.slice(prefix.length) : issue.field;
    return { field: SECTION_FIELDS.find((f) => path === f || path.startsWith(`${f}.`)) ?? 'heading', message: issue.message };
  });
  return errors.length > 0 ? errors : [{ field: 'heading', message: failure.message }];
}
