import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';
import { choicesWith, measureChoices, measureErrorsFrom, measureIn, readMeasureForm, strategyNow, valuesOf } from '../../strategy-form.server.ts';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
  const api = apiAs(event, who).api;
  const priorities = await strategyNow(api);
  const { priority, measure } = measureIn(priorities, event.params.id);
  return {
    organisation: who.organisation.name,
    id: measure.id,
    name: measure.name,
    priorities: priorities.map((p) => ({ id: p.id, title: p.title })),
    choices: choicesWith(await measureChoices(api), measure),
    values: valuesOf(priority.id, measure)
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const { values, input, errors } = readMeasureForm(await event.request.formData());
    if (!input) return fail(400, { values, errors });
    const res = await apiAs(event, who).api.strategy.measures[':id'].$put({ param: { id: event.params.id }, json: input });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400 || failure.status === 422) return fail(failure.status, { values, errors: measureErrorsFrom(failure) });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/strategy?done=measure-changed#priority-${input.priorityId}`);
  }
};
