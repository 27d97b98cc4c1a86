import { may } from '@safer-voices/api/policies';
import { unexpected } from '#lib/server/designer-api.ts';
import { requireVotePolicy, votesApi } from '#lib/server/votes-staff.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'view');
  const res = await votesApi(event, who).$get({ query: {} });
  if (!res.ok) return unexpected(res, 'Listing the votes');
  const { votes } = await res.json();
  return { organisation: who.organisation.name, votes, canEdit: may(who, 'vote', 'edit') };
};
