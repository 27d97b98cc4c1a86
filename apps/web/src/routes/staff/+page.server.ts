import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  const api = apiAs(event, who);
  const [organisationRes, surveysRes] = await Promise.all([api.api.organisations.current.$get(), api.api.questionnaires.$get()]);
  if (!organisationRes.ok) throw new Error(`GET /api/organisations/current answered ${organisationRes.status}`);
  const { hub, partnerships } = await organisationRes.json();
  const { questionnaires } = await surveysRes.json();
  return {
    staff: who.staff,
    organisation: who.organisation.name,
    hub: hub?.name ?? null,
    partnerships: partnerships.map((p) => p.name),
    roles: who.roles,
    // Every open survey for now: the API lists them without their organisation until the designer's own list arrives.
    surveys: questionnaires.map((q) => ({ slug: q.slug, title: q.title, closesAt: q.closesAt }))
  };
};
