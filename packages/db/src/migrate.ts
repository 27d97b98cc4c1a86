import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Apply every migration in migrations/ that the database has not had yet. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
