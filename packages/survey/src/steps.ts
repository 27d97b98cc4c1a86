// Steps: what a respondent sees on one screen. A page is one step, except
// that each row of a grid is a step of its own (36 radio buttons on one
// phone screen scroll the row's name away), so a page with a grid becomes
// several steps: its other questions, together, and one per row.
import { visibleQuestionIds } from './logic';
import type { Answers, AnswerValue, Option, Page, Question, QuestionnaireDefinition, QuestionOf } from './model';
import { type FieldError, validateAnswers } from './validate';

export interface GridRowStep {
  question: QuestionOf<'grid'>;
  row: Option;
  /** 0-based place of the row in its grid. */
  index: number;
}

export interface Step {
  page: Page;
  /**
   * Names the step within its page: a grid row's field (`questionId.rowId`),
   * or the id of the first question of a group of other questions.
   */
  key: string;
  /** The page's first step (shown at the page's own address). */
  first: boolean;
  /** The visible questions on this step (for a grid row: the grid alone). */
  questions: Question[];
  /** Set when the step is one row of a grid. */
  row?: GridRowStep;
}

/** Where a step sits in the questionnaire: page, last question, grid row. */
type Position = readonly [page: number, question: number, row: number];

const before = (a: Position, b: Position) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** A page's steps for these visible questions, in order. */
export function pageSteps(page: Page, visible: ReadonlySet<string>): Step[] {
  const steps: Step[] = [];
  let group: Question[] = [];
  const flush = () => {
    if (group.length > 0) steps.push({ page, key: group[0]?.id ?? '', first: false, questions: group });
    group = [];
  };
  for (const question of page.questions) {
    if (!visible.has(question.id)) continue;
    if (question.type !== 'grid') {
      group.push(question);
      continue;
    }
    flush();
    question.rows.forEach((row, index) => {
      steps.push({ page, key: `${question.id}.${row.value}`, first: false, questions: [question], row: { question, row, index } });
    });
  }
  flush();
  const [head] = steps;
  if (head) head.first = true;
  return steps;
}

/** Every step a respondent with these answers sees, in order. */
export function journeySteps(definition: QuestionnaireDefinition, answers: Answers): Step[] {
  const visible = visibleQuestionIds(definition, answers);
  return definition.pages.flatMap((page) => pageSteps(page, visible));
}

/** The step of `pageId` named `key` (its first step when no key is given), if these answers show it. */
export function findStep(definition: QuestionnaireDefinition, answers: Answers, pageId: string, key?: string | null): Step | undefined {
  const page = definition.pages.find((p) => p.id === pageId);
  if (!page) return undefined;
  const steps = pageSteps(page, visibleQuestionIds(definition, answers));
  return key ? steps.find((s) => s.key === key) : steps[0];
}

const sameStep = (a: Step, b: Step) => a.page.id === b.page.id && a.key === b.key;

/** The step shown after `step` for these answers, or null at the end. */
export function stepAfter(definition: QuestionnaireDefinition, answers: Answers, step: Step): Step | null {
  const steps = journeySteps(definition, answers);
  const at = steps.findIndex((s) => sameStep(s, step));
  if (at >= 0) return steps[at + 1] ?? null;
  // The step itself is hidden now: the next one after where it sits.
  const here = position(definition, step);
  return steps.find((s) => before(position(definition, s), here) > 0) ?? null;
}

/** The step shown before `step` for these answers, or null on the first. */
export function stepBefore(definition: QuestionnaireDefinition, answers: Answers, step: Step): Step | null {
  const here = position(definition, step);
  return (
    journeySteps(definition, answers)
      .filter((s) => before(position(definition, s), here) < 0)
      .at(-1) ?? null
  );
}

function position(definition: QuestionnaireDefinition, step: Step): Position {
  const page = definition.pages.findIndex((p) => p.id === step.page.id);
  const last = step.questions.at(-1);
  const question = last ? step.page.questions.findIndex((q) => q.id === last.id) : 0;
  return [page, question, step.row?.index ?? -1];
}

// Worked out once per definition: definitions do not change once parsed.
const countedSteps = new WeakMap<QuestionnaireDefinition, Position[]>();

/**
 * Steps every respondent sees: those with a question that no skip logic
 * hides. Only these are counted, so "Part 7 of 12" never becomes "Part 10
 * of 13" when an answer brings in a follow-up question.
 */
