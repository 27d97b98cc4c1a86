// Skip logic: which questions a respondent sees, given the answers so far.
import type { AnswerValue, Answers, Page, Question, QuestionnaireDefinition, ShowIf } from './model';

// Definitions are not changed once parsed, so their question lists are
// worked out once: validation runs on every submission.
const questionLists = new WeakMap<QuestionnaireDefinition, Question[]>();

export function allQuestions(definition: QuestionnaireDefinition): Question[] {
  let list = questionLists.get(definition);
  if (!list) {
    list = definition.pages.flatMap((page) => page.questions);
    questionLists.set(definition, list);
  }
  return list;
}

function conditionHolds(condition: ShowIf, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  const values = Array.isArray(value) ? value : [String(value)];
  return values.some((v) => condition.anyOf.includes(v));
}

/**
 * Ids of the questions shown for these answers. A question whose condition
 * refers to a hidden question is hidden too, so chains of logic stay sound.
 */
export function visibleQuestionIds(definition: QuestionnaireDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of allQuestions(definition)) {
    const condition = question.showIf;
    if (!condition || (visible.has(condition.question) && conditionHolds(condition, answers[condition.question]))) {
      visible.add(question.id);
    }
  }
  return visible;
}

/** Pages with at least one visible question, in order. */
export function visiblePages(definition: QuestionnaireDefinition, answers: Answers): Page[] {
  const visible = visibleQuestionIds(definition, answers);
  return definition.pages.filter((page) => page.questions.some((q) => visible.has(q.id)));
}

/** Drop answers to questions the current answers hide (e.g. after a Change). */
export function withoutHiddenAnswers(definition: QuestionnaireDefinition, answers: Answers): Answers {
  const visible = visibleQuestionIds(definition, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
}

/** The page after `pageId` that the respondent should see, or null at the end. */
export function nextPage(definition: QuestionnaireDefinition, answers: Answers, pageId: string): Page | null {
  const pages = visiblePages(definition, answers);
  const from = definition.pages.findIndex((p) => p.id === pageId);
  return pages.find((p) => definition.pages.indexOf(p) > from) ?? null;
}

/** The visible page before `pageId`, or null on the first page. */
export function previousPage(definition: QuestionnaireDefinition, answers: Answers, pageId: string): Page | null {
  const pages = visiblePages(definition, answers);
  const from = definition.pages.findIndex((p) => p.id === pageId);
  return pages.filter((p) => definition.pages.indexOf(p) < from).at(-1) ?? null;
}
