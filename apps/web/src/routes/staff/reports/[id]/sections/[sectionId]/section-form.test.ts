// A section's form: what is typed becomes the section (or errors on the
// page's own fields), and what the form does not show is kept.
import type { ReportSectionDefinition } from '@safer-voices/survey';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionSummary } from '#lib/components/reports/section-summary.ts';
import { readSectionForm, SECTION_FIELDS, sectionErrorsFrom } from './section-form.server.ts';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
};

const summary: ReportSectionDefinition = { id: 'summary', kind: 'summary', text: '' };

describe('a report section’s form', () => {
  it('reads a summary, an empty heading meaning the default one', () => {
    const { section, errors } = readSectionForm(
      summary,
      formOf([
        ['heading', '  '],
        ['text', 'First.\n\nSecond.']
      ])
    );
    expect(errors).toEqual([]);
    expect(section).toEqual({ id: 'summary', kind: 'summary', text: 'First.\n\nSecond.' });
  });

  it('refuses a measure chosen twice, on the measures', () => {
    const safety: ReportSectionDefinition = { id: 'safety', kind: 'safety', intro: '', measureKeys: [], successMeasureIds: [] };
    const { section, errors } = readSectionForm(
      safety,
      formOf([
        ['measureKeys', 'safe_area_after_dark'],
        ['measureKeys', 'safe_area_after_dark']
      ])
    );
    expect(section).toBeNull();
    expect(errors).toEqual([{ field: 'measureKeys', message: 'Choose each measure once' }]);
  });

  it('keeps a kept theme’s words and quotes, and starts a new theme empty', () => {
    const themes: ReportSectionDefinition = { id: 'themes', kind: 'themes', intro: '', themes: [{ themeId: 'fear', text: 'Dark streets.', quotes: [{ responseId: 'r1', questionId: 'q1' }] }] };
    const { section } = readSectionForm(
      themes,
      formOf([
        ['themes', 'youth_provision'],
        ['themes', 'fear']
      ])
    );
    expect(section).toEqual({
      id: 'themes',
      kind: 'themes',
      intro: '',
      themes: [
        { themeId: 'youth_provision', text: '', quotes: [] },
        { themeId: 'fear', text: 'Dark streets.', quotes: [{ responseId: 'r1', questionId: 'q1' }] }
      ]
    });
  });

  it('puts the API’s issues about this section under the form’s fields', () => {
    const failure = { status: 400, error: 'invalid_request', message: 'Check the report', issues: [{ field: 'sections.2.measureKeys.0', message: 'Not one of the measures' }] };
    expect(sectionErrorsFrom(failure, 2)).toEqual([{ field: 'measureKeys', message: 'Not one of the measures' }]);
    expect(sectionErrorsFrom({ ...failure, issues: [] }, 2)).toEqual([{ field: 'heading', message: 'Check the report' }]);
  });

  it('never throws for any heading and text; errors are on the page’s fields; the builder’s line is short', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 12_000 }), (heading, text) => {
        const { section, errors } = readSectionForm(
          summary,
          formOf([
            ['heading', heading],
            ['text', text]
          ])
        );
        for (const e of errors) expect((SECTION_FIELDS as readonly string[]).includes(e.field)).toBe(true);
        if (section?.kind === 'summary') {
          expect(section.text).toBe(text.trim());
          expect(section.heading).toBe(heading.trim() || undefined);
          expect(sectionSummary(section).length).toBeLessThanOrEqual(160);
        } else {
          expect(errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 }
    );
  });
});
