// Clearing a flagged answer for quoting in consultation reports (the flag
// page's form posts here; a refusal shows the form again on this page).
import { parseForm, QuoteClearanceSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { LEAD_ONLY, oneFlag } from '#lib/components/safeguarding/queue.server.ts';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'flag', 'handle', LEAD_ONLY);
  return { flagId: (await oneFlag(event, who, event.params.id)).id };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'flag', 'handle', LEAD_ONLY);
    const flag = await oneFlag(event, who, event.params.id);
    const note = textField(await event.request.formData(), 'note').trim();
    const input = parseForm(QuoteClearanceSchema, { responseId: flag.responseId, questionId: flag.question.id, note }, ['note'], 'note');
    if (!input.ok) return fail(400, { note, errors: input.errors });
    const res = await apiAs(event, who).api.reports.clearances.$post({ json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403 || failure.status === 404) error(failure.status, { message: failure.message });
      if (failure.status === 400) return fail(400, { note, errors: errorsFrom(failure, ['note'], 'note') });
      throw new Error(`Clearing an answer for quoting failed: ${failure.status} ${failure.message}`);
    }
    redirect(303, `/staff/safeguarding/${event.params.id}?cleared=1`);
  }
};
