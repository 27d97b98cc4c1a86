import { error, fail, redirect } from '@sveltejs/kit';
import { findQuestion } from '#lib/components/designer/questions.ts';
import { editorAfterSave, isStale, loadDraft, postedRevision, sendEdit, staleEditor } from '#lib/server/draft-editor.ts';
import type { Actions, PageServerLoad } from './$types';

// Removing asks first, on a page of its own: a confirmation that works without JavaScript.
// The confirmation carries the revision it was shown with: if someone else
// changed the draft since, nothing is removed and the editor says so.
async function target(event: Parameters<typeof loadDraft>[0], revision?: string) {
  const { who, details } = await loadDraft(event);
  if (revision !== undefined && isStale(details, revision)) staleEditor(event.params.id ?? '');
  const definition = details.working.definition;
  const questionId = event.url.searchParams.get('question');
  const pageId = event.url.searchParams.get('page');
  if (questionId) {
    const question = findQuestion(definition, questionId);
    if (!question) error(404, { message: 'There is no such question in this draft.' });
    return { who, revision: details.revision, title: definition.title, kind: 'question' as const, id: questionId, name: question.label, questions: [] as string[] };
  }
  const number = definition.pages.findIndex((p) => p.id === pageId);
  const page = definition.pages[number];
  if (!page) error(404, { message: 'There is no such page in this draft.' });
  return {
    who,
    revision: details.revision,
    title: definition.title,
    kind: 'page' as const,
    id: page.id,
    name: `Page ${number + 1}${page.title ? `: ${page.title}` : ''}`,
    questions: page.questions.map((q) => q.label)
  };
}

export const load: PageServerLoad = async (event) => {
  const { who: _who, ...shown } = await target(event);
  return { ...shown, editor: `/staff/questionnaires/${event.params.id}/edit` };
};

export const actions: Actions = {
  default: async (event) => {
    const revision = postedRevision(await event.request.formData());
    const { who, kind, id } = await target(event, revision);
    const result = await sendEdit(event, who, kind === 'question' ? { op: 'remove_question', questionId: id } : { op: 'remove_page', pageId: id }, revision);
    if (!result.ok && result.stale) staleEditor(event.params.id);
    if (!result.ok) return fail(422, { message: result.failure.message });
    redirect(303, editorAfterSave(event.params.id, 'pages', result.details));
  }
};
