// The choices a report section's form offers: the series' measures, the
// strategy's priorities and measures of success, and the codebook's themes.
import { unexpected } from './designer-api.ts';
import type { apiAs } from './staff-api.ts';

type Api = ReturnType<typeof apiAs>['api'];

export interface Option {
  value: string;
  label: string;
}

/** The series' measures (a grid's rows each one), by key. */
export async function measureOptions(api: Api, seriesId: string | undefined): Promise<Option[]> {
  if (!seriesId) return [];
  const res = await api.series[':id'].measures.$get({ param: { id: seriesId }, query: {} });
  if (!res.ok) return [];
  return (await res.json()).measures.map((m) => ({ value: m.key, label: m.name }));
}

/** The strategy: its priorities, and each measure of success with its priority's title (and id, to offer a row only its own priority's). */
export async function strategyOptions(api: Api): Promise<{ priorities: Option[]; successMeasures: (Option & { priorityId: string })[] }> {
  const res = await api.strategy.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Reading the strategy');
  const { priorities } = await res.json();
  return {
    priorities: priorities.map((p) => ({ value: p.id, label: p.title })),
    successMeasures: priorities.flatMap((p) => p.measures.map((m) => ({ value: m.id, label: `${m.name} (${p.title})`, priorityId: p.id })))
  };
}

/** The codebook's themes in use (not merged or retired). */
export async function themeOptions(api: Api): Promise<Option[]> {
  const res = await api.codebook.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Reading the codebook');
  return (await res.json()).codebook.themes.filter((t) => t.status === 'active').map((t) => ({ value: t.id, label: t.label }));
}
