import { type QuestionnaireDefinition, sampleAnswers } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VERSION_CACHE_MS } from '../store/questionnaires';
import { jsonOf, type FreshApi, freshApi } from '../test/fresh-api';

let api: FreshApi;
let versionId: string;
let definition: QuestionnaireDefinition;

beforeAll(async () => {
  api = await freshApi();
  const res = await api.app.request('/api/questionnaires/community-safety-residents');
  ({ versionId, definition } = await jsonOf(res));
});
afterAll(() => api.close());

const submit = (body: unknown, headers: Record<string, string> = {}) => api.json('/api/responses', body, headers);

describe('POST /api/responses', () => {
  it('stores a complete response with the exact version and its answers', async () => {
    const answers = sampleAnswers(definition);
    const res = await submit({ versionId, answers, idempotencyKey: 'first-response-key' });
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(body).toMatchObject({ versionId, replayed: false });
    const stored = await api.database.client.execute({ sql: 'SELECT version_id, answers FROM responses WHERE id = ?', args: [body.id] });
    expect(stored.rows[0]?.version_id).toBe(versionId);
    expect(JSON.parse(String(stored.rows[0]?.answers))).toEqual(answers);
  });

  it('stores a retried submission once and returns the same response', async () => {
    const answers = sampleAnswers(definition, 1);
    const first = await submit({ versionId, answers }, { 'Idempotency-Key': 'retry-key-123' });
    const again = await submit({ versionId, answers }, { 'Idempotency-Key': 'retry-key-123' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = [await jsonOf(first), await jsonOf(again)];
    expect(b).toMatchObject({ id: a.id, replayed: true });
    const rows = await api.database.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE id = ?', args: [a.id] });
    expect(Number(rows.rows[0]?.n)).toBe(1);
  });

  it('refuses a reused key with different answers and keeps the first', async () => {
    await submit({ versionId, answers: sampleAnswers(definition, 0), idempotencyKey: 'reused-key-1' });
    const before = await api.count('responses');
    const res = await submit({ versionId, answers: sampleAnswers(definition, 1), idempotencyKey: 'reused-key-1' });
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).error).toBe('idempotency_key_reused');
    expect(await api.count('responses')).toBe(before);
  });

  it('stores concurrent submissions, including duplicates in one batch, exactly once each', async () => {
    const before = await api.count('responses');
    // Keys 0-9 are sent twice at once: the second copy must not be stored again.
    const posts = Array.from({ length: 60 }, (_, i) => submit({ versionId, answers: sampleAnswers(definition, (i % 50) % 3), idempotencyKey: `concurrent-${i % 50}` }));
    const statuses = (await Promise.all(posts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(await api.count('responses')).toBe(before + 50);
  });

  it.each([
    ['malformed JSON', '{"versionId": "x", "answers": {', 400, 'malformed_request'],
    ['a body that is not a JSON object', '"just a string"', 400, 'invalid_request'],
    ['answers of the wrong type', { versionId: 'x', answers: 'all good', idempotencyKey: 'wrong-type-1' }, 400, 'invalid_request'],
    ['a missing idempotency key', { versionId: 'x', answers: {} }, 400, 'invalid_request'],
    ['an unknown field', { versionId: 'x', answers: {}, idempotencyKey: 'unknown-f-1', ip: '1.2.3.4' }, 400, 'invalid_request'],
    ['an unknown version', { versionId: 'no-such-version', answers: {}, idempotencyKey: 'unknown-v-1' }, 404, 'version_not_found']
  ])('rejects %s with a clear error and stores nothing', async (_, body, status, code) => {
    const before = await api.count('responses');
    const res = await submit(body);
    expect(res.status).toBe(status);
    const error = await jsonOf(res);
    expect(error.error).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await api.count('responses')).toBe(before);
  });

  it('rejects answers that do not fit the questionnaire with field-level errors', async () => {
    const answers = { ...sampleAnswers(definition), no_such_question: 'x', safe_area_after_dark: 'brave' };
    const before = await api.count('responses');
    const res = await submit({ versionId, answers, idempotencyKey: 'bad-answers-1' });
    expect(res.status).toBe(422);
    const body = await jsonOf(res);
    const fields = body.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['no_such_question', 'safe_area_after_dark']));
    expect(await api.count('responses')).toBe(before);
  });

  it('reports answers of the wrong shape by field, whatever they are', async () => {
    const answers = { ...sampleAnswers(definition), safe_area_after_dark: { nested: true }, safe_area_day: null, worry_crime: ['yes'] };
    const res = await submit({ versionId, answers, idempotencyKey: 'odd-shapes-1' });
    expect(res.status).toBe(422);
    const fields = (await jsonOf(res)).issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['safe_area_after_dark', 'safe_area_day', 'worry_crime']));
  });

  it('refuses an oversized body before reading it', async () => {
    const res = await submit({ versionId, answers: { comments: 'x'.repeat(70_000) }, idempotencyKey: 'huge-body-1' });
    expect(res.status).toBe(413);
    expect((await jsonOf(res)).error).toBe('body_too_large');
  });

  it('refuses responses once the questionnaire has closed', async () => {
    await api.database.client.execute({ sql: 'UPDATE questionnaires SET closes_at = ? WHERE slug = ?', args: [Date.now() - 1000, 'community-safety-residents'] });
    // Versions are cached for VERSION_CACHE_MS: let that pass.
    vi.setSystemTime(Date.now() + VERSION_CACHE_MS + 1);
    const res = await submit({ versionId, answers: sampleAnswers(definition), idempotencyKey: 'after-close-1' });
    vi.useRealTimers();
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).error).toBe('questionnaire_closed');
    await api.database.client.execute({ sql: 'UPDATE questionnaires SET closes_at = NULL WHERE slug = ?', args: ['community-safety-residents'] });
  });

  it('keeps nothing about the respondent: no IP, user agent or personal columns', async () => {
    const columns = await api.database.client.execute("SELECT name FROM pragma_table_info('responses')");
    // `context` holds only a class code's school and class labels (see access-codes.test.ts).
    expect(columns.rows.map((r) => r.name).sort()).toEqual(['answers', 'context', 'id', 'idempotency_key', 'submitted_at', 'version_id']);
  });

  it('refuses a body not sent as JSON with a 415 that says to send JSON, and stores nothing', async () => {
    const before = await api.count('responses');
    const res = await api.app.request('/api/responses', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'idempotency-key': 'plain-text-1', origin: 'http://localhost' },
      body: 'versionId=x'
    });
    expect(res.status).toBe(415);
    expect(await jsonOf(res)).toEqual({ error: 'json_expected', message: 'Send the body as JSON (Content-Type: application/json)' });
    expect(await api.count('responses')).toBe(before);
  });

  it('refuses answers that are not an object keyed by question id, and stores nothing', async () => {
    const before = await api.count('responses');
    for (const answers of [[], 'all fine', null, 7]) {
      const res = await submit({ versionId, answers }, { 'Idempotency-Key': `not-an-object-${JSON.stringify(answers)}` });
      expect(res.status).toBe(400);
      expect(await jsonOf(res)).toMatchObject({ issues: [{ field: 'answers', message: 'Send the answers as an object keyed by question id' }] });
    }
    expect(await api.count('responses')).toBe(before);
  });

  it('will not let a client set the context a class code gives', async () => {
    const before = await api.count('responses');
    const res = await submit({ versionId, answers: sampleAnswers(definition), context: { school: 'Made-up School' } }, { 'Idempotency-Key': 'context-attempt' });
    expect(res.status).toBe(400);
    expect(await api.count('responses')).toBe(before);
  });
});
