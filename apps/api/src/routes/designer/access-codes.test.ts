import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders, respond } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { demoOrganisationId } from '../../test/staff';
import { CODES_CSV_HEADER } from './codes';

let api: FreshApi;
let officer: Record<string, string>;
let id: string;
let slug: string;

beforeAll(async () => {
  api = await freshApi();
  officer = await officerHeaders(api, await demoOrganisationId(api));
  const created = await createFromTemplate(api, officer);
  ({ id, slug } = created.questionnaire);
  await api.json(designerPath(id, '/publish'), {}, officer);
  const coded = await jsonOf(await api.json(designerPath(id, '/access'), { mode: 'codes' }, officer, 'PUT'));
  expect(coded.questionnaire.accessMode).toBe('codes');
});
afterAll(() => api.close());

const start = (code?: string) => api.json('/api/drafts', { slug, ...(code === undefined ? {} : { code }) });

describe('access codes', () => {
  it('tells the start page a code is needed, and asks for one', async () => {
    expect((await jsonOf(await api.app.request(`/api/questionnaires/${slug}`))).access).toBe('codes');
    const res = await start();
    expect(res.status).toBe(403);
    expect(await jsonOf(res)).toMatchObject({ error: 'code_required', issues: [{ field: 'code' }] });
  });

  it('lets a whole class in with one class code and shows the officer how often it was used', async () => {
    const made = await api.json(designerPath(id, '/codes/class'), { school: 'Oak Primary', className: 'Year 5 Hazel' }, officer);
    expect(made.status).toBe(201);
    const { code } = await jsonOf(made);
    expect(code).toMatchObject({ kind: 'class', school: 'Oak Primary', className: 'Year 5 Hazel', maxUses: null, uses: 0, state: 'active' });
    expect(code.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect((await respond(api, slug, { code: code.code })).status).toBe(201);
    expect((await respond(api, slug, { code: code.code.toLowerCase().replace('-', ' '), pick: 1 })).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await start(code.code)).status).toBe(201);
    const listed = await jsonOf(await api.app.request(designerPath(id, '/codes'), { headers: officer }));
    expect(listed.codes.find((c: { id: string }) => c.id === code.id)).toMatchObject({ uses: 5, state: 'active' });
  });

  it("keeps a class code's school and class with the response, and nothing from a single-use code", async () => {
    const { code: classCode } = await jsonOf(await api.json(designerPath(id, '/codes/class'), { school: 'Birch High', className: '9C' }, officer));
    const byClass = await jsonOf(await respond(api, slug, { code: classCode.code }));
    const { codes } = await jsonOf(await api.json(designerPath(id, '/codes/single'), { count: 1 }, officer));
    const bySlip = await jsonOf(await respond(api, slug, { code: codes[0].code }));
    const contextOf = async (responseId: string) => {
      const result = await api.database.client.execute({ sql: 'SELECT context FROM responses WHERE id = ?', args: [responseId] });
      return result.rows[0]?.context;
    };
    expect(JSON.parse(String(await contextOf(byClass.id)))).toEqual({ school: 'Birch High', class: '9C' });
    expect(await contextOf(bySlip.id)).toBeNull();
  });

  it('stops a class code at its limit', async () => {
    const { code } = await jsonOf(await api.json(designerPath(id, '/codes/class'), { school: 'Oak Primary', className: 'Year 6', maxUses: 2 }, officer));
    expect((await start(code.code)).status).toBe(201);
    expect((await start(code.code)).status).toBe(201);
    expect(await jsonOf(await start(code.code))).toMatchObject({ error: 'code_used_up' });
  });

  it('lets a single-use code in once, even when sent twice at the same moment', async () => {
    const res = await api.json(designerPath(id, '/codes/single'), { count: 3 }, officer);
    expect(res.status).toBe(201);
    const batch = await jsonOf(res);
    expect(batch.codes).toHaveLength(3);
    const [first, second] = batch.codes;
    expect((await respond(api, slug, { code: first.code })).status).toBe(201);
    const again = await start(first.code);
    expect(again.status).toBe(403);
    expect(await jsonOf(again)).toMatchObject({ error: 'code_used_up', message: expect.stringMatching(/already been used/) });
    const both = await Promise.all([start(second.code), start(second.code)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 403]);
    const row = await api.database.client.execute({ sql: 'SELECT uses FROM access_codes WHERE id = ?', args: [second.id] });
    expect(Number(row.rows[0]?.uses)).toBe(1);
  });

  it('explains unknown and expired codes, and codes for another questionnaire', async () => {
    expect(await jsonOf(await start('ZZZZ-ZZZZ'))).toMatchObject({ error: 'code_unknown', message: expect.stringMatching(/do not recognise/) });
    const other = await createFromTemplate(api, officer, 'feeling-safe-8-11');
    const { code } = await jsonOf(await api.json(designerPath(other.questionnaire.id, '/codes/class'), { school: 'Elm', className: '4B' }, officer));
    expect(await jsonOf(await start(code.code))).toMatchObject({ error: 'code_unknown' });
    const { codes } = await jsonOf(await api.json(designerPath(id, '/codes/single'), { count: 1, expiresAt: new Date(Date.now() + 60_000).toISOString() }, officer));
    await api.database.client.execute({ sql: 'UPDATE access_codes SET expires_at = ? WHERE id = ?', args: [Date.now() - 1000, codes[0].id] });
    expect(await jsonOf(await start(codes[0].code))).toMatchObject({ error: 'code_expired', message: expect.stringMatching(/expired/) });
    const past = await api.json(designerPath(id, '/codes/single'), { count: 1, expiresAt: '2001-01-01T00:00:00Z' }, officer);
    expect((await jsonOf(past)).issues[0].field).toBe('expiresAt');
  });

  it('keeps the code out of drafts and responses, storing only a counter and a hash', async () => {
    const { code } = await jsonOf(await api.json(designerPath(id, '/codes/class'), { school: 'Ash', className: '5C' }, officer));
    const response = await jsonOf(await respond(api, slug, { code: code.code }));
    const stored = await api.database.client.execute({ sql: 'SELECT * FROM responses WHERE id = ?', args: [response.id] });
    const text = JSON.stringify(stored.rows);
    expect(text).not.toContain(code.code);
    expect(text).not.toContain(code.id);
    const columns = await api.database.client.execute("SELECT name FROM pragma_table_info('response_drafts') UNION ALL SELECT name FROM pragma_table_info('responses')");
    expect(columns.rows.map((r) => r.name)).not.toContain('code_id');
    const codeRows = await api.database.client.execute('SELECT code_hash FROM access_codes');
    expect(JSON.stringify(codeRows.rows)).not.toContain(code.code.replace('-', ''));
  });

  it('refuses one-shot submissions that would skip the code', async () => {
    const { versionId } = await jsonOf(await api.app.request(`/api/questionnaires/${slug}`));
    const res = await api.json('/api/responses', { versionId, answers: {}, idempotencyKey: 'skip-the-code-1' });
    expect(res.status).toBe(403);
    expect((await jsonOf(res)).error).toBe('code_required');
  });

  it('downloads codes as CSV, a batch at a time or all together', async () => {
    const batch = await jsonOf(await api.json(designerPath(id, '/codes/single'), { count: 25, school: 'Birch, "Upper" School' }, officer));
    const res = await api.app.request(batch.csvPath, { headers: officer });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+-codes-[0-9a-f]{8}\.csv"/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CODES_CSV_HEADER.join(','));
    expect(lines).toHaveLength(26);
    expect(lines[1]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4},single,"Birch, ""Upper"" School",,1,0,,[0-9a-f-]{36}$/);
    expect(
      lines
        .slice(1)
        .map((l) => l.slice(0, 9))
        .sort()
    ).toEqual(batch.codes.map((c: { code: string }) => c.code).sort());
    const all = (await (await api.app.request(designerPath(id, '/codes.csv'), { headers: officer })).text()).trimEnd().split('\r\n');
    const listed = await jsonOf(await api.app.request(designerPath(id, '/codes'), { headers: officer }));
    expect(all).toHaveLength(listed.codes.length + 1);
    expect((await api.json(designerPath(id, '/codes/single'), { count: 1001 }, officer)).status).toBe(400);
  });
});
