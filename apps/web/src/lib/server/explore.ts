// Calling the explorer API for the analysis pages, and who may. A view's
// address is also its API request (see exploreQuery in explore-view.ts).
import type { ExploreView } from '@safer-voices/api';
import { may } from '@safer-voices/api/policies';
import { error } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from './api.ts';
import { unexpected } from './designer-api.ts';
import { apiAs, requireStaff, type SignedInStaff } from './staff-api.ts';

type StaffEvent = Parameters<typeof requireStaff>[0];

/** Who may explore answers (safeguarding leads see flagged answers in their own queue instead). */
export const canAnalyse = (roles: readonly string[]) => may({ roles }, 'findings', 'explore');

export async function requireAnalysisRole(event: StaffEvent): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!canAnalyse(who.roles)) {
    error(403, { message: 'Only analysts, officers, authors and admins can explore what people said.' });
  }
  return who;
}

export type ExploreResult = { ok: true; view: ExploreView } | { ok: false; failure: ApiFailure };

/** The view under these parameters, or the API's 400 with its issues (anything else is a page error). */
export async function readExplore(event: StaffEvent, who: SignedInStaff, id: string, query: Record<string, string[]>): Promise<ExploreResult> {
  const res = await apiAs(event, who).api.explore[':id'].$get({ param: { id }, query });
  if (res.status === 400) return { ok: false, failure: await failureOf(res) };
  if (!res.ok) await unexpected(res, 'Reading the explorer');
  return { ok: true, view: await res.json() };
}
