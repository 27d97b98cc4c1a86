import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import { client } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/**
 * The organisation's "You said, we did" page, when the questionnaire names it
 * and something is on it: never a link to an empty page.
 */
async function youSaidWeDid(organisation: { slug: string } | null | undefined): Promise<string | null> {
  if (!organisation) return null;
  const res = await client.api.public.organisations[':slug']['you-said-we-did'].$get({ param: { slug: organisation.slug } });
  // Not there (or not readable just now): the page goes without the link rather than fail.
  if (!res.ok) return null;
  const list = await res.json();
  return list.reports.some((r) => r.rows.length > 0) ? `/organisations/${encodeURIComponent(organisation.slug)}/you-said-we-did` : null;
}

export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const { definition } = respondentLanguage(event, questionnaire.definition);
  return {
    title: definition.title,
    localContact: definition.localContact,
    youSaidWeDid: questionnaire.definition.linkYouSaidWeDid === true ? await youSaidWeDid(questionnaire.organisation) : null
  };
};
