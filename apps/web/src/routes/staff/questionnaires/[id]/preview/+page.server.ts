import { quickExitShown } from '@safer-voices/survey';
import { fail } from '@sveltejs/kit';
import { firstPreviewPage, previewStep, readCarriedAnswers } from '#lib/components/designer/preview.ts';
import { canEdit } from '#lib/server/designer-api.ts';
import { readDraft } from '#lib/server/draft-editor.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

// The draft as a respondent meets it: the start page, then steps answered one
// by one (a grid one row at a time), following the skip logic. Nothing is stored: each page posts the
// answers so far back in a hidden field, and they go no further than the form.
export const load: PageServerLoad = async (event) => {
  const { who, details } = await readDraft(event);
  const definition = details.working.definition;
  return {
    editor: canEdit(who.roles),
    questionnaire: details.questionnaire,
    version: details.working.version,
    definition,
    quickExit: quickExitShown(definition)
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { details } = await readDraft(event);
    const definition = details.working.definition;
    const form = await event.request.formData();
    const pageId = textField(form, 'pageId');
    // "Start now" posts no page: the first page, nothing answered.
    if (pageId === '') return { preview: firstPreviewPage(definition) };
    const carried = readCarriedAnswers(textField(form, 'answers'), definition);
    const preview = previewStep(definition, carried, pageId, textField(form, 'step'), form, textField(form, 'go') === 'back');
    return preview.kind === 'page' && preview.errors.length > 0 ? fail(422, { preview }) : { preview };
  }
};
