import { type Audience, type DraftEdit, type FieldError, linkProblem, pruneTranslations, type QuestionnaireDefinition, unusedId } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { idFromLabel, isQuestionType, newQuestion, newQuestionId } from '#lib/components/designer/questions.ts';
import { anchorOf, editorAfterSave, loadDraft, type Saved, saveDefinition, sendEdit } from '#lib/server/draft-editor.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { details } = await loadDraft(event);
  const definition = details.working.definition;
  // Problems carry a path into the definition; the page shows each beside its page or question.
  const problems = details.problems.map((p) => ({ ...p, anchor: anchorOf(definition, p.field) }));
  return { ...details, problems, saved: event.url.searchParams.get('saved'), stale: event.url.searchParams.has('stale') };
};

const AUDIENCES: Audience[] = ['child', 'youth', 'adult'];

/** Every refusal has one shape, so the page can tell which form it belongs to. */
const refused = (status: number, form: string, errors: FieldError[], values: Record<string, string> = {}) => fail(status, { form, errors, values });

/** After a change: back to the editor at what changed, saying it was saved (the page then lists any problems). */
function done(event: { params: { id: string } }, result: Saved, anchor: string, formName: string) {
  if (!result.ok) {
    const errors: FieldError[] = (result.failure.issues ?? []).map((i) => ({ field: i.field, message: i.message }));
    return refused(422, formName, errors.length > 0 ? errors : [{ field: formName, message: result.failure.message }]);
  }
  redirect(303, editorAfterSave(event.params.id, anchor, result.details));
}

function settingsFrom(form: FormData, definition: QuestionnaireDefinition): { definition?: QuestionnaireDefinition; errors: FieldError[]; values: Record<string, string> } {
  const values = Object.fromEntries(
    ['title', 'summary', 'intro', 'audience', 'ageBand', 'minutes', 'contactName', 'contactDescription', 'contactPhone', 'contactUrl', 'quickExit'].map((k) => [k, textField(form, k).trim()])
  );
  const errors: FieldError[] = [];
  if (!values.title) errors.push({ field: 'title', message: 'Enter a title' });
  if (!values.summary) errors.push({ field: 'summary', message: 'Enter a summary' });
  const intro = (values.intro ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter(Boolean);
  if (intro.length === 0) errors.push({ field: 'intro', message: 'Enter at least one paragraph for the start page' });
  const minutes = Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 1) errors.push({ field: 'minutes', message: 'Enter how many minutes it takes, as a whole number, like 10' });
  const audience = AUDIENCES.find((a) => a === values.audience);
  if (!audience) errors.push({ field: 'audience', message: 'Choose who the questionnaire is for' });
  const anyContact = values.contactDescription || values.contactPhone || values.contactUrl;
  if (anyContact && !values.contactName) errors.push({ field: 'contactName', message: 'Enter the name of the local service, or clear its other details' });
  const linkRefused = values.contactUrl ? linkProblem(values.contactUrl) : null;
  if (linkRefused) errors.push({ field: 'contactUrl', message: linkRefused });
  if (errors.length > 0 || !audience) return { errors, values };
  const { localContact: _old, quickExit: _exit, ageBand: _age, ...rest } = definition;
  return {
    errors,
    values,
    definition: {
      ...rest,
      title: values.title as string,
      summary: values.summary as string,
      intro,
      audience,
      minutes,
      ...(values.ageBand ? { ageBand: values.ageBand } : {}),
      ...(values.contactName
        ? {
            localContact: {
              name: values.contactName,
              ...(values.contactDescription ? { description: values.contactDescription } : {}),
              ...(values.contactPhone ? { phone: values.contactPhone } : {}),
              ...(values.contactUrl ? { url: values.contactUrl } : {})
            }
          }
        : {}),
      ...(values.quickExit === 'on' ? { quickExit: true } : values.quickExit === 'off' ? { quickExit: false } : {})
    }
  };
}

