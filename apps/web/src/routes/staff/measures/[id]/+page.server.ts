import { may } from '@safer-voices/api/policies';
import { parseForm, WaveInputSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { expectedFrom } from '#lib/server/planning.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { checkedValues, errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const WAVE_FIELDS = ['label', 'fieldworkDate', 'questionnaireIds'] as const;

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'series', 'view', 'see measures over time');
  const api = apiAs(event, who).api;
  const id = event.params.id;
  const { expected, typed, invalid } = expectedFrom(event.url);
  const [seriesRes, measuresRes] = await Promise.all([
    api.series[':id'].$get({ param: { id } }),
    api.series[':id'].measures.$get({ param: { id }, query: expected === null ? {} : { expected: String(expected) } })
  ]);
  if (!seriesRes.ok) await unexpected(seriesRes, 'Reading the series');
  if (!measuresRes.ok) await unexpected(measuresRes, 'Reading the measures');
  const { series } = await seriesRes.json();
  const measures = await measuresRes.json();
  const canManage = may(who, 'series', 'manage');
  let surveys: { id: string; title: string }[] = [];
  if (canManage) {
    const list = await api['explore-list'].$get({ query: {} });
    if (list.ok) surveys = (await list.json()).questionnaires.filter((q) => q.kind === 'survey').map((q) => ({ id: q.id, title: q.title }));
  }
  const inAWave = new Set(series.waves.flatMap((w) => w.questionnaires.map((q) => q.id)));
  return {
    organisation: who.organisation.name,
    series,
    measures,
    canManage,
    canWeight: may(who, 'series', 'weight'),
    // Surveys not yet in any wave of this series (one in another series' wave is refused by the API, which says so).
    surveys: surveys.filter((s) => !inAWave.has(s.id)),
    planning: { expected, typed, invalid },
    created: event.url.searchParams.has('created'),
    waveAdded: event.url.searchParams.get('added'),
    waveChanged: event.url.searchParams.get('changed'),
    waveRemoved: event.url.searchParams.has('removed'),
    weightingSaved: event.url.searchParams.has('weighted'),
    weightingRemoved: event.url.searchParams.has('unweighted')
  };
};

export const actions: Actions = {
  addWave: async (event) => {
    const who = await requirePolicy(event, 'series', 'manage', 'add a wave');
    const form = await event.request.formData();
    const values = { label: textField(form, 'label').trim(), fieldworkDate: textField(form, 'fieldworkDate').trim(), questionnaireIds: checkedValues(form, 'questionnaireIds') };
    const input = parseForm(WaveInputSchema, values, WAVE_FIELDS, 'label');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await apiAs(event, who).api.series[':id'].waves.$post({ param: { id: event.params.id }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if ([400, 409, 422].includes(failure.status)) return fail(failure.status, { values, errors: errorsFrom(failure, WAVE_FIELDS, 'label') });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/measures/${event.params.id}?added=${encodeURIComponent(input.data.label)}`);
  }
};
