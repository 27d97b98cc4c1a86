import { may } from '@safer-voices/api/policies';
import { parseForm, SeriesInputSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['name', 'description'] as const;

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'series', 'view', 'see measures over time');
  const res = await apiAs(event, who).api.series.$get({ query: {} });
  if (!res.ok) error(500, { message: (await failureOf(res)).message });
  const { series } = await res.json();
  return { organisation: who.organisation.name, series, canManage: may(who, 'series', 'manage'), canSeeStrategy: may(who, 'strategy', 'view') };
};

export const actions: Actions = {
  create: async (event) => {
    const who = await requirePolicy(event, 'series', 'manage', 'make a series');
    const form = await event.request.formData();
    const values = { name: textField(form, 'name').trim(), description: textField(form, 'description').trim() };
    const input = parseForm(SeriesInputSchema, values, FIELDS, 'name');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await apiAs(event, who).api.series.$post({ query: {}, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400 || failure.status === 409) return fail(failure.status, { values, errors: errorsFrom(failure, FIELDS, 'name') });
      error(failure.status === 403 ? 403 : 500, { message: failure.message });
    }
    const { series } = await res.json();
    redirect(303, `/staff/measures/${series.id}?created=1`);
  }
};