function counted(definition: QuestionnaireDefinition): Position[] {
  let list = countedSteps.get(definition);
  if (!list) {
    const always = new Set(
      definition.pages
        .flatMap((p) => p.questions)
        .filter((q) => !q.showIf)
        .map((q) => q.id)
    );
    list = definition.pages.flatMap((page) => pageSteps(page, always)).map((s) => position(definition, s));
    countedSteps.set(definition, list);
  }
  return list;
}

/**
 * "Part `number` of `count`". The count is the same for every respondent
 * and every answer. A follow-up step that only some respondents see keeps
 * the number of the step before it, so the number never jumps.
 */
export function stepProgress(definition: QuestionnaireDefinition, step: Step): { number: number; count: number } {
  const list = counted(definition);
  const here = position(definition, step);
  return { number: Math.max(1, list.filter((p) => before(p, here) <= 0).length), count: list.length };
}

/** The form fields a step asks about: question ids, or `questionId.rowId` for a grid row. */
export function stepFields(step: Step): string[] {
  return step.row ? [step.key] : step.questions.map((q) => q.id);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Answers given for a step that are not on it (each as a field name), to refuse. */
export function strayStepAnswers(step: Step, given: Readonly<Record<string, unknown>>): string[] {
  const stray: string[] = [];
  for (const [id, value] of Object.entries(given)) {
    if (!step.questions.some((q) => q.id === id)) stray.push(id);
    else if (step.row && isRecord(value)) {
      for (const row of Object.keys(value)) if (row !== step.row.row.value) stray.push(`${id}.${row}`);
    }
  }
  return stray;
}

/**
 * The stored answers with this step's answers in place of what it had
 * before: the questions on it are replaced (left out: cleared), and for a
 * grid row only that row of the grid's answer. Grid answers stay one object
 * keyed by row, as responses have always stored them.
 */
export function withStepAnswers(stored: Answers, step: Step, given: Answers): Answers {
  const answers: Answers = { ...stored };
  if (step.row) {
    const { question, row } = step.row;
    const old = stored[question.id];
    const rows: Record<string, string> = isRecord(old) ? { ...(old as Record<string, string>) } : {};
    delete rows[row.value];
    const value: AnswerValue | undefined = given[question.id];
    const chosen = isRecord(value) ? value[row.value] : undefined;
    if (chosen !== undefined) rows[row.value] = chosen;
    // Keep the rows in the grid's own order.
    const ordered = Object.fromEntries(question.rows.filter((r) => r.value in rows).map((r) => [r.value, rows[r.value] as string]));
    const strays = Object.entries(rows).filter(([r]) => !(r in ordered));
    const merged = { ...ordered, ...Object.fromEntries(strays) };
    if (Object.keys(merged).length > 0) answers[question.id] = merged;
    else delete answers[question.id];
    return answers;
  }
  for (const question of step.questions) {
    const value = given[question.id];
    if (value === undefined) delete answers[question.id];
    else answers[question.id] = value;
  }
  return answers;
}

/**
 * Problems with one step's answers, `answers` being every answer so far with
 * the step's in place (withStepAnswers). As validateAnswers on the step's
 * page, less what later steps of the page still ask: other questions, and a
 * required grid's other rows while they are unanswered. A bad value given
 * for any row is still reported.
 */
export function validateStep(
  definition: QuestionnaireDefinition,
  answers: Readonly<Record<string, unknown>>,
  step: Step,
  options: Omit<NonNullable<Parameters<typeof validateAnswers>[2]>, 'pageId'> = {}
): FieldError[] {
  const shown = findStep(definition, answers as Answers, step.page.id, step.key);
  if (!shown) return [{ field: step.key, message: 'This part of the page is not shown, so it cannot be answered' }];
  const ids = new Set(step.questions.map((q) => q.id));
  const grid = step.row ? answers[step.row.question.id] : undefined;
  const given = (row: string) => isRecord(grid) && row in grid;
  return validateAnswers(definition, answers, { ...options, pageId: step.page.id }).filter((e) => {
    const [id = '', row] = e.field.split('.');
    if (!ids.has(id)) return false;
    return !step.row || row === undefined || row === step.row.row.value || given(row);
  });
}
