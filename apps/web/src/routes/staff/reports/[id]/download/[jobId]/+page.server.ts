import { error } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'view', 'download consultation reports');
  const res = await apiAs(event, who).api.reports[':id'].exports[':jobId'].$get({ param: { id: event.params.id, jobId: event.params.jobId } });
  if (!res.ok) {
    const failure = await failureOf(res);
    error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
  }
  return { reportId: event.params.id, job: (await res.json()).export };
};
