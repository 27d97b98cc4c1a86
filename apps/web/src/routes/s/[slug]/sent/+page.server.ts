import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import type { PageServerLoad } from './$types';

// Reached by going Back after sending (see withoutDraft in #lib/server/session.ts):
// the answers are safe, and an open survey offers to start again: the next
// person on a shared device, or with the class's shared code (a code for one
// person is refused when used again). It gives the same help as the
// thank-you page: someone who missed that page must not miss the help.
export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const { definition } = respondentLanguage(event, questionnaire.definition);
  return {
    again: questionnaire.availability === 'open' ? (questionnaire.access === 'codes' ? 'code' : 'open') : 'no',
    localContact: definition.localContact
  } as const;
};
