// The safeguarding queue: for safeguarding leads only (403 for other roles),
// scoped to the organisation (404 for other organisations' flags), with
// every view and change in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { demoSurvey, submitWith } from '../test/coding';
import { createFromTemplate, designerPath, officerHeaders, respond } from '../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let lead: Record<string, string>;
let leadId: string;
let flagId: string;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  leadId = (await addStaff(api, organisationId, ['safeguarding_lead'])).id;
  lead = await bearerFor(api, leadId);
  const survey = await demoSurvey(api);
  const res = await submitWith(api, survey, { age: 14, why_involved: 'my stepdad hits me' });
  expect(res.status).toBe(201);
  await codeOutstanding(api.database);
});
afterAll(() => api.close());

const get = (path: string, headers: Record<string, string>) => api.app.request(path, { headers });
const auditActions = async () =>
  (await api.database.client.execute({ sql: 'SELECT action, target_id FROM audit_log WHERE actor_staff_id = ? ORDER BY created_at', args: [leadId] })).rows.map((r) => ({
    action: r.action,
    target: r.target_id
  }));

describe('safeguarding queue', () => {
  it('shows a safeguarding lead the flagged answer, its questionnaire, time and non-identifying context', async () => {
    const res = await get('/api/safeguarding/flags', lead);
    expect(res.status).toBe(200);
    const { flags } = await jsonOf(res);
    const flag = flags.find((f: { text: string }) => f.text === 'my stepdad hits me');
    expect(flag).toMatchObject({
      status: 'new',
      question: { id: 'why_involved' },
      questionnaire: { title: expect.any(String) },
      context: { ageBand: '14–16', classLabel: null }
    });
    expect(flag.questionnaire.title.length).toBeGreaterThan(0);
    expect(Date.parse(flag.submittedAt)).not.toBeNaN();
    flagId = flag.id;
    expect(await auditActions()).toContainEqual({ action: 'safeguarding.flags_listed', target: null });
  });

  it('names the school and class of the class code a flagged response was started with', async () => {
    const officer = await officerHeaders(api, await demoOrganisationId(api));
    const { questionnaire } = await createFromTemplate(api, officer, 'youth-safety-11-19');
    await api.json(designerPath(questionnaire.id, '/publish'), {}, officer);
    await api.json(designerPath(questionnaire.id, '/access'), { mode: 'codes' }, officer, 'PUT');
    const { code } = await jsonOf(await api.json(designerPath(questionnaire.id, '/codes/class'), { school: 'Birch High', className: '9C' }, officer));
    const sent = await respond(api, questionnaire.slug, { code: code.code, answers: { why_involved: 'my uncle hurts me when mum is out' } });
    expect(sent.status).toBe(201);
    await codeOutstanding(api.database);
    const { flags } = await jsonOf(await get('/api/safeguarding/flags', lead));
    expect(flags.find((f: { text: string }) => f.text === 'my uncle hurts me when mum is out')).toMatchObject({ context: { classLabel: 'Birch High, 9C' } });
  });

  it('is refused to every other role (403) and to anyone not signed in (401)', async () => {
    const organisationId = await demoOrganisationId(api);
    for (const role of ['analyst', 'admin', 'officer', 'author'] as const) {
      const headers = await bearerFor(api, (await addStaff(api, organisationId, [role])).id);
      expect((await get('/api/safeguarding/flags', headers)).status).toBe(403);
      expect((await get(`/api/safeguarding/flags/${flagId}`, headers)).status).toBe(403);
      expect((await api.json(`/api/safeguarding/flags/${flagId}`, { status: 'no_action' }, headers, 'PUT')).status).toBe(403);
    }
    expect((await get('/api/safeguarding/flags', {})).status).toBe(401);
  });

  it("answers another organisation's flag as if it did not exist", async () => {
    const otherLead = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Another VRP'), ['safeguarding_lead'])).id);
    expect((await get(`/api/safeguarding/flags/${flagId}`, otherLead)).status).toBe(404);
    expect((await api.json(`/api/safeguarding/flags/${flagId}`, { status: 'no_action' }, otherLead, 'PUT')).status).toBe(404);
    expect((await jsonOf(await get('/api/safeguarding/flags', otherLead))).flags).toEqual([]);
  });

  it('audits reading one flag and changing its status', async () => {
    expect((await get(`/api/safeguarding/flags/${flagId}`, lead)).status).toBe(200);
    const res = await api.json(`/api/safeguarding/flags/${flagId}`, { status: 'referred', note: 'Passed to the school DSL' }, lead, 'PUT');
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).flag).toMatchObject({ status: 'referred', note: 'Passed to the school DSL' });
    const actions = await auditActions();
    expect(actions).toContainEqual({ action: 'safeguarding.flag_viewed', target: flagId });
    expect(actions).toContainEqual({ action: 'safeguarding.flag_updated', target: flagId });
    const detail = await api.database.client.execute({ sql: "SELECT detail FROM audit_log WHERE action = 'safeguarding.flag_updated' AND target_id = ?", args: [flagId] });
    expect(JSON.parse(String(detail.rows[0]?.detail))).toEqual({ from: 'new', to: 'referred', noteChanged: true });
  });

  it('filters by status and refuses unknown statuses', async () => {
    expect((await jsonOf(await get('/api/safeguarding/flags?status=new', lead))).flags.map((f: { id: string }) => f.id)).not.toContain(flagId);
    expect((await jsonOf(await get('/api/safeguarding/flags?status=referred', lead))).flags.map((f: { id: string }) => f.id)).toContain(flagId);
    expect((await get('/api/safeguarding/flags?status=closed', lead)).status).toBe(400);
  });

  it('lists likely disclosures first, then answers that could not be checked, then possible ones, newest first in each', async () => {
    const survey = await demoSurvey(api);
    const organisationId = await demoOrganisationId(api);
    const tiers = ['possible', 'likely', 'unchecked', 'possible', 'likely', 'unchecked'] as const;
    const start = Date.now() - 60_000;
    for (const [i, tier] of tiers.entries()) {
      const { id: responseId } = await jsonOf(await submitWith(api, survey, { what_makes_unsafe: `the park after dark (${i})` }));
      const id = `tier-order-${i}`;
      await api.database.client.execute({
        sql: `INSERT INTO safeguarding_flags (id, organisation_id, response_id, question_id, confidence, evidence, tier, created_at, updated_at)
              VALUES (?, ?, ?, 'what_makes_unsafe', 0.5, '[]', ?, ?, ?)`,
        args: [id, organisationId, responseId, tier, start + i * 1000, start + i * 1000]
      });
    }
    const { flags } = await jsonOf(await get('/api/safeguarding/flags?status=new', lead));
    const listed = flags.filter((f: { id: string }) => f.id.startsWith('tier-order-')).map((f: { id: string; tier: string }) => `${f.tier} ${f.id}`);
    expect(listed).toEqual(['likely tier-order-4', 'likely tier-order-1', 'unchecked tier-order-5', 'unchecked tier-order-2', 'possible tier-order-3', 'possible tier-order-0']);
    expect((await jsonOf(await get('/api/safeguarding/flags/tier-order-5', lead))).flag.tier).toBe('unchecked');
  });

  it('keeps a flag as the lead left it when the answer is coded again', async () => {
    await api.database.client.execute('DELETE FROM coded_responses');
    await codeOutstanding(api.database, { limit: 1000 });
    const { flag } = await jsonOf(await get(`/api/safeguarding/flags/${flagId}`, lead));
    expect(flag.status).toBe('referred');
  });
});
