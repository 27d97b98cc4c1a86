import { redirect } from '@sveltejs/kit';
import { chartLayout, ordered, summaryOf } from '#lib/components/insights/theme-figures.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  const question = event.url.searchParams.get('question') || undefined;
  const res = await apiAs(event, who).api.insights.questionnaires[':id'].themes.$get({ param: { id: event.params.id }, query: question ? { question } : {} });
  // A question that is not (or no longer) one of this questionnaire's: show them all.
  if (res.status === 400 && question) redirect(303, event.url.pathname);
  if (!res.ok) await unexpected(res, 'Reading theme prevalence');
  const view = await res.json();
  const selected = view.questions.find((q) => q.id === view.question) ?? null;
  const base = view.base.count;
  return {
    organisation: who.organisation.name,
    view,
    selected,
    themes: ordered(view.themes),
    chart: chartLayout(view.themes, view.threshold),
    summary: summaryOf(view.themes, base, selected === null, view.threshold)
  };
};
