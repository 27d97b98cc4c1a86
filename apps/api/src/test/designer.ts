// Helpers for designer API tests: an officer, a questionnaire made from a
// template, and answering a published questionnaire as a respondent.
import { type QuestionnaireDefinition, sampleAnswers, visiblePages } from '@safer-voices/survey';
import { expect } from 'vitest';
import { type FreshApi, jsonOf } from './fresh-api';
import { addStaff, bearerFor } from './staff';

export async function officerHeaders(api: FreshApi, organisationId: string) {
  const { id } = await addStaff(api, organisationId, ['officer']);
  return bearerFor(api, id);
}

/** Who is responsible for the answers, a contact and how long answers are kept: publishing needs all three. */
export const TEST_PRIVACY = {
  responsibleOrganisation: 'Test Violence Reduction Partnership',
  privacyContact: 'privacy@partnership.test',
  retention: 'Two years after the survey closes'
};

/** A draft made from a template, with TEST_PRIVACY filled in so it may be published. */
export async function createFromTemplate(api: FreshApi, headers: Record<string, string>, slug = 'community-safety-residents') {
  const res = await api.json('/api/designer/questionnaires', { from: { kind: 'template', slug } }, headers);
  expect(res.status).toBe(201);
  const { questionnaire } = await jsonOf(res);
  const ready = await api.json(`/api/designer/questionnaires/${questionnaire.id}/privacy`, TEST_PRIVACY, headers, 'PUT');
  expect(ready.status, await ready.clone().text()).toBe(200);
  return jsonOf(ready);
}

export const designerPath = (id: string, rest = '') => `/api/designer/questionnaires/${id}${rest}`;

/** Start a draft (with a code if given) and submit sample answers, page by page. */
export async function respond(api: FreshApi, slug: string, options: { code?: string; pick?: number; answers?: Record<string, string | number> } = {}) {
  const started = await api.json('/api/drafts', { slug, ...(options.code ? { code: options.code } : {}) });
  if (started.status !== 201) return started;
  const { token, versionId } = await jsonOf(started);
  const details = await jsonOf(await api.app.request(`/api/questionnaires/${slug}`));
  const definition = details.definition as QuestionnaireDefinition;
  const full = { ...sampleAnswers(definition, options.pick ?? 0), ...options.answers };
  for (const page of visiblePages(definition, full)) {
    const answers = Object.fromEntries(page.questions.filter((q) => q.id in full).map((q) => [q.id, full[q.id]]));
    const saved = await api.json(`/api/drafts/${token}/pages/${page.id}`, { answers }, {}, 'PUT');
    expect(saved.status, `page ${page.id}`).toBe(200);
  }
  const submitted = await api.json(`/api/drafts/${token}/submit`, {});
  expect((await jsonOf(submitted.clone())).versionId).toBe(versionId);
  return submitted;
}
