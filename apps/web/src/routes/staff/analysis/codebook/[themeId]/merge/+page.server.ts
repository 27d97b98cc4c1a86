import { type FieldError, parseForm, ThemeMergeInput } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { afterSave, requireCodebookEditor, saveEdit, themeOf } from '#lib/components/codebook/codebook.server.ts';
import { baseVersionOf, STALE_MESSAGE } from '#lib/components/codebook/theme-form.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireCodebookEditor(event);
  const { codebook, theme } = await themeOf(event, who);
  if (theme.status !== 'active') error(404, { message: 'Only a theme in use can be merged into another.' });
  const targets = codebook.themes.filter((t) => t.status === 'active' && t.id !== theme.id).map((t) => ({ id: t.id, label: t.label }));
  return { organisation: who.organisation.name, baseVersion: codebook.version, theme: { id: theme.id, label: theme.label }, targets };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireCodebookEditor(event);
    const form = await event.request.formData();
    const values = { intoId: textField(form, 'intoId'), note: textField(form, 'note') };
    // The API checks the same input with the same schema.
    const input = parseForm(ThemeMergeInput, values, ['intoId', 'note'], 'intoId');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const result = await saveEdit(event, who, baseVersionOf(form), input.data.note, { kind: 'merge', themeId: event.params.themeId, intoId: input.data.intoId });
    if (result.ok) redirect(303, afterSave(result.version));
    const { failure } = result;
    const errors: FieldError[] =
      failure.status === 409
        ? [{ field: 'intoId', message: STALE_MESSAGE }]
        : (failure.issues ?? [{ field: 'intoId', message: failure.message }]).map((i) => ({ field: i.field === 'note' ? 'note' : 'intoId', message: i.message }));
    return fail(failure.status, { values, errors });
  }
};
