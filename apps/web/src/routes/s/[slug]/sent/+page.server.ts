import { loadQuestionnaire } from '#lib/server/journey.ts';
import type { PageServerLoad } from './$types';

// Reached by going Back after sending (see withoutDraft in #lib/server/session.ts):
// the answers are safe, and a survey anyone may answer offers to start again.
export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  return { again: questionnaire.availability === 'open' ? (questionnaire.access === 'codes' ? 'code' : 'open') : 'no' } as const;
};
