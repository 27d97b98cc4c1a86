// What the strategy pages share: the choices for a measure of success (each
// series' measures and themes, and its waves for the baseline), reading the
// measure form into SuccessMeasureInputSchema, and the strategy as it stands.
import { type FieldError, parseForm, type SuccessMeasureInput, SuccessMeasureInputSchema } from '@safer-voices/survey';
import { error } from '@sveltejs/kit';
import type { ApiFailure } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import type { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { MeasureChoices, MeasureValues } from './measure-form.ts';

export type { MeasureChoices, MeasureValues };

type Api = ReturnType<typeof apiAs>['api'];

const MEASURE_FIELDS = ['priorityId', 'name', 'measureKey', 'baselineWaveId', 'direction', 'targetPoints', 'targetDate'] as const;

export async function strategyNow(api: Api) {
  const res = await api.strategy.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Reading the strategy');
  return (await res.json()).priorities;
}

export type PriorityView = Awaited<ReturnType<typeof strategyNow>>[number];
export type MeasureView = PriorityView['measures'][number];

/** The priority or measure of success of this organisation with the id; a 404 page otherwise. */
export function priorityIn(priorities: PriorityView[], id: string): PriorityView {
  const found = priorities.find((p) => p.id === id);
  if (!found) error(404, { message: 'There is no such priority in your strategy.' });
  return found;
}

export function measureIn(priorities: PriorityView[], id: string): { priority: PriorityView; measure: MeasureView } {
  for (const priority of priorities) {
    const measure = priority.measures.find((m) => m.id === id);
    if (measure) return { priority, measure };
  }
  error(404, { message: 'There is no such measure of success in your strategy.' });
}

export async function measureChoices(api: Api): Promise<MeasureChoices> {
  const listed = await api.series.$get({ query: {} });
  const series = listed.ok ? (await listed.json()).series : [];
  const lines = await Promise.all(
    series.map(async (s) => {
      const found = await api.series[':id'].measures.$get({ param: { id: s.id }, query: {} });
      const body = found.ok ? await found.json() : { measures: [], themes: [] };
      return [...body.measures, ...body.themes].map((l) => ({ value: `${s.id}|${l.key}`, label: `${s.name}: ${l.name}` }));
    })
  );
  return {
    measures: lines.flat(),
    waves: series.flatMap((s) => s.waves.map((w) => ({ value: `${s.id}|${w.id}`, label: `${s.name}: ${w.label}` })))
  };
}

/** A measure of success as the form shows it. */
export function valuesOf(priorityId: string, m: MeasureView): MeasureValues {
  return {
    priorityId,
    name: m.name,
    measure: `${m.seriesId}|${m.measureKey ?? `theme:${m.themeId}`}`,
    baseline: `${m.seriesId}|${m.baseline.waveId}`,
    direction: m.direction,
    targetPoints: String(m.targetPoints),
    targetDate: m.targetDate
  };
}

/** The choices, with the measure's own figure and baseline kept even when no wave has them now. */
export function choicesWith(choices: MeasureChoices, m: MeasureView): MeasureChoices {
  const own = valuesOf('', m);
  return {
    measures: choices.measures.some((c) => c.value === own.measure)
      ? choices.measures
      : [{ value: own.measure, label: `${m.seriesName}: ${m.measureName ?? m.measureKey ?? m.themeId}` }, ...choices.measures],
    waves: choices.waves.some((c) => c.value === own.baseline) ? choices.waves : [{ value: own.baseline, label: `${m.seriesName}: ${m.baseline.label}` }, ...choices.waves]
  };
}

/** The form's fields, read; then the shared schema's verdict, its errors under the form's own field names. */
export function readMeasureForm(form: FormData): { values: MeasureValues; input: SuccessMeasureInput | null; errors: FieldError[] } {
  const values: MeasureValues = {
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
  return { values, input: input.ok && errors.length === 0 ? input.data : null, errors };
}

/** The API's refusal of a measure of success under the form's field names. */
export const measureErrorsFrom = (failure: ApiFailure): FieldError[] =>
  errorsFrom(failure, [...MEASURE_FIELDS], 'name').map((e) => ({ ...e, field: e.field === 'baselineWaveId' ? 'baseline' : e.field === 'measureKey' ? 'measure' : e.field }));
