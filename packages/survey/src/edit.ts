// Small edits to a draft definition, for a designer that changes one thing
// at a time: add, move and remove pages and questions, replace a question,
// insert a standard item. Each returns a new definition (the input is left
// alone) or says why the edit cannot be made. Logic is not checked here;
// checkLogic reports what an edit left unsound, and publishing refuses it.
import { z } from 'zod';
import type { LogicProblem } from './check-logic';
import { ReceivedPageTextSchema, ReceivedQuestionTextSchema } from './inputs/question-text';
import { IdSchema, PageSchema, type Question, type QuestionnaireDefinition, QuestionSchema } from './model';
import { findStandardItem } from './standard-items';
import { pruneTranslations } from './translations';

const Position = z.number().int().min(0).optional();

/** A question or page as an edit sends it: its texts as the rule stores them (inputs/question-text.ts), then its shape. */
const EditedQuestion = ReceivedQuestionTextSchema.pipe(QuestionSchema);
const EditedPage = ReceivedPageTextSchema.pipe(PageSchema);

export const DraftEditSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add_page'), page: EditedPage, at: Position }),
  z.strictObject({ op: z.literal('move_page'), pageId: IdSchema, to: z.number().int().min(0) }),
  z.strictObject({ op: z.literal('remove_page'), pageId: IdSchema }),
  z.strictObject({ op: z.literal('add_question'), pageId: IdSchema, question: EditedQuestion, at: Position }),
  z.strictObject({ op: z.literal('replace_question'), questionId: IdSchema, question: EditedQuestion }),
  z.strictObject({ op: z.literal('move_question'), questionId: IdSchema, toPageId: IdSchema, at: Position }),
  z.strictObject({ op: z.literal('remove_question'), questionId: IdSchema }),
  z.strictObject({ op: z.literal('insert_standard_item'), key: z.string().min(1).max(80), at: Position })
]);
export type DraftEdit = z.infer<typeof DraftEditSchema>;

export type EditResult = { ok: true; definition: QuestionnaireDefinition } | { ok: false; problem: LogicProblem };

const fail = (path: string, message: string): EditResult => ({ ok: false, problem: { path, message } });
const clamp = (at: number | undefined, length: number) => Math.min(at ?? length, length);

function questionIds(definition: QuestionnaireDefinition): Set<string> {
  return new Set(definition.pages.flatMap((page) => page.questions.map((q) => q.id)));
}

/** `base`, or `base_2`, `base_3`, … whichever is not taken yet. */
export function unusedId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 58)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function locate(definition: QuestionnaireDefinition, questionId: string) {
  for (const [p, page] of definition.pages.entries()) {
    const q = page.questions.findIndex((question) => question.id === questionId);
    if (q >= 0) return { p, q };
  }
  return null;
}

/** The questions of a standard item, as pages with ids that do not clash with the definition's. */
export function standardItemPages(definition: QuestionnaireDefinition, key: string) {
  const item = findStandardItem(key);
  if (!item) return null;
  const taken = questionIds(definition);
  const pageIds = new Set(definition.pages.map((p) => p.id));
  const renamed = new Map<string, string>();
  return item.questions.map((input) => {
    const question = QuestionSchema.parse(input);
    const id = unusedId(question.id, taken);
    taken.add(id);
    renamed.set(question.id, id);
    const showIf = question.showIf && { ...question.showIf, question: renamed.get(question.showIf.question) ?? question.showIf.question };
    const pageId = unusedId(id, pageIds);
    pageIds.add(pageId);
    return { id: pageId, questions: [{ ...question, id, ...(showIf ? { showIf } : {}) } as Question] };
  });
}

export function applyDraftEdit(definition: QuestionnaireDefinition, edit: DraftEdit): EditResult {
  const pages = definition.pages.map((page) => ({ ...page, questions: [...page.questions] }));
  // Translations of text an edit removes (a question, an option) go with it.
  const done = (next: typeof pages): EditResult => ({ ok: true, definition: pruneTranslations({ ...definition, pages: next }) });
  const pageIndex = (id: string) => pages.findIndex((page) => page.id === id);
  switch (edit.op) {
    case 'add_page': {
      if (pageIndex(edit.page.id) >= 0) return fail('page.id', `There is already a page “${edit.page.id}”`);
      const clash = edit.page.questions.find((q) => questionIds(definition).has(q.id));
      if (clash) return fail('page.questions', `There is already a question “${clash.id}”`);
      pages.splice(clamp(edit.at, pages.length), 0, edit.page);
      return done(pages);
    }
    case 'move_page':
    case 'remove_page': {
      const from = pageIndex(edit.pageId);
      if (from < 0) return fail('pageId', `There is no page “${edit.pageId}”`);
      const [page] = pages.splice(from, 1);
      if (edit.op === 'remove_page') return pages.length > 0 ? done(pages) : fail('pageId', 'A questionnaire needs at least one page');
      if (page) pages.splice(clamp(edit.to, pages.length), 0, page);
      return done(pages);
    }
    case 'add_question': {
      const page = pages[pageIndex(edit.pageId)];
      if (!page) return fail('pageId', `There is no page “${edit.pageId}”`);
      if (questionIds(definition).has(edit.question.id)) return fail('question.id', `There is already a question “${edit.question.id}”`);
      page.questions.splice(clamp(edit.at, page.questions.length), 0, edit.question);
      return done(pages);
    }
    case 'replace_question': {
      const at = locate(definition, edit.questionId);
      if (!at) return fail('questionId', `There is no question “${edit.questionId}”`);
      if (edit.question.id !== edit.questionId && questionIds(definition).has(edit.question.id)) {
        return fail('question.id', `There is already a question “${edit.question.id}”`);
      }
      pages[at.p]?.questions.splice(at.q, 1, edit.question);
      return done(pages);
    }
    case 'move_question':
    case 'remove_question': {
      const at = locate(definition, edit.questionId);
      if (!at) return fail('questionId', `There is no question “${edit.questionId}”`);
      const [question] = pages[at.p]?.questions.splice(at.q, 1) ?? [];
      if (edit.op === 'move_question') {
        const target = pages[pageIndex(edit.toPageId)];
        if (!target) return fail('toPageId', `There is no page “${edit.toPageId}”`);
        if (question) target.questions.splice(clamp(edit.at, target.questions.length), 0, question);
      }
      // A page left with no questions goes too: a page needs something on it.
      const kept = pages.filter((page) => page.questions.length > 0);
      return kept.length > 0 ? done(kept) : fail('questionId', 'A questionnaire needs at least one question');
    }
    case 'insert_standard_item': {
      const inserted = standardItemPages(definition, edit.key);
      if (!inserted) return fail('key', `There is no standard item “${edit.key}”`);
      pages.splice(clamp(edit.at, pages.length), 0, ...inserted);
      return done(pages);
    }
  }
}
