// A fresh embedded database migrated only up to an earlier migration, for
// tests of what upgrading a real installation does to the rows it holds.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { type DatabaseHandle, openDatabase } from '../client';
import { migrationsFolder } from '../migrate';

export interface OldDatabase {
  handle: DatabaseHandle;
  /** Closes the database and deletes its folder. */
  remove(): void;
}

/** A database as an installation at migration `tag` (e.g. '0007_webhook_signing') would have it. */
export async function databaseBefore(tag: string, prefix: string): Promise<OldDatabase> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(dir, 'migrations');
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  const handle = await openDatabase(`file:${join(dir, 'db.sqlite')}`);
  await migrate(handle.db, { migrationsFolder: folder });
  return {
    handle,
    remove() {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
