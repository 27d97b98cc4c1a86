// Text that cannot be stored as it came: a lone surrogate (JSON "\ud800")
// once made SQLite's json_extract hand the driver bytes that are not UTF-8,
// and the driver aborted the whole server the next time an analyst opened
// the review queue. Every way in now stores it as U+FFFD and drops NUL; a
// body that is not UTF-8 at all is refused.
import { randomUUID } from 'node:crypto';
import { storableText } from '@safer-voices/db';
import { sampleAnswers } from '@safer-voices/survey';
import { templates } from '@safer-voices/survey/templates';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { tableFrom } from '../collections/table';
import { demoSurvey } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let analyst: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  const organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  admin = await bearerFor(api, (await addStaff(api, organisationId, ['admin', 'officer'])).id);
});
afterAll(() => api.close());

const one = async (sql: string, args: string[] = []) => ({ ...(await api.database.client.execute({ sql, args })).rows[0] });

/** A response whose only free text is this answer to "What makes you feel unsafe?". */
function submitUnsafe(text: string) {
  const answers: Record<string, unknown> = sampleAnswers(survey.definition, 0);
  for (const id of ['what_makes_unsafe', 'why_involved', 'what_would_help']) delete answers[id];
  return api.json('/api/responses', { versionId: survey.versionId, answers: { ...answers, what_makes_unsafe: text }, idempotencyKey: randomUUID() });
}

/** Every page of the review queue, as an analyst opens it. */
async function wholeQueue() {
  const texts: string[] = [];
  for (let after = ''; ; ) {
    const res = await api.app.request(`/api/review/questionnaires/${survey.questionnaireId}?limit=20${after}`, { headers: analyst });
    expect(res.status).toBe(200);
    const view = await jsonOf(res);
    texts.push(...view.items.map((i: { text: string }) => i.text));
    if (view.items.length < 20) return texts;
    after = `&after=${encodeURIComponent(view.items.at(-1).position)}`;
  }
}

