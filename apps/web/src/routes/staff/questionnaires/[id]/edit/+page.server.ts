import { type DraftEdit, DRAFT_SETTINGS_FIELDS, draftSettingsField, type FieldError, pruneTranslations, readDraftNewQuestion, readDraftSettings, unusedId } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { readNewPagePlace, readPagePosition, readQuestionPlace } from '#lib/components/designer/places.ts';
import { idFromLabel, newQuestion, newQuestionId, typeName } from '#lib/components/designer/questions.ts';
import { settingsUnsaved } from '#lib/components/designer/settings.ts';
import { anchorOf, editorAfterSave, isStale, loadDraft, postedRevision, postedShown, type Saved, saveDefinition, sendEdit, staleEditor, type Texts, type Unsaved } from '#lib/server/draft-editor.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { details } = await loadDraft(event);
  const definition = details.working.definition;
  // Problems carry a path into the definition; the page shows each beside its page or question.
  const problems = details.problems.map((p) => ({ ...p, anchor: anchorOf(definition, p.field) }));
  return { ...details, problems, saved: event.url.searchParams.get('saved'), stale: event.url.searchParams.has('stale') };
};

/**
 * Every refusal has one shape, so the page can tell which form it belongs to.
 * A form shown again with what was typed keeps the revision it was typed
 * against, so that saving it still notices a change made by someone else.
 */
const refused = (status: number, form: string, errors: FieldError[], values: Record<string, string> = {}, revision = '', shown: Texts | null = null) =>
  fail(status, { form, errors, values, revision, shown, unsaved: [] as Unsaved[] });

/**
 * Someone else changed the draft first: the page shows it as it is now, says
 * this change was not saved, and lists what was typed so it can be made again.
 */
const stale = (unsaved: Unsaved[]) => fail(409, { form: 'stale', errors: [] as FieldError[], values: {} as Record<string, string>, revision: '', shown: null, unsaved });

/** After a change: back to the editor at what changed, saying it was saved (the page then lists any problems). */
function done(event: { params: { id: string } }, result: Saved, anchor: string, formName: string) {
  if (!result.ok) {
    if (result.stale) staleEditor(event.params.id);
    const errors: FieldError[] = (result.failure.issues ?? []).map((i) => ({ field: i.field, message: i.message }));
    return refused(422, formName, errors.length > 0 ? errors : [{ field: formName, message: result.failure.message }]);
  }
  redirect(303, editorAfterSave(event.params.id, anchor, result.details));
}

/** A new question's kind and wording, as typed, for the list of what was not saved. */
const typedQuestion = (type: string, label: string, title?: string): Unsaved[] => [
  ...(title ? [{ label: 'Page title', value: title }] : []),
  { label: 'Kind of question', value: typeName(type) },
  { label: 'Question', value: label }
];

/** The draft, the form and the revision it was made from. */
async function posted(event: Parameters<typeof loadDraft>[0]) {
  const { who, details } = await loadDraft(event);
  const form = await event.request.formData();
  const revision = postedRevision(form);
  return { who, details, form, revision, stale: isStale(details, revision) };
}

