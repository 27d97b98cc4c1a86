import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { answersOf, earlierQuestions, findQuestion } from '#lib/components/designer/questions.ts';
import { editorAfterSave, isStale, loadDraft, postedRevision, postedShown, sendEdit, staleEditor, type Texts, type Unsaved, unsavedChanges } from '#lib/server/draft-editor.ts';
import { applyRowCommand, type QuestionFormState, readState, stateOf, toQuestion } from '#lib/server/question-form.ts';
import type { Actions, PageServerLoad } from './$types';

async function questionOf(event: Parameters<typeof loadDraft>[0] & { params: { questionId: string } }) {
  const { who, details } = await loadDraft(event);
  const definition = details.working.definition;
  const question = findQuestion(definition, event.params.questionId);
  return { who, details, definition, question };
}

export const load: PageServerLoad = async (event) => {
  const { details, definition, question } = await questionOf(event);
  if (!question) error(404, { message: 'There is no such question in this draft.' });
  const earlier = earlierQuestions(definition, question.id).map((q) => ({ id: q.id, label: q.label, type: q.type, answers: answersOf(q) }));
  const problems = details.problems.filter((p) => findAt(definition, p.field) === question.id);
  const state = stateOf(question);
  return {
    questionnaire: details.questionnaire,
    revision: details.revision,
    shown: questionTexts(state),
    title: definition.title,
    state,
    earlier,
    problems,
    added: event.url.searchParams.has('added')
  };
};

function findAt(definition: { pages: { questions: { id: string }[] }[] }, path: string): string | undefined {
  const [, p, q] = path.match(/^pages\.(\d+)\.questions\.(\d+)/) ?? [];
  return definition.pages[Number(p)]?.questions[Number(q)]?.id;
}

const rowsOf = (rows: { label: string }[] | undefined) => (rows ?? []).map((r) => r.label).join('\n');

/** The question form's texts, by the words the form uses for them: what a stale save gives back. */
function questionTexts(state: QuestionFormState): Texts {
  return {
    Question: state.label,
    'Help text': state.help,
    'Measure key': state.measure,
    Text: state.body,
    'Words beside the tick box': state.agreeLabel,
    Options: rowsOf(state.lists.options),
    Rows: rowsOf(state.lists.rows),
    'Scale points': rowsOf(state.lists.points),
    Places: rowsOf(state.lists.places),
    '“None of these”': state.none.label
  };
}

/** Someone else changed the draft first: the question as it is now, and what was typed, listed. */
const stale = (unsaved: Unsaved[]) => fail(409, { stale: true, unsaved, state: undefined, revision: undefined, shown: undefined, focus: null, errors: [] as FieldError[] });

export const actions: Actions = {
  default: async (event) => {
    const { who, details, definition, question } = await questionOf(event);
    const form = await event.request.formData();
    const revision = postedRevision(form);
    const shown = postedShown(form) ?? undefined;
    if (!question) {
      // Removed by someone else since the form was shown: the editor says the change was not saved.
      if (isStale(details, revision)) staleEditor(event.params.id);
      error(404, { message: 'There is no such question in this draft.' });
    }
    const state = readState(form, question.type, question.id);
    const row = form.get('row');
    // A row button (add, move, remove, show the answers) only changes the form; nothing is saved yet.
    // The form keeps the revision it was first shown with, so that saving it still notices someone else's change.
    if (typeof row === 'string' && row) {
      const focus = row === 'showIf.refresh' ? 'showIf--question' : applyRowCommand(state, row);
      return { state, revision, shown, focus, errors: [] as FieldError[] };
    }
    const typed = () => unsavedChanges(questionTexts(state), shown ?? null, questionTexts(stateOf(question)));
    if (isStale(details, revision)) return stale(typed());
    const built = toQuestion(state, definition);
    if ('errors' in built) return fail(400, { state, revision, shown, focus: null, errors: built.errors });
    const result = await sendEdit(event, who, { op: 'replace_question', questionId: question.id, question: built.question }, revision);
    if (!result.ok && result.stale) return stale(typed());
    if (!result.ok) {
      const errors = (result.failure.issues ?? []).map((i) => ({ field: i.field.replace(/^question\./, ''), message: i.message }));
      return fail(422, { state, revision, shown, focus: null, errors: errors.length > 0 ? errors : [{ field: 'label', message: result.failure.message }] });
    }
    const anchor = `question-${question.id}`;
    redirect(303, editorAfterSave(event.params.id, anchor, result.details));
  }
};