describe('a response holding a lone surrogate or NUL', () => {
  it('is stored with U+FFFD and without NUL, and the review queue still opens', async () => {
    // JSON.stringify writes the lone surrogate as the escape a client sends: "lone \ud800 surrogate".
    const res = await submitUnsafe('lone \ud800 surrogate, then nul\u0000 here');
    expect(res.status).toBe(201);
    const { id } = await jsonOf(res);
    expect(await one("SELECT json_extract(answers, '$.what_makes_unsafe') AS text FROM responses WHERE id = ?", [id])).toEqual({
      text: 'lone \uFFFD surrogate, then nul here'
    });
    await codeOutstanding(api.database, { limit: 100 });
    expect(await wholeQueue()).toContain('lone \uFFFD surrogate, then nul here');
  });

  it('is refused with a 400 when its body is not UTF-8, storing nothing', async () => {
    const before = await api.count('responses');
    const body = Buffer.concat([
      Buffer.from(`{"versionId":"${survey.versionId}","idempotencyKey":"${randomUUID()}","answers":{"what_makes_unsafe":"caf`),
      Buffer.from([0xe9]), // é in Latin-1, not UTF-8
      Buffer.from('"}}')
    ]);
    const res = await api.app.request('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(await jsonOf(res)).toEqual({ error: 'malformed_request', message: expect.stringContaining('UTF-8') });
    expect(await api.count('responses')).toBe(before);
  });
});

describe('every other way text comes in', () => {
  it('drafts: a saved page keeps the cleaned text', async () => {
    const started = await jsonOf(await api.json('/api/drafts', { slug: 'youth-safety-11-19' }));
    const res = await api.json(`/api/drafts/${started.token}/pages/unsafe`, { answers: { what_makes_unsafe: 'draft \udc00 text\u0000' } }, {}, 'PUT');
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).answers.what_makes_unsafe).toBe('draft \uFFFD text');
    expect(await one("SELECT json_extract(answers, '$.what_makes_unsafe') AS text FROM response_drafts")).toEqual({ text: 'draft \uFFFD text' });
  });

  it('staff: the name given on accepting an invitation', async () => {
    const invited = await jsonOf(await api.json('/api/staff/invites', { email: 'odd.name@example.org', roles: ['analyst'] }, admin));
    const token = String(invited.path).replace('/staff/invite/', '');
    const res = await api.json('/api/auth/accept-invite', { token, name: 'Sam \ud800\u0000Analyst', password: 'a long test password 42' });
    expect(res.status).toBeLessThan(300);
    expect(await one("SELECT name FROM staff WHERE email = 'odd.name@example.org'")).toEqual({ name: 'Sam \uFFFDAnalyst' });
  });

  it('questionnaire import: the file is cleaned before it is read', async () => {
    const template = templates[0];
    if (!template) throw new Error('no template');
    const file = { format: 'safer-voices/questionnaire', version: 1, questionnaire: { ...template.definition, title: 'Imported \ud800 survey\u0000' } };
    const res = await api.json('/api/designer/import', file, admin);
    expect(res.status).toBe(201);
    const { questionnaire } = await jsonOf(res);
    expect(await one("SELECT json_extract(definition, '$.title') AS title FROM questionnaire_versions WHERE questionnaire_id = ?", [questionnaire.id])).toEqual({
      title: 'Imported \uFFFD survey'
    });
  });

  it('questionnaire import: a file that is not UTF-8 is refused with a 400', async () => {
    const res = await api.app.request('/api/designer/import', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0xff, 0x7d]) });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).error).toBe('malformed_request');
  });

  it('collection import: NUL in a CSV (past where the file type is sniffed) is dropped', async () => {
    const csv = ['comment', ...Array.from({ length: 3 }, () => 'long '.repeat(600)), 'nul\u0000 in the middle'].join('\n');
    const form = new FormData();
    form.append('file', new File([csv], 'posts.csv'));
    form.append('name', 'Posts \ud800');
    form.append('textColumn', 'comment');
    const res = await api.app.request('/api/collections', { method: 'POST', body: form, headers: analyst });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const { collection } = await jsonOf(res);
    const texts = await api.database.client.execute({
      sql: "SELECT json_extract(r.answers, '$.text') AS text FROM responses r JOIN questionnaire_versions v ON v.id = r.version_id WHERE v.questionnaire_id = ? ORDER BY r.submitted_at",
      args: [collection.id]
    });
    expect(texts.rows.map((r) => r.text)).toContain('nul in the middle');
  });

  it('collection import: cells and column names of either format are cleaned', () => {
    const table = tableFrom('xlsx', [
      { number: 1, cells: ['comment\ud800'] },
      { number: 2, cells: ['text with \udfff and \u0000'] },
      { number: 3, cells: ['\u0000'] }
    ]);
    expect(table.columns).toEqual(['comment\uFFFD']);
    // A row that held only NUL is empty once cleaned.
    expect(table.rows).toEqual([{ number: 2, cells: ['text with \uFFFD and '] }]);
  });
});

/** Any UTF-16 string, weighted towards lone surrogates, pairs and NUL. */
const anyUtf16 = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '😀', 'a', ' ')
  ),
  maxLength: 60
});

describe('any answer text at all', () => {
  it('is stored (201) as storableText made it, or refused with a clear 4xx; the review queue opens afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(anyUtf16, async (text) => {
        const res = await submitUnsafe(text);
        const body = await jsonOf(res);
        if (res.status !== 201) {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
          return;
        }
        const stored = await one("SELECT answers -> '$.what_makes_unsafe' AS text FROM responses WHERE id = ?", [body.id]);
        expect(JSON.parse(String(stored.text))).toBe(storableText(text));
      }),
      { numRuns: 150 }
    );
    await codeOutstanding(api.database, { limit: 1000 });
    expect((await wholeQueue()).length).toBeGreaterThan(0);
  }, 60_000);
});
