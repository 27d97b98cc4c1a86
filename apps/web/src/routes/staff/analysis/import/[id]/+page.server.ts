// After an import: how many rows arrived, and where to explore them.
import { may } from '@safer-voices/api/policies';
import { error } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  if (!may(who, 'collection', 'manage')) error(403, { message: 'Only analysts and admins can import text into collections.' });
  const res = await apiAs(event, who).api.collections[':id'].$get({ param: { id: event.params.id } });
  if (!res.ok) {
    const failure = await failureOf(res);
    if (failure.status === 403 || failure.status === 404) error(failure.status, { message: failure.status === 404 ? 'There is no such collection.' : failure.message });
    throw new Error(`Reading a collection failed: ${failure.status} ${failure.message}`);
  }
  const { collection } = await res.json();
  return { organisation: who.organisation.name, collection };
};
