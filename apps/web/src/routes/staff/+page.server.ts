import { may } from '@safer-voices/api/policies';
import { newFlagCount } from '#lib/components/safeguarding/queue.server.ts';
import { codingDelay } from '#lib/server/coding-delay.ts';
import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  const api = apiAs(event, who);
  const [organisationRes, surveysRes, newFlags, delay] = await Promise.all([
    api.api.organisations.current.$get(),
    api.api.designer.questionnaires.$get({ query: {} }),
    newFlagCount(event, who),
    codingDelay()
  ]);
  if (!organisationRes.ok) throw new Error(`GET /api/organisations/current answered ${organisationRes.status}`);
  const { hub, partnerships } = await organisationRes.json();
  if (!surveysRes.ok) throw new Error(`GET /api/designer/questionnaires answered ${surveysRes.status}`);
  const { questionnaires } = await surveysRes.json();
  return {
    staff: who.staff,
    organisation: who.organisation.name,
    hub: hub?.name ?? null,
    partnerships: partnerships.map((p) => p.name),
    roles: who.roles,
    newFlags,
    codingDelay: delay,
    editor: may(who, 'questionnaire', 'design'),
    // The organisation's own questionnaires, drafts included: every member of staff may read them.
    surveys: questionnaires.map((q) => ({ id: q.id, slug: q.slug, title: q.title, status: q.status, availability: q.availability, closesAt: q.closesAt, responses: q.responses }))
  };
};
