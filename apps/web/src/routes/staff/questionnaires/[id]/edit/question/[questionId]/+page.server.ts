import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { answersOf, earlierQuestions, findQuestion } from '#lib/components/designer/questions.ts';
import { editorAfterSave, loadDraft, sendEdit } from '#lib/server/draft-editor.ts';
import { applyRowCommand, readState, stateOf, toQuestion } from '#lib/server/question-form.ts';
import type { Actions, PageServerLoad } from './$types';

async function questionOf(event: Parameters<typeof loadDraft>[0] & { params: { questionId: string } }) {
  const { who, details } = await loadDraft(event);
  const definition = details.working.definition;
  const question = findQuestion(definition, event.params.questionId);
  if (!question) error(404, { message: 'There is no such question in this draft.' });
  return { who, details, definition, question };
}

export const load: PageServerLoad = async (event) => {
  const { details, definition, question } = await questionOf(event);
  const earlier = earlierQuestions(definition, question.id).map((q) => ({ id: q.id, label: q.label, type: q.type, answers: answersOf(q) }));
  const problems = details.problems.filter((p) => findAt(definition, p.field) === question.id);
  return { questionnaire: details.questionnaire, title: definition.title, state: stateOf(question), earlier, problems, added: event.url.searchParams.has('added') };
};

function findAt(definition: { pages: { questions: { id: string }[] }[] }, path: string): string | undefined {
  const [, p, q] = path.match(/^pages\.(\d+)\.questions\.(\d+)/) ?? [];
  return definition.pages[Number(p)]?.questions[Number(q)]?.id;
}

export const actions: Actions = {
  default: async (event) => {
    const { who, definition, question } = await questionOf(event);
    const form = await event.request.formData();
    const state = readState(form, question.type, question.id);
    const row = form.get('row');
    // A row button (add, move, remove, show the answers) only changes the form; nothing is saved yet.
    if (typeof row === 'string' && row) {
      const focus = row === 'showIf.refresh' ? 'showIf--question' : applyRowCommand(state, row);
      return { state, focus, errors: [] as FieldError[] };
    }
    const built = toQuestion(state, definition);
    if ('errors' in built) return fail(400, { state, focus: null, errors: built.errors });
    const result = await sendEdit(event, who, { op: 'replace_question', questionId: question.id, question: built.question });
    if (!result.ok) {
      const errors = (result.failure.issues ?? []).map((i) => ({ field: i.field.replace(/^question\./, ''), message: i.message }));
      return fail(422, { state, focus: null, errors: errors.length > 0 ? errors : [{ field: 'label', message: result.failure.message }] });
    }
    const anchor = `question-${question.id}`;
    redirect(303, editorAfterSave(event.params.id, anchor, result.details));
  }
};
