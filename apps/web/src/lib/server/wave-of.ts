// The explorer's link to measures over time: when the questionnaire explored
// is in a wave of a series, how each of its measures compares with the wave
// before, for the whole wave (every questionnaire in it) and without the
// explorer's filters, from the series' own view.
import { apiAs, type SignedInStaff } from './staff-api.ts';
import { may } from '@safer-voices/api/policies';
import type { RequestEvent } from '@sveltejs/kit';

type StaffEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;

export interface WaveComparison {
  seriesId: string;
  seriesName: string;
  wave: string;
  previous: string | null;
  rows: { key: string; name: string; now: string; before: string; verdict: string }[];
}

const figure = (f: { shown: boolean; percent: number | null; lower: number | null; upper: number | null; weighted: boolean } | undefined) =>
  f?.shown && f.percent !== null ? `${Math.round(f.percent)}% (${Math.round(f.lower ?? 0)}–${Math.round(f.upper ?? 0)}%)${f.weighted ? ', weighted' : ''}` : 'Withheld';

export async function waveComparison(event: StaffEvent, who: SignedInStaff, questionnaireId: string): Promise<WaveComparison | null> {
  if (!may(who, 'series', 'view')) return null;
  const api = apiAs(event, who).api;
  const listed = await api.series.$get({ query: {} });
  if (!listed.ok) return null;
  const { series } = await listed.json();
  const found = series.flatMap((s) => s.waves.filter((w) => w.questionnaires.some((q) => q.id === questionnaireId)).map((w) => ({ s, w })))[0];
  if (!found) return null;
  const res = await api.series[':id'].measures.$get({ param: { id: found.s.id }, query: {} });
  if (!res.ok) return null;
  const { measures, waves } = await res.json();
  const at = waves.findIndex((w) => w.id === found.w.id);
  const previous = at > 0 ? waves[at - 1] : undefined;
  return {
    seriesId: found.s.id,
    seriesName: found.s.name,
    wave: found.w.label,
    previous: previous?.label ?? null,
    rows: measures.map((m) => {
      const step = previous ? m.steps.find((s) => s.to === found.w.id) : undefined;
      return {
        key: m.key,
        name: m.name,
        now: figure(m.figures[at]),
        before: previous ? figure(m.figures[at - 1]) : '',
        verdict: !step
          ? ''
          : step.change
            ? step.change.verdict.charAt(0).toUpperCase() + step.change.verdict.slice(1)
            : step.comparable
              ? 'Not compared: a wave is withheld'
              : step.weightingDiffers
                ? 'Not compared: only one wave is weighted'
                : 'Not compared: asked differently'
      };
    })
  };
}
