import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';
import { priorityIn, strategyNow } from '../../../strategy-form.server.ts';

// Removing a priority asks first, on a page of its own. One that still has
// measures of success is not removed: the page says which, to move or remove first.
export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
  const priority = priorityIn(await strategyNow(apiAs(event, who).api), event.params.id);
  return { organisation: who.organisation.name, priority: { id: priority.id, title: priority.title, measures: priority.measures.map((m) => ({ id: m.id, name: m.name })) } };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const res = await apiAs(event, who).api.strategy.priorities[':id'].$delete({ param: { id: event.params.id } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 409) return fail(409, { message: failure.message });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, '/staff/strategy?done=priority-removed');
  }
};
