import { error } from '@sveltejs/kit';
import { loadCodes, surveyAddress } from '../../codes.server.ts';
import type { PageServerLoad } from './$types';

// A class code on an A4 poster for the board: the survey's title, its short
// address, the code in large letters, and a QR code with the code filled in.
export const load: PageServerLoad = async (event) => {
  const { questionnaire, codes } = await loadCodes(event);
  const code = codes.find((c) => c.id === event.params.codeId && c.kind === 'class');
  if (!code) error(404, { message: 'There is no such class code for this questionnaire.' });
  const address = surveyAddress(questionnaire.slug);
  return {
    questionnaire: { id: questionnaire.id, title: questionnaire.title, accessMode: questionnaire.accessMode },
    code: { code: code.code, school: code.school, className: code.className, state: code.state },
    shortAddress: address.short,
    qr: await address.qrWithCode(code.code)
  };
};
