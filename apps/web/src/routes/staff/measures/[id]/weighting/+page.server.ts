import { WeightingInputSchema } from '@safer-voices/survey';
import { issuesAsErrors } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { inputOf, type OfferedVariable, pageErrors, savedValues, valuesOf, variableField } from './weighting-form.ts';

async function weightingOf(event: RequestEvent | Parameters<PageServerLoad>[0], who: Awaited<ReturnType<typeof requirePolicy>>) {
  const api = apiAs(event, who).api;
  const param = { id: event.params.id };
  const [seriesRes, weightingRes] = await Promise.all([api.series[':id'].$get({ param }), api.series[':id'].weighting.$get({ param })]);
  if (!seriesRes.ok) await unexpected(seriesRes, 'Reading the series');
  if (!weightingRes.ok) await unexpected(weightingRes, 'Reading the weighting');
  const { series } = await seriesRes.json();
  const { weighting, variables } = await weightingRes.json();
  return { series: { id: series.id, name: series.name }, weighting, variables: variables as OfferedVariable[] };
}

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'series', 'weight', 'weight measures over time');
  const found = await weightingOf(event, who);
  return { organisation: who.organisation.name, ...found, saved: savedValues(found.weighting, found.variables) };
};

export const actions: Actions = {
  save: async (event) => {
    const who = await requirePolicy(event, 'series', 'weight', 'weight measures over time');
    const { variables } = await weightingOf(event, who);
    const values = valuesOf(await event.request.formData(), variables);
    const { input, positions } = inputOf(values, variables);
    const parsed = WeightingInputSchema.safeParse(input);
    if (!parsed.success) return fail(400, { values, errors: pageErrors(issuesAsErrors(parsed.error.issues), positions, variables) });
    const res = await apiAs(event, who).api.series[':id'].weighting.$put({ param: { id: event.params.id }, json: parsed.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: pageErrors(failure.issues ?? [{ field: variableField(0), message: failure.message }], positions, variables) });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/measures/${event.params.id}?weighted=1#weighting-heading`);
  },
  remove: async (event) => {
    const who = await requirePolicy(event, 'series', 'weight', 'weight measures over time');
    const res = await apiAs(event, who).api.series[':id'].weighting.$delete({ param: { id: event.params.id } });
    if (!res.ok) {
      const failure = await failureOf(res);
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/measures/${event.params.id}?unweighted=1#weighting-heading`);
  }
};
