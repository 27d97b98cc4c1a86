import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client';

/** migrations/ at the top of the repository. */
export function migrationsFolder(): string {
  return join(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'migrations');
}

/** Apply every migration in migrations/ that the database has not had yet. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
}
