// The staff preview, answered: each step posts its answers together with
// the answers so far (a hidden field), and the next step is the one a
// respondent would get. Steps, their order and "Part n of m" are the survey
// package's own (steps.ts: a grid one row at a time), as /s/[slug]/q uses
// them, so the preview cannot drift from what respondents see. Nothing is
// stored anywhere: the answers live only in the form going back and forth.
import {
  type Answers,
  AnswerValueSchema,
  allQuestions,
  type FieldError,
  type FormLike,
  findStep,
  journeySteps,
  type QuestionnaireDefinition,
  readStepForm,
  type Step,
  stepAfter,
  stepBefore,
  stepProgress,
  validateStep,
  withoutHiddenAnswers,
  withStepAnswers
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
  | { kind: 'page'; step: Step; answers: Answers; errors: FieldError[]; raw: Record<string, string>; number: number; count: number; first: boolean }
  | { kind: 'end'; answers: Answers };

/** A step of the preview with these answers so far, numbered as the respondent's is. */
export function previewAt(definition: QuestionnaireDefinition, step: Step, answers: Answers, errors: FieldError[] = [], raw: Record<string, string> = {}): PreviewState {
  return { kind: 'page', step, answers, errors, raw, ...stepProgress(definition, step), first: stepBefore(definition, answers, step) === null };
}

/** The first step a respondent sees, with nothing answered yet. */
export function firstPreviewPage(definition: QuestionnaireDefinition): PreviewState {
  const first = journeySteps(definition, {})[0];
  return first ? previewAt(definition, first, {}) : { kind: 'end', answers: {} };
}

/**
 * One step posted (its page and, past the page's first step, its key):
 * "Continue" checks its answers as the respondent's step does and moves on
 * by the skip logic; "Back" keeps what was given and goes to the step
 * before. A step these answers do not show starts the preview again.
 */
export function previewStep(definition: QuestionnaireDefinition, carried: Answers, pageId: string, key: string, form: FormLike, back: boolean): PreviewState {
  const step = findStep(definition, carried, pageId, key || null);
  if (!step) return firstPreviewPage(definition);
  const read = readStepForm(step, form);
  const answers = withoutHiddenAnswers(definition, withStepAnswers(carried, step, read.answers));
  if (back) {
    const previous = stepBefore(definition, answers, step);
    return previewAt(definition, previous ?? step, answers);
  }
  // A number that could not be read explains itself better than "required".
  const unreadable = new Set(read.errors.map((e) => e.field));
  const errors = [...read.errors, ...validateStep(definition, answers, step).filter((e) => !unreadable.has(e.field))];
  if (errors.length > 0) return previewAt(definition, step, answers, errors, read.raw);
  const next = stepAfter(definition, answers, step);
  return next ? previewAt(definition, next, answers) : { kind: 'end', answers };
}
