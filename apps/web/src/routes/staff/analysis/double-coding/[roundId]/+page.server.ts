// Coding a double-coding round blind: one answer at a time, with only the
// answer, its question and an empty theme checklist.
import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireReviewer, tickedThemes } from '#lib/components/review/reviewer.server.ts';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireReviewer(event);
  const res = await apiAs(event, who).api.review['double-coding'].rounds[':id'].$get({ param: { id: event.params.roundId } });
  if (!res.ok) await unexpected(res, 'Reading a double-coding round');
  return { organisation: who.organisation.name, saved: event.url.searchParams.has('saved'), ...(await res.json()) };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireReviewer(event);
    const form = await event.request.formData();
    const responseId = textField(form, 'responseId');
    const questionId = textField(form, 'questionId');
    const themes = tickedThemes(form);
    const res = await apiAs(event, who).api.review['double-coding'].rounds[':id'].labels.$put({ param: { id: event.params.roundId }, json: { responseId, questionId, themes } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) {
        const errors: FieldError[] = errorsFrom(failure, ['themes'], 'themes');
        return fail(400, { values: { responseId, themes }, errors });
      }
      // The round closed to this person while they were coding.
      if (failure.status === 409) return fail(409, { closed: failure.message });
      if (failure.status === 403 || failure.status === 404) error(failure.status, { message: failure.message });
      throw new Error(`Saving a double-coding label failed: ${failure.status} ${failure.message}`);
    }
    redirect(303, `${event.url.pathname}?saved`);
  }
};
