import { exportQuestionnaire, type QuestionnaireDefinition } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { demoOrganisationId } from '../../test/staff';

let api: FreshApi;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await officerHeaders(api, await demoOrganisationId(api));
});
afterAll(() => api.close());

const REFUSED = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/help'];
const ALLOWED = ['https://help.example.org', 'tel:+441632960000', 'mailto:help@example.org'];

const withContactLink = (definition: QuestionnaireDefinition, url: string) => ({ ...definition, localContact: { name: 'Youth hub', url } });

describe('a local contact’s link in the designer', () => {
  it.each(REFUSED)('is refused when a draft is saved with %j', async (url) => {
    const created = await createFromTemplate(api, officer);
    const res = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition: withContactLink(created.working.definition, url) }, officer, 'PUT');
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues).toEqual([{ field: 'definition.localContact.url', message: expect.stringMatching(/link/) }]);
  });

  it.each(ALLOWED)('is saved as %j', async (url) => {
    const created = await createFromTemplate(api, officer);
    const res = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition: withContactLink(created.working.definition, url) }, officer, 'PUT');
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).working.definition.localContact.url).toBe(url);
  });

  it.each(REFUSED)('is refused in an imported file as %j, and nothing is imported', async (url) => {
    const created = await createFromTemplate(api, officer);
    const before = await api.count('questionnaires');
    const res = await api.json('/api/designer/import', exportQuestionnaire(withContactLink(created.working.definition, url)), officer);
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues.map((i: { field: string }) => i.field)).toEqual(['questionnaire.localContact.url']);
    expect(await api.count('questionnaires')).toBe(before);
  });
});

describe('a link stored before the rule', () => {
  it('leaves the published version readable, but is not copied, nor published again', async () => {
    const created = await createFromTemplate(api, officer);
    const id = created.questionnaire.id;
    // Published as an earlier release would have let it be (published versions cannot be changed afterwards).
    await api.database.client.execute({
      sql: "UPDATE questionnaire_versions SET definition = json_set(definition, '$.localContact.url', 'javascript:alert(1)'), published_at = ? WHERE questionnaire_id = ?",
      args: [Date.now(), id]
    });

    const respondentView = await api.app.request(`/api/questionnaires/${created.questionnaire.slug}`);
    expect(respondentView.status).toBe(200);
    expect((await jsonOf(respondentView)).definition.localContact.url).toBe('javascript:alert(1)');
    expect((await api.app.request('/api/designer/questionnaires', { headers: officer })).status).toBe(200);

    const copy = await api.json('/api/designer/questionnaires', { from: { kind: 'copy', questionnaireId: id } }, officer);
    expect(copy.status).toBe(422);
    expect((await jsonOf(copy)).issues.map((i: { field: string }) => i.field)).toEqual(['definition.localContact.url']);

    // An edit starts a draft from the published version; it cannot be published until the link is fixed.
    expect((await api.json(designerPath(id, '/draft/edits'), { op: 'remove_question', questionId: 'safe_area_day' }, officer)).status).toBe(200);
    const republished = await api.json(designerPath(id, '/publish'), {}, officer);
    expect(republished.status).toBe(422);
    expect((await jsonOf(republished)).issues.map((i: { field: string }) => i.field)).toContain('localContact.url');
  });
});
