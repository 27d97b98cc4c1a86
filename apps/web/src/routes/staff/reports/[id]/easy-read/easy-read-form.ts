// The easy-read form read into the author's version (EasyReadOverride):
// sentences one a line, and the three findings, with each problem under the
// page's own field (the schema's findings.1 is the form's finding2).
import { EasyReadOverride, type EasyReadOverrideInput, type FieldError, parseForm } from '@safer-voices/survey';

export const EASY_READ_FIELDS = ['intro', 'finding1', 'finding2', 'finding3', 'next'] as const;
export type EasyReadValues = Record<(typeof EASY_READ_FIELDS)[number], string>;

/** One sentence a line; blank lines are left out. */
export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const pageField = (field: string) => {
  const finding = /^findings\.(\d)/.exec(field);
  return finding ? `finding${Number(finding[1]) + 1}` : field === 'findings' ? 'finding1' : field.startsWith('next') ? 'next' : 'intro';
};

export function readEasyReadForm(values: EasyReadValues): { input: EasyReadOverrideInput | null; errors: FieldError[] } {
  const parsed = parseForm(
    EasyReadOverride,
    { intro: lines(values.intro), findings: [values.finding1, values.finding2, values.finding3], next: lines(values.next) },
    ['intro', 'findings.0', 'findings.1', 'findings.2', 'findings', 'next'],
    'intro'
  );
  return parsed.ok ? { input: parsed.data, errors: [] } : { input: null, errors: parsed.errors.map((e) => ({ ...e, field: pageField(e.field) })) };
}
