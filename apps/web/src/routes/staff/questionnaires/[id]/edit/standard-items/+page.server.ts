import { type FieldError, standardItems } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { editorAfterSave, isStale, loadDraft, postedRevision, sendEdit, staleEditor } from '#lib/server/draft-editor.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** The bank, grouped by measure: each measure's wordings side by side (standard and easy read). */
function byMeasure() {
  const groups = new Map<string, typeof standardItems>();
  for (const item of standardItems) groups.set(item.measure, [...(groups.get(item.measure) ?? []), item]);
  return [...groups].map(([measure, items]) => ({
    measure,
    items: items.map((item) => ({
      key: item.key,
      name: item.name,
      source: item.source,
      headline: item.headline,
      variant: item.variant,
      audiences: item.audiences,
      wordingVerified: item.wordingVerified,
      wording: item.questions.map((q) => q.label)
    }))
  }));
}

export const load: PageServerLoad = async (event) => {
  const { details } = await loadDraft(event);
  const definition = details.working.definition;
  return {
    questionnaire: details.questionnaire,
    revision: details.revision,
    title: definition.title,
    pages: definition.pages.map((p, i) => ({ id: p.id, name: `Page ${i + 1}: ${p.title ?? p.questions[0]?.label ?? p.id}` })),
    groups: byMeasure()
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { who, details } = await loadDraft(event);
    const form = await event.request.formData();
    const revision = postedRevision(form);
    // "After page 3" means the page 3 the officer saw: from an older draft, nothing is inserted.
    if (isStale(details, revision)) staleEditor(event.params.id);
    const key = textField(form, 'key');
    const where = textField(form, 'where');
    const pages = details.working.definition.pages;
    // "end" or "after:<page id>": the item's questions become new pages there (one per page,
    // since a follow-up question may depend on the first).
    const after = where.startsWith('after:') ? pages.findIndex((p) => p.id === where.slice(6)) : -1;
    const at = where === 'start' ? 0 : after >= 0 ? after + 1 : pages.length;
    const result = await sendEdit(event, who, { op: 'insert_standard_item', key, at }, revision);
    if (!result.ok && result.stale) staleEditor(event.params.id);
    if (!result.ok) {
      const errors: FieldError[] = [{ field: 'where', message: result.failure.message }];
      return fail(422, { errors, where });
    }
    const inserted = result.details.working.definition.pages[at];
    const anchor = inserted ? `page-${inserted.id}` : 'pages';
    redirect(303, editorAfterSave(event.params.id, anchor, result.details));
  }
};
