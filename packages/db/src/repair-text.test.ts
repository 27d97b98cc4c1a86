import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { databaseBefore, type OldDatabase } from './test/database-before';
import { TEXT_REPAIR } from './repair-text';

const BEFORE = '0008_coding_failures_tiers_delays';

// JSON text as JSON.stringify writes it: lone surrogates and NUL as escapes.
const BAD_ANSWERS = JSON.stringify({
  unsafe: 'lone \ud800 surrogate',
  low: 'low \udc00 half',
  nul: 'nul\u0000after',
  'key\ud800': 'in a key',
  pair: 'a real pair 😀',
  typed: 'typed as text: \\ud800',
  age: 14
});
const CLEAN_ANSWERS = JSON.stringify({ unsafe: 'nothing odd here', pair: '😀' });

let old: OldDatabase;
let handle: DatabaseHandle;
let repairLog: string[];

const one = async (sql: string) => ({ ...(await handle.client.execute(sql)).rows[0] });

beforeAll(async () => {
  old = await databaseBefore(BEFORE, 'safer-voices-repair-');
  handle = old.handle;
  const now = Date.now();
  await handle.client.batch(
    [
      "INSERT INTO organisations (id, slug, name) VALUES ('org', 'org', 'Org')",
      "INSERT INTO questionnaires (id, organisation_id, slug) VALUES ('q', 'org', 'q')",
      { sql: "INSERT INTO questionnaire_versions (id, questionnaire_id, version, definition, published_at) VALUES ('v', 'q', 1, ?, ?)", args: [JSON.stringify({ title: 'Imported \ud800' }), now] },
      { sql: "INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES ('bad', 'v', 'k1', ?, ?)", args: [BAD_ANSWERS, now] },
      { sql: "INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES ('clean', 'v', 'k2', ?, ?)", args: [CLEAN_ANSWERS, now] },
      { sql: "INSERT INTO response_drafts (id, version_id, answers, updated_at, expires_at) VALUES ('d', 'v', ?, ?, ?)", args: [BAD_ANSWERS, now, now] },
      { sql: "INSERT INTO staff (id, organisation_id, email, name, password_hash) VALUES ('s1', 'org', 'a@example.org', ?, 'x')", args: ['Ann\u0000e'] },
      { sql: "INSERT INTO staff (id, organisation_id, email, name, password_hash) VALUES ('s2', 'org', 'b@example.org', ?, 'x')", args: ['Typed \\ud800 as text'] },
      // Repairing this e-mail would duplicate s1's: it is left as it is rather than failing the upgrade.
      { sql: "INSERT INTO staff (id, organisation_id, email, name, password_hash) VALUES ('s3', 'org', ?, 'C', 'x')", args: ['a@example.org\u0000'] }
    ],
    'write'
  );
  const log = console.log;
  repairLog = [];
  console.log = (...args: unknown[]) => repairLog.push(args.join(' '));
  try {
    await migrateDatabase(handle.db);
  } finally {
    console.log = log;
  }
});
afterAll(() => old.remove());

describe('upgrading a database holding lone surrogates and NUL', () => {
  it('lets json_extract read every answer: lone surrogates become U+FFFD and NUL goes', async () => {
    const row = await one(`SELECT json_extract(answers, '$.unsafe') AS unsafe, json_extract(answers, '$.low') AS low, json_extract(answers, '$.nul') AS nul,
      json_extract(answers, '$.pair') AS pair, json_extract(answers, '$.typed') AS typed, json_extract(answers, '$.age') AS age FROM responses WHERE id = 'bad'`);
    expect(row).toEqual({ unsafe: 'lone \uFFFD surrogate', low: 'low \uFFFD half', nul: 'nulafter', pair: 'a real pair 😀', typed: 'typed as text: \\ud800', age: 14 });
    const keys = (await handle.client.execute("SELECT key FROM responses, json_each(responses.answers) WHERE responses.id = 'bad' ORDER BY key")).rows.map((r) => r.key);
    expect(keys).toContain('key\uFFFD');
  });

  it('repairs drafts and published questionnaire versions, whose triggers stay in force', async () => {
    expect(await one("SELECT json_extract(answers, '$.unsafe') AS unsafe FROM response_drafts")).toEqual({ unsafe: 'lone \uFFFD surrogate' });
    expect(await one("SELECT json_extract(definition, '$.title') AS title FROM questionnaire_versions WHERE id = 'v'")).toEqual({ title: 'Imported \uFFFD' });
    await expect(handle.client.execute("UPDATE questionnaire_versions SET definition = '{}' WHERE id = 'v'")).rejects.toThrow(/immutable/);
  });

  it('removes NUL from plain text, and leaves text that only looks like an escape', async () => {
    const names = (await handle.client.execute('SELECT id, name, email FROM staff ORDER BY id')).rows.map((r) => ({ ...r }));
    expect(names).toEqual([
      { id: 's1', name: 'Anne', email: 'a@example.org' },
      { id: 's2', name: 'Typed \\ud800 as text', email: 'b@example.org' },
      // Left as it was (read up to the NUL).
      { id: 's3', name: 'C', email: 'a@example.org' }
    ]);
  });

  it('leaves clean rows as they were', async () => {
    expect(await one("SELECT answers FROM responses WHERE id = 'clean'")).toEqual({ answers: CLEAN_ANSWERS });
  });

  it('is recorded and done once, with a line in the log', async () => {
    expect(await one(`SELECT changed FROM data_repairs WHERE name = '${TEXT_REPAIR}'`)).toEqual({ changed: 4 });
    expect(repairLog).toEqual(['[safer-voices] repaired 4 stored values holding an unpaired surrogate or NUL']);
    await handle.client.execute({ sql: "UPDATE staff SET name = ? WHERE id = 's1'", args: ['Again\u0000'] });
    await migrateDatabase(handle.db);
    expect(await one("SELECT hex(name) AS name FROM staff WHERE id = 's1'")).toEqual({ name: Buffer.from('Again\u0000').toString('hex').toUpperCase() });
  });

  it('keeps the foreign keys whole', async () => {
    expect((await handle.client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
  });
});
