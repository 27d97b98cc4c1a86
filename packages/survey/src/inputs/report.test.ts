import { describe, expect, it } from 'vitest';
import { ReportCreateSchema, ReportDefinitionSchema, StoredReportDefinitionSchema } from './report';
import { checkShortTextField } from './short-text-field.testkit';

describe('a report’s title', () => {
  checkShortTextField({
    schema: ReportDefinitionSchema,
    valid: { title: 'Youth safety survey 2026: what you told us' },
    field: 'title',
    empty: 'Enter a title for the report, like “Youth safety survey 2026: what you told us”',
    most: 200,
    tooLong: 'A title for the report must be 200 characters or fewer'
  });

  it('is refused when it is a zero-width space, in the create form’s words', () => {
    const read = ReportCreateSchema.safeParse({ definition: { title: '\u200b' } });
    expect(read.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['definition.title', 'Enter a title for the report, like “Youth safety survey 2026: what you told us”']]);
  });

  it('saved before the rule still opens, without bidi controls', () => {
    expect(StoredReportDefinitionSchema.parse({ title: '\u200b' }).title).toBe('\u200b');
    expect(StoredReportDefinitionSchema.parse({ title: '\u202eWhat you told us' }).title).toBe('What you told us');
  });
});

describe('a report’s other texts', () => {
  it('that show nothing are empty: a "you said" of zero-width spaces is refused in the form’s words, a heading of them is none', () => {
    const row = { youSaid: '\u200b\u200b', weDid: 'Funded two youth sessions', priorityId: 'p1', status: 'done' };
    const read = ReportDefinitionSchema.safeParse({ title: 'T', sections: [{ id: 'ysdw', kind: 'you-said-we-did', heading: '\u3164', rows: [row] }] });
    expect(read.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['sections.0.rows.0.youSaid', 'Enter what people said, like “Nowhere to go after school”']]);
    const fine = ReportDefinitionSchema.parse({ title: 'T', sections: [{ id: 'ysdw', kind: 'you-said-we-did', heading: '\u3164', rows: [{ ...row, youSaid: 'Nowhere to go' }] }] });
    expect(fine.sections[0]).toMatchObject({ heading: '' });
  });

  it('are stored without bidi controls', () => {
    const read = ReportDefinitionSchema.parse({ title: 'T', sections: [{ id: 'summary', kind: 'summary', heading: '\u202eWhat we heard\u202c', text: '\u2067مرحبا\u2069 world' }] });
    expect(read.sections[0]).toMatchObject({ heading: 'What we heard', text: 'مرحبا world' });
  });
});
