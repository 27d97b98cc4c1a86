import { error } from '@sveltejs/kit';
import { loadCodes, surveyAddress } from '../codes.server.ts';
import type { PageServerLoad } from './$types';

// Slips carry only the survey's address, a QR code and a code: nothing about who gets which.
export const load: PageServerLoad = async (event) => {
  const batch = event.url.searchParams.get('batch') ?? '';
  const { questionnaire, codes: all } = await loadCodes(event);
  const codes = all.filter((c) => c.batchId === batch).map((c) => c.code);
  if (codes.length === 0) error(404, { message: 'There is no such batch of codes for this questionnaire.' });
  const address = surveyAddress(questionnaire.slug);
  return {
    questionnaire: { id: questionnaire.id, title: questionnaire.title, accessMode: questionnaire.accessMode },
    // The address as people type it: without the scheme.
    shortAddress: address.short,
    slips: await Promise.all(codes.map(async (code) => ({ code, qr: await address.qrWithCode(code) })))
  };
};
