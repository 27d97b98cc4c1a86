// The staff preview, answered: each page posts its answers together with
// the answers so far (a hidden field), and the next page is the one the
// survey's own skip logic picks. Nothing is stored anywhere: the answers
// live only in the form going back and forth.
import {
  type Answers,
  AnswerValueSchema,
  allQuestions,
  type FieldError,
  type FormLike,
  nextPage,
  type Page,
  previousPage,
  type QuestionnaireDefinition,
  readPageForm,
  validateAnswers,
  visiblePages,
  withoutHiddenAnswers
} from '@safer-voices/survey';

/**
 * The answers so far as the hidden field carries them: a JSON object of
 * question ids to answers. Anything else (not JSON, an id the draft does not
 * have, a value no question takes) is left out rather than refused: this is
 * a preview, and a draft edited meanwhile may have dropped a question.
 */
export function readCarriedAnswers(posted: string, definition: QuestionnaireDefinition): Answers {
  let parsed: unknown;
  try {
    parsed = JSON.parse(posted);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const answers: Answers = {};
  for (const question of allQuestions(definition)) {
    if (!Object.hasOwn(parsed, question.id)) continue;
    const value = AnswerValueSchema.safeParse((parsed as Record<string, unknown>)[question.id]);
    if (value.success) answers[question.id] = value.data;
  }
  return withoutHiddenAnswers(definition, answers);
}

export type PreviewState =
  | { kind: 'page'; page: Page; answers: Answers; errors: FieldError[]; raw: Record<string, string>; number: number; count: number; first: boolean }
  | { kind: 'end'; answers: Answers };

/** A page of the preview with these answers so far: its place among the pages the respondent would see. */
export function previewPage(definition: QuestionnaireDefinition, page: Page, answers: Answers, errors: FieldError[] = [], raw: Record<string, string> = {}): PreviewState {
  const pages = visiblePages(definition, answers);
  const number = pages.findIndex((p) => p.id === page.id) + 1;
  return { kind: 'page', page, answers, errors, raw, number, count: pages.length, first: previousPage(definition, answers, page.id) === null };
}

/** The first page a respondent sees, with nothing answered yet. */
export function firstPreviewPage(definition: QuestionnaireDefinition): PreviewState {
  const first = visiblePages(definition, {})[0] ?? definition.pages[0];
  return first ? previewPage(definition, first, {}) : { kind: 'end', answers: {} };
}

/**
 * One page posted: "Continue" checks its answers as the respondent's page
 * does and moves on by the skip logic; "Back" keeps what was given and goes
 * to the page before. Unknown pages start the preview again.
 */
export function previewStep(definition: QuestionnaireDefinition, carried: Answers, pageId: string, form: FormLike, back: boolean): PreviewState {
  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) return firstPreviewPage(definition);
  const read = readPageForm(page, form);
  const own = new Set(page.questions.map((q) => q.id));
  const answers = withoutHiddenAnswers(definition, { ...Object.fromEntries(Object.entries(carried).filter(([id]) => !own.has(id))), ...read.answers });
  if (back) {
    const previous = previousPage(definition, answers, page.id);
    return previous ? previewPage(definition, previous, answers) : previewPage(definition, page, answers);
  }
  // A number that could not be read explains itself better than "required".
  const unreadable = new Set(read.errors.map((e) => e.field));
  const errors = [...read.errors, ...validateAnswers(definition, answers, { pageId: page.id }).filter((e) => !unreadable.has(e.field))];
  if (errors.length > 0) return previewPage(definition, page, answers, errors, read.raw);
  const next = nextPage(definition, answers, page.id);
  return next ? previewPage(definition, next, answers) : { kind: 'end', answers };
}
