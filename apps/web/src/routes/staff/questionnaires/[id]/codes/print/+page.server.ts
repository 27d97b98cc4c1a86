import { error } from '@sveltejs/kit';
import { requireEditor, unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

// Slips carry only the survey's address and a code: nothing about who gets which.
export const load: PageServerLoad = async (event) => {
  const who = await requireEditor(event);
  const batch = event.url.searchParams.get('batch') ?? '';
  const api = apiAs(event, who).api.designer.questionnaires[':id'];
  const param = { id: event.params.id };
  const [detailsRes, codesRes] = await Promise.all([api.$get({ param }), api.codes.$get({ param })]);
  if (!detailsRes.ok) await unexpected(detailsRes, 'Reading a questionnaire');
  if (!codesRes.ok) await unexpected(codesRes, 'Listing codes');
  const { questionnaire } = await detailsRes.json();
  const codes = (await codesRes.json()).codes.filter((c) => c.batchId === batch).map((c) => c.code);
  if (codes.length === 0) error(404, { message: 'There is no such batch of codes for this questionnaire.' });
  return { questionnaire: { id: questionnaire.id, title: questionnaire.title }, codes, address: new URL(`/s/${questionnaire.slug}`, event.url.origin).href };
};
