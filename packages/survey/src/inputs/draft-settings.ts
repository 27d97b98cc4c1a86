// A questionnaire's settings (title, summary, start page, how long it takes,
// who it is for, local help, "Exit this page", the link to "You said, we
// did" on the confirmation page): each rule and its message,
// once. The editor reads its settings form with DraftSettingsFormSchema; the
// API words its own problems with these fields in the same messages
// (settingsWorded), and its "new blank questionnaire" title is DraftTitleSchema.
// Errors are matched to the form's fields by path (draftSettingsField), never
// by the order they come in.
import { z } from 'zod';
import type { LogicProblem } from '../check-logic';
import { LinkSchema } from '../links';
import { AudienceSchema } from '../model';
import type { FieldError } from '../validate';
import { isInvisibleOnly, requiredShortText, tooLongMessage, withoutBidiControls } from './short-text';

export const DRAFT_SETTINGS_MESSAGES = {
  title: 'Enter a title',
  summary: 'Enter a summary',
  intro: 'Enter at least one paragraph for the start page',
  minutes: 'Enter how many minutes it takes, as a whole number, like 10',
  audience: 'Choose who the questionnaire is for',
  contactName: 'Enter the name of the local service, or clear its other details'
} as const;
const M = DRAFT_SETTINGS_MESSAGES;

/** The most characters in a questionnaire's title, as a person counts them (an emoji is one). */
export const MOST_TITLE_CHARACTERS = 200;
export const TITLE_TOO_LONG = tooLongMessage('The title', MOST_TITLE_CHARACTERS);

/** A title: something visible (zero-width and other blank characters alone are empty), at most 200 characters. */
export const DraftTitleSchema = requiredShortText({ empty: M.title, most: MOST_TITLE_CHARACTERS, what: 'The title' });

/**
 * Start-page paragraphs: each without bidi controls and trimmed; a paragraph
 * that shows nothing (zero-width spaces) is no paragraph, and at least one is needed.
 */
const StartParagraphs = z
  .array(z.string(), { error: M.intro })
  .overwrite((typed) => typed.map((p) => withoutBidiControls(p).trim()).filter((p) => !isInvisibleOnly(p)))
  .min(1, M.intro);

/** The settings as a definition holds them. */
export const DraftSettingsSchema = z.object({
  title: DraftTitleSchema,
  summary: requiredShortText({ empty: M.summary }),
  intro: StartParagraphs,
  minutes: z.number({ error: M.minutes }).int(M.minutes).min(1, M.minutes),
  audience: z.enum(AudienceSchema.options, { error: M.audience }),
  ageBand: z.string().optional(),
  localContact: z
    .object({
      name: requiredShortText({ empty: M.contactName }),
      description: z.string().optional(),
      phone: z.string().optional(),
      url: LinkSchema.optional()
    })
    .optional(),
  quickExit: z.boolean().optional(),
  linkYouSaidWeDid: z.boolean().optional()
});
export type DraftSettings = z.output<typeof DraftSettingsSchema>;

/** The settings form's fields, each a line or box of text. */
export const DRAFT_SETTINGS_FIELDS = [
  'title',
  'summary',
  'intro',
  'audience',
  'ageBand',
  'minutes',
  'contactName',
  'contactDescription',
  'contactPhone',
  'contactUrl',
  'quickExit',
  'linkYouSaidWeDid'
] as const;
export type DraftSettingsField = (typeof DRAFT_SETTINGS_FIELDS)[number];

const text = z.string().trim().catch('');

/** Start-page paragraphs: an empty line between them; lines within one are joined. */
const paragraphs = (typed: string) =>
  typed
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter(Boolean);

/** The form as typed, read into settings and checked with the rules above. */
export const DraftSettingsFormSchema = z
  .object(Object.fromEntries(DRAFT_SETTINGS_FIELDS.map((f) => [f, text])) as Record<DraftSettingsField, typeof text>)
  .transform((v) => {
    const anyContact = v.contactName || v.contactDescription || v.contactPhone || v.contactUrl;
    return {
      title: v.title,
      summary: v.summary,
      intro: paragraphs(v.intro),
      minutes: v.minutes === '' ? Number.NaN : Number(v.minutes),
      audience: v.audience,
      ...(v.ageBand ? { ageBand: v.ageBand } : {}),
      ...(anyContact
        ? {
            localContact: {
              name: v.contactName,
              ...(v.contactDescription ? { description: v.contactDescription } : {}),
              ...(v.contactPhone ? { phone: v.contactPhone } : {}),
              ...(v.contactUrl ? { url: v.contactUrl } : {})
            }
          }
        : {}),
      ...(v.quickExit === 'on' ? { quickExit: true } : v.quickExit === 'off' ? { quickExit: false } : {}),
      // A checkbox, posted as "yes" when ticked; unticked leaves it out (off, as for questionnaires from before the setting).
      ...(v.linkYouSaidWeDid === 'yes' ? { linkYouSaidWeDid: true } : {})
    };
  })
  .pipe(DraftSettingsSchema);

/**
 * The form field a path into the settings (or into a definition, with or
 * without `definition.`) is about: `localContact.url` is `contactUrl`,
 * `intro.2` is `intro`; undefined for anything that is not a setting.
 */
export function draftSettingsField(path: string): DraftSettingsField | undefined {
  const [first, second] = path.replace(/^definition\./, '').split('.');
  const field = first === 'localContact' && second ? `contact${second.charAt(0).toUpperCase()}${second.slice(1)}` : first;
  return DRAFT_SETTINGS_FIELDS.find((f) => f === field);
}

/** The settings form read: the settings, or its errors under the form's field names (anything else under `title`). */
export function readDraftSettings(values: Partial<Record<DraftSettingsField, string>>): { ok: true; settings: DraftSettings } | { ok: false; errors: FieldError[] } {
  const result = DraftSettingsFormSchema.safeParse(values);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ field: draftSettingsField(issue.path.join('.')) ?? 'title', message: issue.message })) };
}

/**
 * Problems with a whole definition, each one about a setting put in the
 * settings' own words ("Enter a title", not the shape check's "expected
 * string"). No problem is added or dropped; `prefix` is the definition's
 * place in the request (`definition`).
 */
export function settingsWorded(problems: LogicProblem[], input: unknown, prefix = ''): LogicProblem[] {
  const checked = DraftSettingsSchema.safeParse(input);
  if (checked.success) return problems;
  const words = new Map<string, string>();
  for (const issue of checked.error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.path.length > 0 && !words.has(path)) words.set(path, issue.message);
  }
  return problems.map((p) => ({ ...p, message: words.get(p.path) ?? p.message }));
}

// The editor's other first-typed draft input: a new question's kind and wording.
export * from './draft-new-question';
