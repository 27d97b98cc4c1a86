import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { organisations, questionnaires, questionnaireVersions, staff, staffRoles } from './schema';

let dir: string;
let handle: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-db-'));
  handle = await openDatabase(`file:${join(dir, 'db.sqlite')}`);
  await migrateDatabase(handle.db);
  await handle.db.insert(organisations).values({ id: 'org', slug: 'org', name: 'Org' });
  await handle.db.insert(questionnaires).values({ id: 'q', organisationId: 'org', slug: 'q' });
  await handle.db.insert(questionnaireVersions).values([
    { id: 'v1', questionnaireId: 'q', version: 1, definition: { title: 'Published' }, publishedAt: new Date() },
    { id: 'v2', questionnaireId: 'q', version: 2, definition: { title: 'Draft' } }
  ]);
});
afterAll(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are idempotent: running them again changes nothing', async () => {
    await expect(migrateDatabase(handle.db)).resolves.toBeUndefined();
  });

  it('make published questionnaire versions impossible to change or delete', async () => {
    const refusal = (error: unknown) => /immutable/.test(String((error as Error).cause ?? error));
    await expect(
      handle.db
        .update(questionnaireVersions)
        .set({ definition: { title: 'Edited' } })
        .where(eq(questionnaireVersions.id, 'v1'))
    ).rejects.toSatisfy(refusal);
    await expect(handle.db.delete(questionnaireVersions).where(eq(questionnaireVersions.id, 'v1'))).rejects.toSatisfy(refusal);
    const [row] = await handle.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, 'v1'));
    expect(row?.definition).toEqual({ title: 'Published' });
  });

  it('let a draft version be edited', async () => {
    await handle.db
      .update(questionnaireVersions)
      .set({ definition: { title: 'Draft 2' } })
      .where(eq(questionnaireVersions.id, 'v2'));
    const [row] = await handle.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, 'v2'));
    expect(row?.definition).toEqual({ title: 'Draft 2' });
  });

  it('keep at least one admin in every organisation', async () => {
    const refusal = (error: unknown) => /at least one admin/.test(String((error as Error).cause ?? error));
    await handle.db.insert(staff).values([
      { id: 's1', organisationId: 'org', email: 'a@example.org', name: 'A', passwordHash: 'x' },
      { id: 's2', organisationId: 'org', email: 'b@example.org', name: 'B', passwordHash: 'x' }
    ]);
    await handle.db.insert(staffRoles).values([
      { staffId: 's1', role: 'admin' },
      { staffId: 's2', role: 'admin' }
    ]);
    await handle.db.delete(staffRoles).where(eq(staffRoles.staffId, 's2'));
    await expect(handle.db.delete(staffRoles).where(eq(staffRoles.staffId, 's1'))).rejects.toSatisfy(refusal);
    expect(await handle.db.select().from(staffRoles)).toEqual([{ staffId: 's1', role: 'admin' }]);
  });

  it('commit durably: embedded databases use WAL with synchronous=FULL', async () => {
    const mode = await handle.client.execute('PRAGMA journal_mode');
    const sync = await handle.client.execute('PRAGMA synchronous');
    expect(String(mode.rows[0]?.[0])).toBe('wal');
    expect(Number(sync.rows[0]?.[0])).toBe(2);
  });
});
