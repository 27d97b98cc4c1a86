import { may } from '@safer-voices/api/policies';
import { PriorityInputSchema, parseForm } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { type MeasureChoices, measureChoices, measureErrorsFrom, readMeasureForm, strategyNow } from './strategy-form.server.ts';

/** What the notice after a change says, by the `done` the change redirects with. */
const DONE = {
  'priority-added': 'Priority added.',
  'measure-added': 'Measure of success added.',
  'priority-changed': 'Priority changed.',
  'measure-changed': 'Measure of success changed.',
  'priority-removed': 'Priority removed.',
  'measure-removed': 'Measure of success removed.'
} as const;

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'strategy', 'view', 'see the strategy');
  const api = apiAs(event, who).api;
  const priorities = await strategyNow(api);
  const canEdit = may(who, 'strategy', 'edit');
  // For the form: each series' measures and themes, and its waves for the baseline.
  const choices: MeasureChoices = canEdit ? await measureChoices(api) : { measures: [], waves: [] };
  const done = event.url.searchParams.get('done') ?? '';
  return { organisation: who.organisation.name, priorities, canEdit, choices, done: done in DONE ? DONE[done as keyof typeof DONE] : null };
};

export const actions: Actions = {
  addPriority: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const form = await event.request.formData();
    const values = { title: textField(form, 'title').trim() };
    const input = parseForm(PriorityInputSchema, values, ['title'], 'title');
    if (!input.ok) return fail(400, { priority: { values, errors: input.errors } });
    const res = await apiAs(event, who).api.strategy.priorities.$post({ query: {}, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { priority: { values, errors: errorsFrom(failure, ['title'], 'title') } });
      error(failure.status === 403 ? 403 : 500, { message: failure.message });
    }
    redirect(303, '/staff/strategy?done=priority-added');
  },

  addMeasure: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const { values, input, errors } = readMeasureForm(await event.request.formData());
    if (!input) return fail(400, { measure: { values, errors } });
    const res = await apiAs(event, who).api.strategy.measures.$post({ query: {}, json: input });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400 || failure.status === 422) return fail(failure.status, { measure: { values, errors: measureErrorsFrom(failure) } });
      error(failure.status === 403 ? 403 : 500, { message: failure.message });
    }
    redirect(303, '/staff/strategy?done=measure-added');
  }
};
