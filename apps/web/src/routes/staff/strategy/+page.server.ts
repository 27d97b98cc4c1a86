import { may } from '@safer-voices/api/policies';
import { PriorityInputSchema, parseForm, SuccessMeasureInputSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const MEASURE_FIELDS = ['priorityId', 'name', 'measureKey', 'baselineWaveId', 'direction', 'targetPoints', 'targetDate'] as const;

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'strategy', 'view', 'see the strategy');
  const api = apiAs(event, who).api;
  const res = await api.strategy.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Reading the strategy');
  const { priorities } = await res.json();
  const canEdit = may(who, 'strategy', 'edit');
  // For the form: each series' measures and themes, and its waves for the baseline.
  let choices: { measures: { value: string; label: string }[]; waves: { value: string; label: string }[] } = { measures: [], waves: [] };
  if (canEdit) {
    const listed = await api.series.$get({ query: {} });
    const series = listed.ok ? (await listed.json()).series : [];
    const lines = await Promise.all(
      series.map(async (s) => {
        const found = await api.series[':id'].measures.$get({ param: { id: s.id }, query: {} });
        const body = found.ok ? await found.json() : { measures: [], themes: [] };
        return [...body.measures, ...body.themes].map((l) => ({ value: `${s.id}|${l.key}`, label: `${s.name}: ${l.name}` }));
      })
    );
    choices = {
      measures: lines.flat(),
      waves: series.flatMap((s) => s.waves.map((w) => ({ value: `${s.id}|${w.id}`, label: `${s.name}: ${w.label}` })))
    };
  }
  return { organisation: who.organisation.name, priorities, canEdit, choices, added: event.url.searchParams.get('added') };
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
    redirect(303, '/staff/strategy?added=priority');
  },

  addMeasure: async (event) => {
    const who = await requirePolicy(event, 'strategy', 'edit', 'change the strategy');
    const form = await event.request.formData();
    const values = {
      priorityId: textField(form, 'priorityId'),
      name: textField(form, 'name').trim(),
      measure: textField(form, 'measure'),
      baseline: textField(form, 'baseline'),
      direction: textField(form, 'direction'),
      targetPoints: textField(form, 'targetPoints').trim(),
      targetDate: textField(form, 'targetDate').trim()
    };
    // The measure and the baseline wave each name their series: they must be the same one.
    const [seriesId = '', key = ''] = values.measure.split('|');
    const [baselineSeries = '', baselineWaveId = ''] = values.baseline.split('|');
    const theme = key.startsWith('theme:') ? key.slice('theme:'.length) : undefined;
    const input = parseForm(
      SuccessMeasureInputSchema,
      {
        priorityId: values.priorityId,
        name: values.name,
        seriesId,
        ...(key === '' ? {} : theme ? { themeId: theme } : { measureKey: key }),
        baselineWaveId,
        direction: values.direction || undefined,
        targetPoints: values.targetPoints,
        targetDate: values.targetDate
      },
      [...MEASURE_FIELDS, 'seriesId', 'themeId'],
      'name'
    );
    const errors = input.ok
      ? []
      : input.errors.map((e) => ({ ...e, field: e.field === 'seriesId' || e.field === 'themeId' || e.field === 'measureKey' ? 'measure' : e.field === 'baselineWaveId' ? 'baseline' : e.field }));
    if (input.ok && baselineSeries !== seriesId) errors.push({ field: 'baseline', message: 'Choose a baseline wave from the same series as the measure' });
    if (!input.ok || errors.length > 0) return fail(400, { measure: { values, errors } });
    const res = await apiAs(event, who).api.strategy.measures.$post({ query: {}, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400 || failure.status === 422) {
        const apiErrors = errorsFrom(failure, [...MEASURE_FIELDS], 'name').map((e) => ({ ...e, field: e.field === 'baselineWaveId' ? 'baseline' : e.field === 'measureKey' ? 'measure' : e.field }));
        return fail(failure.status, { measure: { values, errors: apiErrors } });
      }
      error(failure.status === 403 ? 403 : 500, { message: failure.message });
    }
    redirect(303, '/staff/strategy?added=measure');
  }
};
