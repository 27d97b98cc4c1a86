import { error, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';
import { measureIn, strategyNow } from '../../../strategy-form.server.ts';

// Removing a measure of success asks first, on a page of its own.
export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
  const { priority, measure } = measureIn(await strategyNow(apiAs(event, who).api), event.params.id);
  return { organisation: who.organisation.name, id: measure.id, name: measure.name, priority: priority.title, seriesName: measure.seriesName };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const res = await apiAs(event, who).api.strategy.measures[':id'].$delete({ param: { id: event.params.id } });
    if (!res.ok) {
      const failure = await failureOf(res);
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, '/staff/strategy?done=measure-removed');
  }
};
