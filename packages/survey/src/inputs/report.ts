// What a strategy author composes for a consultation report: its title, what
// it covers (a series and/or questionnaires and collections) and its
// sections in the order they appear (the array's order is the report's).
// The API resolves a definition into the report itself (figures, quotes,
// suppression); this schema only checks the shape, with messages to show
// beside the field. One schema, read by the API and the staff pages' forms.
import { z } from 'zod';
import { requiredShortText, textUpTo, withoutBidiControls } from './short-text';

const Id = z.string().trim().min(1, 'Choose one from the list').max(100, 'That is not one of the choices');

// Every text follows the short-text rule (short-text.ts): stored without bidi controls (a heading with
// U+202E would show reversed), counted as a person counts, and one that shows nothing is empty.
const capitalised = (what: string) => `${what.charAt(0).toUpperCase()}${what.slice(1)}`;

const text = (what: string, max: number) => textUpTo(max, capitalised(what));

const required = (what: string, max: number, example: string) => requiredShortText({ empty: `Enter ${what}, like “${example}”`, most: max, what: capitalised(what) });

const distinct = (keys: readonly string[]) => new Set(keys).size === keys.length;

/** A section's id: kept across saves so a form can say which section a problem is in. */
export const ReportSectionId = z.string({ message: 'Each section needs an id' }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A section id is 1 to 40 lower-case letters, digits and dashes, like “summary-1”');

const heading = text('the heading', 120).optional();

const SummarySection = z.strictObject({
  id: ReportSectionId,
  kind: z.literal('summary'),
  heading,
  /** Paragraphs separated by blank lines. */
  text: text('the summary', 10_000).default('')
});

const MethodologySection = z.strictObject({
  id: ReportSectionId,
  kind: z.literal('methodology'),
  heading,
  /** The author's extra notes; dates, who took part, coding, suppression, weighting and significance are filled in. */
  notes: text('the notes on method', 5_000).default('')
});

const SafetySection = z.strictObject({
  id: ReportSectionId,
  kind: z.literal('safety'),
  heading,
  intro: text('the introduction', 3_000).default(''),
  /** Measure keys of the series, with a grid row where it is one: `safe_places.town_centre`. */
  measureKeys: z
    .array(z.string().trim().min(1, 'Choose a measure').max(200, 'That is not one of the measures'))
    .max(30, 'Choose at most 30 measures')
    .refine((keys) => distinct(keys), 'Choose each measure once')
    .default([]),
  successMeasureIds: z
    .array(Id)
    .max(30, 'Choose at most 30 measures of success')
    .refine((keys) => distinct(keys), 'Choose each measure of success once')
    .default([])
});

/** A quote chosen from the redacted quotes of a theme: which answer it is. */
export const QuoteReference = z.strictObject({ responseId: Id, questionId: Id });

const ChosenTheme = z.strictObject({
  themeId: z.string().trim().min(1, 'Choose a theme').max(120, 'That is not one of the themes'),
  text: text('what you want to say about the theme', 3_000).default(''),
  quotes: z
    .array(QuoteReference)
    .max(10, 'Choose at most 10 quotes for a theme')
    .refine((quotes) => distinct(quotes.map((q) => `${q.responseId}\n${q.questionId}`)), 'Choose each quote once')
    .default([])
});

const ThemesSection = z.strictObject({
  id: ReportSectionId,
  kind: z.literal('themes'),
  heading,
  intro: text('the introduction', 3_000).default(''),
  themes: z
    .array(ChosenTheme)
    .max(20, 'Choose at most 20 themes')
    .refine((themes) => distinct(themes.map((t) => t.themeId)), 'Choose each theme once')
    .default([])
});

export const REPORT_ROW_STATUSES = ['planned', 'in progress', 'done'] as const;

const YouSaidWeDidRow = z.strictObject({
  youSaid: required('what people said', 500, 'Nowhere to go after school'),
  weDid: required('what was done', 500, 'Funded two youth sessions in Midsomer Norton'),
  priorityId: Id,
  successMeasureId: Id.optional(),
  status: z.enum(REPORT_ROW_STATUSES, { message: 'Choose planned, in progress or done' })
});

const YouSaidWeDidSection = z.strictObject({
  id: ReportSectionId,
  kind: z.literal('you-said-we-did'),
  heading,
  rows: z.array(YouSaidWeDidRow).max(50, 'A report can have at most 50 rows of “You said, we did”').default([])
});

export const ReportSectionSchema = z.discriminatedUnion('kind', [SummarySection, MethodologySection, SafetySection, ThemesSection, YouSaidWeDidSection], {
  message: 'Choose a kind of section: summary, methodology, safety, themes or you-said-we-did'
});

const easyReadSentence = (what: string) => required(what, 300, 'We asked you how safe you feel');

/** The easy-read version as the author wrote it; null: generated from the report. */
export const EasyReadOverride = z.strictObject({
  intro: z.array(easyReadSentence('a sentence')).min(1, 'Enter at least one sentence to start with').max(5, 'Use at most 5 sentences to start with'),
  findings: z.tuple([easyReadSentence('the first finding'), easyReadSentence('the second finding'), easyReadSentence('the third finding')], {
    message: 'Enter the three biggest findings'
  }),
  next: z.array(easyReadSentence('what will happen')).min(1, 'Enter at least one thing that will happen').max(8, 'Use at most 8 sentences for what will happen')
});

export const DEFAULT_REPORT_SECTIONS = [
  { id: 'summary', kind: 'summary' },
  { id: 'methodology', kind: 'methodology' },
  { id: 'safety', kind: 'safety' },
  { id: 'themes', kind: 'themes' },
  { id: 'you-said-we-did', kind: 'you-said-we-did' }
] as const;

const TITLE_EMPTY = 'Enter a title for the report, like “Youth safety survey 2026: what you told us”';

/** A report's title: the short-text rule (short-text.ts), so one of zero-width spaces is empty and one with U+202E is stored without it. */
export const ReportTitleSchema = requiredShortText({ empty: TITLE_EMPTY, most: 200, what: 'A title for the report' });

/**
 * A title as stored: read whatever it is, so a report saved before the rule
 * still opens, without bidi controls, so none shows reversed.
 */
const StoredReportTitle = z.string().overwrite(withoutBidiControls);

const reportDefinition = (title: z.ZodType<string>) =>
  z
    .strictObject({
      title,
      covers: z
        .strictObject({
          seriesId: Id.optional(),
          questionnaireIds: z
            .array(Id)
            .max(20, 'A report can cover at most 20 questionnaires')
            .refine((keys) => distinct(keys), 'Choose each questionnaire once')
            .default([]),
          collectionIds: z
            .array(Id)
            .max(20, 'A report can cover at most 20 collections')
            .refine((keys) => distinct(keys), 'Choose each collection once')
            .default([])
        })
        .default({ questionnaireIds: [], collectionIds: [] }),
      sections: z
        .array(ReportSectionSchema)
        .max(20, 'A report can have at most 20 sections')
        .refine((sections) => distinct(sections.map((s) => s.id)), 'Give each section its own id')
        .default(() => DEFAULT_REPORT_SECTIONS.map((s) => ReportSectionSchema.parse(s))),
      easyRead: EasyReadOverride.nullable().default(null)
    })
    .superRefine((report, ctx) => {
      report.sections.forEach((section, i) => {
        if (section.kind === 'safety' && section.measureKeys.length > 0 && report.covers.seriesId === undefined) {
          ctx.addIssue({ code: 'custom', path: ['sections', i, 'measureKeys'], message: 'Choose the series the report covers before choosing its measures' });
        }
      });
    });

/** A report as an author sends it. */
export const ReportDefinitionSchema = reportDefinition(ReportTitleSchema);

/** A report as read back from the database (see StoredReportTitle). */
export const StoredReportDefinitionSchema = reportDefinition(StoredReportTitle);

/** A public address for the report: /reports/<slug>. */
export const ReportSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'The web address can use lower-case letters, digits and dashes, up to 80, like “youth-safety-2026”');

export const ReportCreateSchema = z.strictObject({
  slug: ReportSlug.optional(),
  definition: ReportDefinitionSchema
});

/** A save: the version it was edited from (refused when someone saved since) and the new definition. */
export const ReportSaveSchema = z.strictObject({
  version: z.number({ message: 'Say which version you edited' }).int('Say which version you edited').min(1, 'Say which version you edited').max(1_000_000),
  definition: ReportDefinitionSchema
});

export const ReportPublishSchema = z.strictObject({
  version: z.number({ message: 'Say which version to publish' }).int('Say which version to publish').min(1, 'Say which version to publish').max(1_000_000)
});

export const QuoteClearanceSchema = QuoteReference.extend({
  note: text('a note', 1_000).default('')
});

export type ReportDefinition = z.infer<typeof ReportDefinitionSchema>;
export type ReportSectionDefinition = z.infer<typeof ReportSectionSchema>;
export type ReportCreateInput = z.infer<typeof ReportCreateSchema>;
export type ReportSaveInput = z.infer<typeof ReportSaveSchema>;
export type QuoteClearanceInput = z.infer<typeof QuoteClearanceSchema>;
export type EasyReadOverrideInput = z.infer<typeof EasyReadOverride>;
