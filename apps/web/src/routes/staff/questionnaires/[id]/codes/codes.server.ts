// The questionnaire and its access codes, as the codes page, the printable
// slips and the class-code posters read them, for an editor only.
import type { RequestEvent } from '@sveltejs/kit';
import { webConfig } from '#lib/server/config.ts';
import { requireEditor, unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { qrSvg } from '#lib/server/votes-staff-qr.ts';

/**
 * The survey's address on paper: in full for the QR code, without the scheme
 * for people to type, and a QR code that opens the start page with a code
 * filled in (the start page reads ?code=).
 */
export function surveyAddress(slug: string) {
  const full = new URL(`/s/${slug}`, webConfig().PUBLIC_URL).href;
  return {
    full,
    short: full.replace(/^https?:\/\//, ''),
    qrWithCode: (code: string) => qrSvg(`${full}?code=${encodeURIComponent(code)}`, `QR code: opens the survey with the code ${code} filled in`)
  };
}

export async function loadCodes(event: RequestEvent<{ id: string }>) {
  const who = await requireEditor(event);
  const api = apiAs(event, who).api.designer.questionnaires[':id'];
  const param = { id: event.params.id };
  const [detailsRes, codesRes] = await Promise.all([api.$get({ param }), api.codes.$get({ param })]);
  if (!detailsRes.ok) await unexpected(detailsRes, 'Reading a questionnaire');
  if (!codesRes.ok) await unexpected(codesRes, 'Listing codes');
  const { questionnaire } = await detailsRes.json();
  const { codes } = await codesRes.json();
  return { who, questionnaire, codes };
}
