// The questionnaire model: one zod schema per shape, with its inferred type
// beside it. Shared by the API (validation of stored definitions and
// submissions) and the web app (rendering and form handling).
import { z } from 'zod';
import { LinkSchema } from './links';

/** Stable identifiers: they key answers, so they must survive edits. */
export const IdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'Use lower-case letters, digits and underscores, starting with a letter');

export const OptionSchema = z.object({
  value: IdSchema,
  label: z.string().min(1)
});
export type Option = z.infer<typeof OptionSchema>;

/** Skip logic: a question is shown only when its condition on an earlier answer holds. */
export const ShowIfSchema = z.union([
  z.object({ question: IdSchema, equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.object({ question: IdSchema, includes: z.string() }),
  z.object({ question: IdSchema, anyOf: z.array(z.string()).min(1) })
]);
export type ShowIf = z.infer<typeof ShowIfSchema>;

const base = {
  id: IdSchema,
  label: z.string().min(1),
  help: z.string().optional(),
  required: z.boolean().default(false),
  /** Key shared by equivalent items across versions and age bands, e.g. safe_area_after_dark. */
  measure: IdSchema.optional(),
  showIf: ShowIfSchema.optional(),
  /** Message shown when a required question is left unanswered. */
  requiredError: z.string().optional()
};

export const SingleQuestionSchema = z.object({
  ...base,
  type: z.literal('single'),
  options: z.array(OptionSchema).min(2)
});

export const MultipleQuestionSchema = z.object({
  ...base,
  type: z.literal('multiple'),
  options: z.array(OptionSchema).min(1),
  /** An exclusive "None of these" option: it cannot be chosen with others. */
  none: OptionSchema.optional()
});

/** Extra answers a scale or grid may offer outside its labelled points. */
export const ScaleExtrasSchema = z.object({
  dontKnow: z.string().optional(),
  preferNotToSay: z.string().optional(),
  /** For places: "I don't go there". */
  notApplicable: z.string().optional()
});
export type ScaleExtras = z.infer<typeof ScaleExtrasSchema>;

export const ScaleQuestionSchema = z.object({
  ...base,
  type: z.literal('scale'),
  points: z.array(OptionSchema).min(2),
  extras: ScaleExtrasSchema.default({})
});

export const GridQuestionSchema = z.object({
  ...base,
  type: z.literal('grid'),
  rows: z.array(OptionSchema).min(1),
  points: z.array(OptionSchema).min(2),
  extras: ScaleExtrasSchema.default({})
});

export const TextQuestionSchema = z.object({
  ...base,
  type: z.literal('text'),
  maxLength: z.number().int().positive().max(500).default(200)
});

export const LongTextQuestionSchema = z.object({
  ...base,
  type: z.literal('longtext'),
  maxLength: z.number().int().positive().max(5000).default(1200)
});

export const NumberQuestionSchema = z.object({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(true),
  suffix: z.string().optional()
});

export const PlaceQuestionSchema = z.object({
  ...base,
  type: z.literal('place'),
  places: z.array(OptionSchema).min(1),
  multiple: z.boolean().default(true),
  /** "I don't go to any of these": exclusive, like "none of these". */
  none: OptionSchema.optional()
});

/** Text to read, e.g. information for parents or an explanation: no answer. */
export const StatementSchema = z.object({
  ...base,
  type: z.literal('statement'),
  body: z.string().min(1)
});

/** Consent or assent: one checkbox the respondent must tick to go on. */
export const ConsentSchema = z.object({
  ...base,
  type: z.literal('consent'),
  body: z.string().min(1),
  agreeLabel: z.string().min(1)
});

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  ScaleQuestionSchema,
  GridQuestionSchema,
  TextQuestionSchema,
  LongTextQuestionSchema,
  NumberQuestionSchema,
  PlaceQuestionSchema,
  StatementSchema,
  ConsentSchema
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const PageSchema = z.object({
  id: IdSchema,
  title: z.string().optional(),
  questions: z.array(QuestionSchema).min(1)
});
export type Page = z.infer<typeof PageSchema>;

export const ContactSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  phone: z.string().optional(),
  url: LinkSchema.optional()
});
export type Contact = z.infer<typeof ContactSchema>;

/** A BCP 47 language tag as used here: `ar`, `pl`, `pt-BR`, `pa-Arab`. */
export const LanguageTagSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag like “pl”, “ar” or “pt-BR”');

/**
 * Translations by language, then by string key (see translations.ts for the
 * keys, e.g. `q.<questionId>.label`). A string with no translation falls back
 * to the source language.
 */
export const TranslationsSchema = z.record(LanguageTagSchema, z.record(z.string(), z.string()));
export type Translations = z.infer<typeof TranslationsSchema>;

export const AudienceSchema = z.enum(['child', 'youth', 'adult']);
export type Audience = z.infer<typeof AudienceSchema>;

/** One version of a questionnaire: what a respondent sees and answers. */
export const QuestionnaireDefinitionSchema = z
  .object({
    title: z.string().min(1),
    /** The language the questionnaire is written in: the fallback for every translation. */
    language: LanguageTagSchema.default('en'),
    audience: AudienceSchema,
    /** Age band this version is written for, e.g. "8-11". */
    ageBand: z.string().optional(),
    summary: z.string().min(1),
    /** Start page paragraphs. */
    intro: z.array(z.string()).min(1),
    minutes: z.number().int().positive(),
    pages: z.array(PageSchema).min(1),
    /** Help shown on the confirmation page, beside Childline and Fearless. */
    localContact: ContactSchema.optional(),
    /** Show "Exit this page": on by default for young people. */
    quickExit: z.boolean().optional(),
    /** On the confirmation page, link to the organisation's public "You said, we did" list (when it has published rows). Off unless set. */
    linkYouSaidWeDid: z.boolean().optional(),
    translations: TranslationsSchema.optional()
  })
  .superRefine((definition, ctx) => {
    const seen = new Map<string, number>();
    definition.pages.forEach((page, p) => {
      page.questions.forEach((question, q) => {
        if (seen.has(question.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pages', p, 'questions', q, 'id'],
            message: `Question id "${question.id}" is used more than once`
          });
        }
        const condition = question.showIf;
        // Conditions look back to earlier pages only, so a page works without
        // JavaScript: everything on it is decided before it is shown.
        const conditionPage = condition ? seen.get(condition.question) : undefined;
        if (condition && (conditionPage === undefined || conditionPage >= p)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pages', p, 'questions', q, 'showIf'],
            message: `Show-if refers to "${condition.question}", which is not a question on an earlier page`
          });
        }
        seen.set(question.id, p);
      });
    });
  });
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinitionSchema>;
export type QuestionnaireDefinitionInput = z.input<typeof QuestionnaireDefinitionSchema>;

/** A stored answer value. Grid answers are keyed by row id. */
export type AnswerValue = string | string[] | number | boolean | Record<string, string>;
export type Answers = Record<string, AnswerValue>;

export const AnswerValueSchema: z.ZodType<AnswerValue> = z.union([z.string(), z.array(z.string()), z.number(), z.boolean(), z.record(z.string(), z.string())]);
export const AnswersSchema = z.record(z.string(), AnswerValueSchema);

export function quickExitShown(definition: QuestionnaireDefinition): boolean {
  return definition.quickExit ?? definition.audience !== 'adult';
}