export const actions: Actions = {
  settings: async (event) => {
    const { who, details } = await loadDraft(event);
    const { definition, errors, values } = settingsFrom(await event.request.formData(), details.working.definition);
    if (!definition) return refused(400, 'settings', errors, values);
    // Translations of start-page paragraphs that were removed go with them.
    const result = await saveDefinition(event, who, pruneTranslations(definition));
    if (!result.ok) {
      const issues = (result.failure.issues ?? []).map((i) => ({
        field: i.field.replace(/^definition\./, '').replace(/^localContact\.(\w)/, (_, c: string) => `contact${c.toUpperCase()}`),
        message: i.message
      }));
      return refused(422, 'settings', issues.length > 0 ? issues : [{ field: 'title', message: result.failure.message }], values);
    }
    return done(event, result, 'settings', 'settings');
  },

  addQuestion: async (event) => {
    const { who, details } = await loadDraft(event);
    const form = await event.request.formData();
    const pageId = textField(form, 'pageId');
    const type = textField(form, 'type');
    const label = textField(form, 'label').trim();
    const errors: FieldError[] = [];
    if (!isQuestionType(type)) errors.push({ field: `add-${pageId}-type`, message: 'Choose the kind of question' });
    if (!label) errors.push({ field: `add-${pageId}-label`, message: 'Enter the question' });
    if (errors.length > 0 || !isQuestionType(type)) return refused(400, `add-${pageId}`, errors, { type, label });
    const id = newQuestionId(details.working.definition, label);
    const result = await sendEdit(event, who, { op: 'add_question', pageId, question: newQuestion(type, label, id) });
    if (!result.ok) return done(event, result, `page-${pageId}`, `add-${pageId}-label`);
    // Straight on to its edit form: a new question still needs its options, help and so on.
    redirect(303, `/staff/questionnaires/${event.params.id}/edit/question/${id}?added=1`);
  },

  addPage: async (event) => {
    const { who, details } = await loadDraft(event);
    const form = await event.request.formData();
    const definition = details.working.definition;
    const title = textField(form, 'title').trim();
    const type = textField(form, 'type');
    const label = textField(form, 'label').trim();
    const errors: FieldError[] = [];
    if (!isQuestionType(type)) errors.push({ field: 'newpage-type', message: 'Choose the kind of question for the new page' });
    if (!label) errors.push({ field: 'newpage-label', message: 'Enter the first question on the new page' });
    if (errors.length > 0 || !isQuestionType(type)) return refused(400, 'newpage', errors, { title, type, label });
    const id = newQuestionId(definition, label);
    const pageId = unusedId(idFromLabel(title || label, 'page'), new Set(definition.pages.map((p) => p.id)));
    const edit: DraftEdit = { op: 'add_page', page: { id: pageId, ...(title ? { title } : {}), questions: [newQuestion(type, label, id)] } };
    const result = await sendEdit(event, who, edit);
    if (!result.ok) return done(event, result, 'newpage', 'newpage-label');
    redirect(303, `/staff/questionnaires/${event.params.id}/edit/question/${id}?added=1`);
  },

  moveQuestion: async (event) => {
    const { who, details } = await loadDraft(event);
    const form = await event.request.formData();
    const questionId = textField(form, 'questionId');
    const down = textField(form, 'direction') === 'down';
    const pages = details.working.definition.pages;
    const p = pages.findIndex((page) => page.questions.some((q) => q.id === questionId));
    const page = pages[p];
    if (!page) return done(event, { ok: false, failure: { status: 404, error: 'gone', message: 'That question is no longer in the draft' } }, 'pages', 'pages');
    const q = page.questions.findIndex((x) => x.id === questionId);
    // At the edge of a page, a question moves onto the next or previous page.
    let edit: DraftEdit;
    if (down && q < page.questions.length - 1) edit = { op: 'move_question', questionId, toPageId: page.id, at: q + 1 };
    else if (!down && q > 0) edit = { op: 'move_question', questionId, toPageId: page.id, at: q - 1 };
    else {
      const next = pages[down ? p + 1 : p - 1];
      if (!next) return done(event, { ok: true, details }, `question-${questionId}`, 'pages');
      edit = { op: 'move_question', questionId, toPageId: next.id, at: down ? 0 : next.questions.length };
    }
    return done(event, await sendEdit(event, who, edit), `question-${questionId}`, `question-${questionId}`);
  },

  movePage: async (event) => {
    const { who, details } = await loadDraft(event);
    const form = await event.request.formData();
    const pageId = textField(form, 'pageId');
    const pages = details.working.definition.pages;
    const from = pages.findIndex((p) => p.id === pageId);
    const to = textField(form, 'direction') === 'down' ? from + 1 : from - 1;
    if (from < 0 || to < 0 || to >= pages.length) return done(event, { ok: true, details }, `page-${pageId}`, 'pages');
    return done(event, await sendEdit(event, who, { op: 'move_page', pageId, to }), `page-${pageId}`, `page-${pageId}`);
  }
};
