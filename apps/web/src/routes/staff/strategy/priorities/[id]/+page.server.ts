import { PriorityInputSchema, parseForm } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { priorityIn, strategyNow } from '../../strategy-form.server.ts';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
  const priority = priorityIn(await strategyNow(apiAs(event, who).api), event.params.id);
  return { organisation: who.organisation.name, priority: { id: priority.id, title: priority.title } };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const values = { title: textField(await event.request.formData(), 'title').trim() };
    const input = parseForm(PriorityInputSchema, values, ['title'], 'title');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await apiAs(event, who).api.strategy.priorities[':id'].$put({ param: { id: event.params.id }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: errorsFrom(failure, ['title'], 'title') });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/strategy?done=priority-changed#priority-${event.params.id}`);
  }
};
