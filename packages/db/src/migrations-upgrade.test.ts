import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { databaseBefore, type OldDatabase } from './test/database-before';

const BEFORE = '0007_webhook_signing';

let old: OldDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  old = await databaseBefore(BEFORE, 'safer-voices-upgrade-');
  handle = old.handle;
  const now = Date.now();
  await handle.client.batch(
    [
      "INSERT INTO organisations (id, slug, name) VALUES ('org', 'org', 'Org')",
      "INSERT INTO questionnaires (id, organisation_id, slug) VALUES ('q', 'org', 'q')",
      { sql: "INSERT INTO questionnaire_versions (id, questionnaire_id, version, definition, published_at) VALUES ('v', 'q', 1, '{}', ?)", args: [now] },
      { sql: "INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES ('r', 'v', 'k', '{}', ?)", args: [now] },
      { sql: "INSERT INTO coded_answers VALUES ('r', 'a', 'default@1', 'm', ?, 0.9, 0)", args: [now] },
      { sql: "INSERT INTO safeguarding_flags (id, organisation_id, response_id, question_id, confidence, evidence, updated_at) VALUES ('f', 'org', 'r', 'a', 0.8, '[]', ?)", args: [now] },
      {
        sql: "INSERT INTO notifications (id, organisation_id, flag_id, channel, target, status, attempts, next_attempt_at, sent_at) VALUES ('n', 'org', 'f', 'webhook', 'https://hook.example.org', 'sent', 1, ?, ?)",
        args: [now, now]
      }
    ],
    'write'
  );
  await migrateDatabase(handle.db);
});
afterAll(() => old.remove());

describe('upgrading to tiers and coding delays', () => {
  it('makes existing flags "possible" and keeps existing notifications as flag announcements', async () => {
    expect((await handle.client.execute("SELECT tier, status FROM safeguarding_flags WHERE id = 'f'")).rows.map((r) => ({ ...r }))).toEqual([{ tier: 'possible', status: 'new' }]);
    expect((await handle.client.execute("SELECT kind, flag_id, delay_id, status, target FROM notifications WHERE id = 'n'")).rows.map((r) => ({ ...r }))).toEqual([
      { kind: 'safeguarding_flag', flag_id: 'f', delay_id: null, status: 'sent', target: 'https://hook.example.org' }
    ]);
  });

  it('leaves answers coded before as coded (no error)', async () => {
    expect((await handle.client.execute("SELECT error FROM coded_answers WHERE response_id = 'r'")).rows.map((r) => ({ ...r }))).toEqual([{ error: null }]);
  });

  it('keeps the foreign keys whole', async () => {
    expect((await handle.client.execute('PRAGMA foreign_key_check')).rows).toEqual([]);
  });
});
