import { type FieldError, MOST_TITLE_CHARACTERS, shortTextProblem } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { canEdit, problemsOf, requireEditor, unexpected } from '#lib/server/designer-api.ts';
import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const AUDIENCES = ['child', 'youth', 'adult'] as const;
type Audience = (typeof AUDIENCES)[number];
const isAudience = (v: string): v is Audience => (AUDIENCES as readonly string[]).includes(v);

/** Files larger than this are not questionnaires (the API refuses over 1 MB too). */
const MAX_FILE_BYTES = 1024 * 1024;

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  const api = apiAs(event, who).api.designer;
  const editor = canEdit(who.roles);
  const [listRes, templatesRes] = await Promise.all([api.questionnaires.$get({ query: {} }), editor ? api.templates.$get() : null]);
  if (!listRes.ok) await unexpected(listRes, 'Listing questionnaires');
  const { questionnaires } = await listRes.json();
  const templates = templatesRes?.ok ? (await templatesRes.json()).templates : [];
  return { organisation: who.organisation.name, editor, questionnaires, templates };
};

type Kind = 'blank' | 'template' | 'copy';

export const actions: Actions = {
  create: async (event) => {
    const who = await requireEditor(event);
    const form = await event.request.formData();
    const kind = textField(form, 'kind') as Kind;
    const values = {
      title: textField(form, 'title').trim(),
      audience: textField(form, 'audience'),
      slug: textField(form, 'slug'),
      questionnaireId: textField(form, 'questionnaireId')
    };
    const refused = (status: number, errors: FieldError[]) => fail(status, { create: { kind, values, errors } });

    const errors: FieldError[] = [];
    // The API's rule for a title (something visible, at most 200 characters as a person counts them), in this form's words.
    const titleProblem = shortTextProblem(values.title, { empty: 'Enter a title for the questionnaire', most: MOST_TITLE_CHARACTERS, what: 'The title' });
    if (titleProblem && (kind === 'blank' || values.title)) errors.push({ field: 'title', message: titleProblem });
    if (kind === 'blank' && !isAudience(values.audience)) errors.push({ field: 'audience', message: 'Choose who the questionnaire is for' });
    if (kind === 'template' && !values.slug) errors.push({ field: 'slug', message: 'Choose a template' });
    if (kind === 'copy' && !values.questionnaireId) errors.push({ field: 'questionnaireId', message: 'Choose the questionnaire to copy' });
    if (!['blank', 'template', 'copy'].includes(kind)) errors.push({ field: 'kind', message: 'Choose how to start' });
    if (errors.length > 0) return refused(400, errors);

    const from = kind === 'blank' ? { kind, title: values.title } : kind === 'template' ? { kind, slug: values.slug } : { kind, questionnaireId: values.questionnaireId };
    const api = apiAs(event, who).api.designer.questionnaires;
    const res = await api.$post({ json: { from } });
    if (!res.ok) {
      const failure = await failureOf(res);
      const field = kind === 'template' ? 'slug' : kind === 'copy' ? 'questionnaireId' : 'title';
      if (failure.status === 400 || failure.status === 422 || failure.status === 404) return refused(failure.status, problemsOf(failure, field));
      return unexpected(res, 'Creating a questionnaire');
    }
    const created = await res.json();
    const id = created.questionnaire.id;
    const working = created.working?.definition;
    // The API starts blanks for young people and keeps a template's title; a
    // new title or audience is the draft's first edit.
    const title = values.title || working?.title;
    const audience = isAudience(values.audience) ? values.audience : working?.audience;
    if (working && (title !== working.title || audience !== working.audience)) {
      const saved = await api[':id'].draft.$put({ param: { id }, json: { definition: { ...working, title, audience } } });
      if (!saved.ok) await unexpected(saved, 'Naming the new questionnaire');
    }
    redirect(303, `/staff/questionnaires/${id}?created`);
  },

  import: async (event) => {
    const who = await requireEditor(event);
    const form = await event.request.formData();
    const file = form.get('file');
    const refused = (status: number, errors: FieldError[]) => fail(status, { import: { errors } });
    if (!(file instanceof File) || file.size === 0) return refused(400, [{ field: 'file', message: 'Choose a questionnaire file (.json) to import' }]);
    if (file.size > MAX_FILE_BYTES) return refused(413, [{ field: 'file', message: 'The file must be smaller than 1 MB' }]);
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      return refused(400, [{ field: 'file', message: 'The file is not a questionnaire file: it is not valid JSON' }]);
    }
    // The API reads the body as the file itself, so it is passed on as it came.
    const res = await apiAs(event, who).api.designer.import.$post({ query: {} }, { init: { body: text } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 422 || failure.status === 400 || failure.status === 413) {
        return refused(failure.status, [{ field: 'file', message: `${failure.message}:` }, ...problemsOf(failure, 'file', true)].slice(failure.issues?.length ? 0 : 1));
      }
      return unexpected(res, 'Importing a questionnaire');
    }
    const { questionnaire } = await res.json();
    redirect(303, `/staff/questionnaires/${questionnaire.id}?imported`);
  }
};
