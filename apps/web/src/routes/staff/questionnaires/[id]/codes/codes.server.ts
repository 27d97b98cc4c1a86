// The questionnaire and its access codes, as the codes page and the printable
// slips both read them, for an editor only.
import type { RequestEvent } from '@sveltejs/kit';
import { requireEditor, unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';

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
