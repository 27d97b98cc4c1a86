import { parseForm, WaveInputSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { checkedValues, errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { seriesAndWave } from './wave.server.ts';

const WAVE_FIELDS = ['label', 'fieldworkDate', 'questionnaireIds'] as const;

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'series', 'manage', 'change a wave');
  const api = apiAs(event, who).api;
  const { series, wave } = await seriesAndWave(event, who);
  // The wave's own questionnaires, then the published surveys in no wave of any of the organisation's series.
  const [list, allSeries] = await Promise.all([api['explore-list'].$get({ query: {} }), api.series.$get({ query: {} })]);
  const inAWave = new Set((allSeries.ok ? (await allSeries.json()).series : [series]).flatMap((s) => s.waves.flatMap((w) => w.questionnaires.map((q) => q.id))));
  const free = list.ok ? (await list.json()).questionnaires.filter((q) => q.kind === 'survey' && !inAWave.has(q.id)) : [];
  return {
    series: { id: series.id, name: series.name },
    wave,
    surveys: [...wave.questionnaires.map((q) => ({ id: q.id, title: q.title })), ...free.map((q) => ({ id: q.id, title: q.title }))]
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'series', 'manage', 'change a wave');
    const form = await event.request.formData();
    const values = { label: textField(form, 'label').trim(), fieldworkDate: textField(form, 'fieldworkDate').trim(), questionnaireIds: checkedValues(form, 'questionnaireIds') };
    const input = parseForm(WaveInputSchema, values, WAVE_FIELDS, 'label');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await apiAs(event, who).api.series[':id'].waves[':waveId'].$put({ param: { id: event.params.id, waveId: event.params.waveId }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if ([400, 409, 422].includes(failure.status)) return fail(failure.status, { values, errors: errorsFrom(failure, WAVE_FIELDS, 'label') });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/measures/${event.params.id}?changed=${encodeURIComponent(input.data.label)}#waves-heading`);
  }
};
