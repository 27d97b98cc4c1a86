import type { QuestionnaireSummary } from '@safer-voices/api';
import { client } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const res = await client.api.questionnaires.$get();
  const body = (await res.json()) as { questionnaires: QuestionnaireSummary[] };
  return { questionnaires: body.questionnaires };
};
