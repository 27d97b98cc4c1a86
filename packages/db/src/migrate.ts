import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client';
import { repairStoredText } from './repair-text';

/** migrations/ at the top of the repository. */
export function migrationsFolder(): string {
  return join(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'migrations');
}

/**
 * Apply every migration in migrations/ that the database has not had yet,
 * then the repairs that SQL cannot make (each is done once).
 */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsFolder() });
  const repaired = await repairStoredText(db.$client);
  if (repaired > 0) console.log(`[safer-voices] repaired ${repaired} stored value${repaired === 1 ? '' : 's'} holding an unpaired surrogate or NUL`);
}
