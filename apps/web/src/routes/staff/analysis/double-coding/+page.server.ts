// Double-coding rounds: the list, and a form to draw a new random sample.
import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireReviewer } from '#lib/components/review/reviewer.server.ts';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireReviewer(event);
  const res = await apiAs(event, who).api.review['double-coding'].rounds.$get();
  if (!res.ok) await unexpected(res, 'Listing double-coding rounds');
  return { organisation: who.organisation.name, ...(await res.json()) };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireReviewer(event);
    const form = await event.request.formData();
    const values = { questionnaireId: textField(form, 'questionnaireId'), name: textField(form, 'name').trim(), sampleSize: textField(form, 'sampleSize').trim() };
    const errors: FieldError[] = [];
    if (!values.questionnaireId) errors.push({ field: 'questionnaireId', message: 'Choose the questionnaire to sample' });
    if (!values.name) errors.push({ field: 'name', message: 'Enter a name for the round' });
    if (!/^\d+$/.test(values.sampleSize)) errors.push({ field: 'sampleSize', message: 'Enter the number of answers to sample, as a whole number' });
    if (errors.length > 0) return fail(400, { values, errors });

    const res = await apiAs(event, who).api.review['double-coding'].rounds.$post({
      json: { questionnaireId: values.questionnaireId, name: values.name, sampleSize: Number(values.sampleSize) }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: errorsFrom(failure, ['questionnaireId', 'name', 'sampleSize'], 'questionnaireId') });
      if (failure.status === 404) return fail(400, { values, errors: [{ field: 'questionnaireId', message: 'Choose the questionnaire to sample' }] });
      if (failure.status === 403) error(403, { message: failure.message });
      throw new Error(`Creating a double-coding round failed: ${failure.status} ${failure.message}`);
    }
    const { round } = await res.json();
    redirect(303, `/staff/analysis/double-coding/${round.id}`);
  }
};
