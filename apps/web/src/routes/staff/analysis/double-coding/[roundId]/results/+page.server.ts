// Agreement in a double-coding round, once two analysts have finished.
import { redirect } from '@sveltejs/kit';
import { requireReviewer } from '#lib/components/review/reviewer.server.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireReviewer(event);
  const res = await apiAs(event, who).api.review['double-coding'].rounds[':id'].results.$get({ param: { id: event.params.roundId } });
  // Not ready, or this person is still coding: the round's page says why.
  if (res.status === 409) redirect(303, `/staff/analysis/double-coding/${event.params.roundId}`);
  if (!res.ok) await unexpected(res, 'Reading double-coding results');
  return { organisation: who.organisation.name, ...(await res.json()) };
};
