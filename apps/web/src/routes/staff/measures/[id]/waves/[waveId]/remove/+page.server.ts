import { may } from '@safer-voices/api/policies';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';
import { seriesAndWave } from '../wave.server.ts';

// Removing a wave asks first, on a page of its own (works without JavaScript),
// saying what happens: the questionnaires and responses stay, only the
// grouping goes; a wave measures of success count from cannot go.
export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'series', 'manage', 'remove a wave');
  const { series, wave } = await seriesAndWave(event, who);
  const res = await apiAs(event, who).api.strategy.$get({ query: {} });
  const priorities = res.ok ? (await res.json()).priorities : [];
  const baselineOf = priorities.flatMap((p) => p.measures.filter((m) => m.baseline.waveId === wave.id).map((m) => ({ id: m.id, name: m.name, priority: p.title })));
  return { series: { id: series.id, name: series.name }, wave, baselineOf, canEditStrategy: may(who, 'strategy', 'edit') };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'series', 'manage', 'remove a wave');
    const res = await apiAs(event, who).api.series[':id'].waves[':waveId'].$delete({ param: { id: event.params.id, waveId: event.params.waveId } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 409) return fail(409, { message: failure.message });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    redirect(303, `/staff/measures/${event.params.id}?removed=1#waves-heading`);
  }
};
