import { error } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  const res = await apiAs(event, who).api.coding.jobs[':id'].$get({ param: { id: event.params.id } });
  if (!res.ok) {
    const failure = await failureOf(res);
    if (failure.status === 403) error(403, { message: 'Only officers, analysts and admins can follow re-coding.' });
    error(404, { message: 'There is no such re-coding job.' });
  }
  const { job } = await res.json();
  return { organisation: who.organisation.name, job };
};
