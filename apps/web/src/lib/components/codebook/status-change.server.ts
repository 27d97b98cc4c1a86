// Retiring and restoring a theme: each asks first, on a page of its own, so
// the confirmation works without JavaScript.
import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { textField } from '#lib/server/staff-forms.ts';
import { afterSave, requireCodebookEditor, saveEdit, themeOf } from './codebook.server.ts';
import { baseVersionOf, STALE_MESSAGE } from './theme-form.ts';

type Event = RequestEvent<{ themeId: string }>;

export function statusChange(kind: 'retire' | 'restore') {
  // Retiring needs a theme in use; restoring a retired one (a merged theme stays merged).
  const fits = (status: string) => (kind === 'retire' ? status === 'active' : status === 'retired');
  return {
    async load(event: Event) {
      const who = await requireCodebookEditor(event);
      const { codebook, theme } = await themeOf(event, who);
      if (!fits(theme.status)) error(404, { message: kind === 'retire' ? 'This theme is not in use.' : 'Only a retired theme can be restored.' });
      return { organisation: who.organisation.name, baseVersion: codebook.version, theme: { id: theme.id, label: theme.label } };
    },
    async save(event: Event) {
      const who = await requireCodebookEditor(event);
      const form = await event.request.formData();
      const note = textField(form, 'note');
      const result = await saveEdit(event, who, baseVersionOf(form), note.trim(), { kind, themeId: event.params.themeId });
      if (result.ok) redirect(303, afterSave(result.version));
      const { failure } = result;
      const errors: FieldError[] = [{ field: 'note', message: failure.status === 409 ? STALE_MESSAGE : (failure.issues?.[0]?.message ?? failure.message) }];
      return fail(failure.status, { note, errors });
    }
  };
}
