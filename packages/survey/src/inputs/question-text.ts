// What a respondent reads in a questionnaire's pages: a question's wording,
// its hint, its answer options, a grid's rows and columns, the words beside a
// tick box, a page's title. Each follows the short-text rule (short-text.ts):
// stored without bidi controls, trimmed, and text that shows nothing is
// empty. Required wording that shows nothing is refused with the question
// form's words ("Enter the question"), so no respondent meets a radio button
// with no label; optional text that shows nothing is stored as empty.
//
// These are rules for text received (a save, an edit, an import), not for a
// version read back: one stored before the rule still opens, and publishing
// refuses it (questionTextProblems, part of checkLogic).
import { z } from 'zod';
import type { LogicProblem } from '../check-logic';
import type { Page } from '../model';
import { requiredShortText, textUpTo } from './short-text';

export const QUESTION_TEXT_MESSAGES = {
  label: 'Enter the question',
  options: 'Enter the answer option',
  rows: 'Enter the row',
  points: 'Enter the scale point',
  places: 'Enter the place',
  none: 'Enter the words for “none of these”',
  body: 'Enter the text to show',
  agreeLabel: 'Enter the words beside the tick box'
} as const;
const M = QUESTION_TEXT_MESSAGES;

/** The most characters (as a person counts them) in each text. Generous: long enough for any questionnaire made so far. */
export const MOST_QUESTION_TEXT = {
  label: 1_000,
  option: 500,
  help: 2_000,
  requiredError: 500,
  body: 10_000,
  agreeLabel: 500,
  suffix: 100,
  extra: 300,
  pageTitle: 300
} as const;
const MOST = MOST_QUESTION_TEXT;

/** One answer option (or row, scale point, place): its words must show something. */
export const receivedOptionSchema = (empty: string) => z.looseObject({ label: requiredShortText({ empty, most: MOST.option, what: 'An answer option' }) });

const optionList = (empty: string) => z.array(receivedOptionSchema(empty)).optional();

/**
 * A question's texts as received, everything else passed on as it is (the
 * question's own schema checks the rest). The texts each type does not have
 * are absent, so they are all optional here but the wording.
 */
export const ReceivedQuestionTextSchema = z
  .looseObject({
    label: requiredShortText({ empty: M.label, most: MOST.label, what: 'The question' }),
    help: textUpTo(MOST.help, 'The help text').optional(),
    requiredError: textUpTo(MOST.requiredError, 'The message for an unanswered question').optional(),
    options: optionList(M.options),
    rows: optionList(M.rows),
    points: optionList(M.points),
    places: optionList(M.places),
    none: receivedOptionSchema(M.none).optional(),
    /** Each extra is offered only when it has words: one that shows nothing is not offered. */
    extras: z
      .looseObject({
        dontKnow: textUpTo(MOST.extra, 'The words for “don’t know”').optional(),
        preferNotToSay: textUpTo(MOST.extra, 'The words for “prefer not to say”').optional(),
        notApplicable: textUpTo(MOST.extra, 'The words for “not applicable”').optional()
      })
      .optional(),
    suffix: textUpTo(MOST.suffix, 'The words after the number').optional(),
    body: requiredShortText({ empty: M.body, most: MOST.body, what: 'The text to show' }).optional(),
    agreeLabel: requiredShortText({ empty: M.agreeLabel, most: MOST.agreeLabel, what: 'The words beside the tick box' }).optional()
  })
  .superRefine((question, ctx) => {
    // Left out altogether is as empty as blank, for the types that show them.
    const missing = (field: 'body' | 'agreeLabel') => question[field] === undefined && ctx.addIssue({ code: 'custom', path: [field], message: M[field] });
    if (question.type === 'statement' || question.type === 'consent') missing('body');
    if (question.type === 'consent') missing('agreeLabel');
  });

/** A page as received: its title (optional) and each question's texts. */
export const ReceivedPageTextSchema = z.looseObject({
  title: textUpTo(MOST.pageTitle, 'The page title').optional(),
  questions: z.array(ReceivedQuestionTextSchema)
});

export const ReceivedPagesTextSchema = z.array(ReceivedPageTextSchema);

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * What a respondent would meet unlabelled or too long in a definition's
 * pages, by path (`pages.0.questions.1.options.0.label`): a version saved
 * before the rule may hold it, and publishing refuses it.
 */
export function questionTextProblems(definition: { pages: Page[] }): LogicProblem[] {
  const read = ReceivedPagesTextSchema.safeParse(definition.pages);
  return read.success ? [] : read.error.issues.map((issue) => ({ path: dotted(['pages', ...issue.path]), message: issue.message }));
}
