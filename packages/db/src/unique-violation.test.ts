// A unique-key clash is told by the driver's code on every write path: the
// drizzle client, the raw client, and the embedded writer thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client';
import { isUniqueViolation } from './unique-violation';

let dir: string;
let handle: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-unique-'));
  handle = await openDatabase(`file:${join(dir, 'db.sqlite')}`);
  await handle.client.execute('CREATE TABLE tags (name TEXT NOT NULL UNIQUE, note TEXT NOT NULL)');
  await handle.client.execute("INSERT INTO tags (name, note) VALUES ('taken', 'first')");
});
afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error
  );

describe('isUniqueViolation', () => {
  it('recognises a clash through drizzle, the client and the writer thread', async () => {
    const insert = "INSERT INTO tags (name, note) VALUES ('taken', 'second')";
    expect(isUniqueViolation(await refusal(handle.db.run(sql.raw(insert))))).toBe(true);
    expect(isUniqueViolation(await refusal(handle.client.execute(insert)))).toBe(true);
    expect(isUniqueViolation(await refusal(handle.writes.batch([{ sql: insert, args: [] }])))).toBe(true);
  });

  it('does not mistake other refusals, or a message that merely mentions UNIQUE', async () => {
    expect(isUniqueViolation(await refusal(handle.client.execute("INSERT INTO tags (name) VALUES ('no note')")))).toBe(false);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: tags.name'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
