import { may } from '@safer-voices/api/policies';
import { unexpected } from '#lib/server/designer-api.ts';
import { requireAnalysisRole } from '#lib/server/explore.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireAnalysisRole(event);
  const res = await apiAs(event, who).api['explore-list'].$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Listing what can be explored');
  const { threshold, questionnaires } = await res.json();
  return {
    organisation: who.organisation.name,
    threshold,
    // Reviewing, double coding and importing are for analysts and admins (the API's reviewers).
    canReview: may(who, 'answer', 'review'),
    surveys: questionnaires.filter((q) => q.kind === 'survey'),
    collections: questionnaires.filter((q) => q.kind === 'collection')
  };
};