export const actions: Actions = {
  settings: async (event) => {
    const { who, details, form, revision, stale: old } = await posted(event);
    const values = Object.fromEntries(DRAFT_SETTINGS_FIELDS.map((k) => [k, textField(form, k).trim()]));
    const current = details.working.definition;
    const shown = postedShown(form);
    if (old) return stale(settingsUnsaved(values, shown, current));
    const read = readDraftSettings(values);
    if (!read.ok) return refused(400, 'settings', read.errors, values, revision, shown);
    const { localContact: _old, quickExit: _exit, linkYouSaidWeDid: _link, ageBand: _age, ...rest } = current;
    // Translations of start-page paragraphs that were removed go with them.
    const result = await saveDefinition(event, who, pruneTranslations({ ...rest, ...read.settings }), revision);
    if (!result.ok && result.stale) return stale(settingsUnsaved(values, shown, current));
    if (!result.ok) {
      const issues = (result.failure.issues ?? []).map((i) => ({ field: draftSettingsField(i.field) ?? i.field.replace(/^definition\./, ''), message: i.message }));
      return refused(422, 'settings', issues.length > 0 ? issues : [{ field: 'title', message: result.failure.message }], values, revision, shown);
    }
    return done(event, result, 'settings', 'settings');
  },

  // At the end of a page, or (with `after`) straight after one of its questions.
  addQuestion: async (event) => {
    const { who, details, form, revision, stale: old } = await posted(event);
    const pageId = textField(form, 'pageId');
    const after = textField(form, 'after');
    const type = textField(form, 'type');
    const label = textField(form, 'label').trim();
    if (old) return stale(typedQuestion(type, label));
    const name = after ? `after-${after}` : `add-${pageId}`;
    const read = readDraftNewQuestion({ type, label }, 'question', name);
    if (!read.ok) return refused(400, name, read.errors, { type, label });
    const page = details.working.definition.pages.find((p) => p.id === pageId);
    const at = after ? (page?.questions.findIndex((q) => q.id === after) ?? -1) + 1 : undefined;
    if (!page || at === 0) return refused(404, name, [{ field: `${name}-label`, message: 'That question is no longer in the draft: add yours from the list as it is now' }], { type, label });
    const id = newQuestionId(details.working.definition, label);
    const result = await sendEdit(event, who, { op: 'add_question', pageId, question: newQuestion(read.question.type, read.question.label, id), ...(at === undefined ? {} : { at }) }, revision);
    if (!result.ok && result.stale) return stale(typedQuestion(type, label));
    if (!result.ok) return done(event, result, `page-${pageId}`, `${name}-label`);
    // Straight on to its edit form: a new question still needs its options, help and so on.
    redirect(303, `/staff/questionnaires/${event.params.id}/edit/question/${id}?added=1`);
  },

  addPage: async (event) => {
    const { who, details, form, revision, stale: old } = await posted(event);
    const definition = details.working.definition;
    const title = textField(form, 'title').trim();
    const type = textField(form, 'type');
    const label = textField(form, 'label').trim();
    const where = textField(form, 'where');
    if (old) return stale(typedQuestion(type, label, title));
    const read = readDraftNewQuestion({ type, label }, 'page', 'newpage');
    if (!read.ok) return refused(400, 'newpage', read.errors, { title, type, label, where });
    const at = readNewPagePlace(where, definition.pages.length);
    if (at === null) return refused(400, 'newpage', [{ field: 'newpage-where', message: 'Choose where the page goes from the list' }], { title, type, label, where: 'end' });
    const id = newQuestionId(definition, label);
    const pageId = unusedId(idFromLabel(title || label, 'page'), new Set(definition.pages.map((p) => p.id)));
    const edit: DraftEdit = { op: 'add_page', page: { id: pageId, ...(title ? { title } : {}), questions: [newQuestion(read.question.type, read.question.label, id)] }, at };
    const result = await sendEdit(event, who, edit, revision);
    if (!result.ok && result.stale) return stale(typedQuestion(type, label, title));
    if (!result.ok) return done(event, result, 'newpage', 'newpage-label');
    redirect(303, `/staff/questionnaires/${event.params.id}/edit/question/${id}?added=1`);
  },

  // "Move to": a question goes to the page and position chosen, in one step.
  moveQuestion: async (event) => {
    const { who, form, revision, stale: old } = await posted(event);
    // Moved from a page showing an older draft: the question may be somewhere else by now.
    if (old) staleEditor(event.params.id);
    const questionId = textField(form, 'questionId');
    const place = readQuestionPlace(textField(form, 'to'));
    if (!place) return refused(400, 'pages', [{ field: `move-${questionId}`, message: 'Choose where to move the question from the list' }]);
    const edit: DraftEdit = { op: 'move_question', questionId, toPageId: place.pageId, at: place.at };
    return done(event, await sendEdit(event, who, edit, revision), `question-${questionId}`, `move-${questionId}`);
  },

  movePage: async (event) => {
    const { who, details, form, revision, stale: old } = await posted(event);
    if (old) staleEditor(event.params.id);
    const pageId = textField(form, 'pageId');
    const to = readPagePosition(textField(form, 'to'), details.working.definition.pages.length);
    if (to === null) return refused(400, 'pages', [{ field: `move-page-${pageId}`, message: 'Choose a position for the page from the list' }]);
    return done(event, await sendEdit(event, who, { op: 'move_page', pageId, to: to - 1 }, revision), `page-${pageId}`, `move-page-${pageId}`);
  }
};
