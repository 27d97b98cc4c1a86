import { error } from '@sveltejs/kit';
import { loadCodes } from '../codes.server.ts';
import type { PageServerLoad } from './$types';

// Slips carry only the survey's address and a code: nothing about who gets which.
export const load: PageServerLoad = async (event) => {
  const batch = event.url.searchParams.get('batch') ?? '';
  const { questionnaire, codes: all } = await loadCodes(event);
  const codes = all.filter((c) => c.batchId === batch).map((c) => c.code);
  if (codes.length === 0) error(404, { message: 'There is no such batch of codes for this questionnaire.' });
  return { questionnaire: { id: questionnaire.id, title: questionnaire.title }, codes, address: new URL(`/s/${questionnaire.slug}`, event.url.origin).href };
};
