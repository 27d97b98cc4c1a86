import { fail, redirect } from '@sveltejs/kit';
import { afterSave, currentCodebook, requireCodebookEditor, saveEdit } from '#lib/components/codebook/codebook.server.ts';
import { baseVersionOf, fieldsOf, readThemeForm, STALE_MESSAGE, themeErrors } from '#lib/components/codebook/theme-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireCodebookEditor(event);
  const { codebook } = await currentCodebook(event, who);
  return { organisation: who.organisation.name, baseVersion: codebook.version };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireCodebookEditor(event);
    const form = await event.request.formData();
    const values = readThemeForm(form);
    const result = await saveEdit(event, who, baseVersionOf(form), values.note.trim(), { kind: 'add', theme: fieldsOf(values) });
    if (result.ok) redirect(303, afterSave(result.version));
    const errors = result.failure.status === 409 ? [{ field: 'form', message: STALE_MESSAGE }] : themeErrors(result.failure);
    return fail(result.failure.status, { values, errors });
  }
};
