// A fresh API on a new temporary database, migrated with the real
// migrations and seeded with the demo surveys, for tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@safer-voices/db';
import { createApp } from '../app';
import { setupDatabase } from '../setup';

export async function freshApi() {
  const dir = mkdtempSync(join(tmpdir(), 'safer-voices-'));
  const database = await openDatabase(`file:${join(dir, 'test.db')}`);
  await setupDatabase(database.db);
  const app = createApp({ database });
  const json = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    app,
    database,
    json,
    async count(table: string) {
      const result = await database.client.execute(`SELECT count(*) AS n FROM ${table}`);
      return Number(result.rows[0]?.n);
    },
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export type FreshApi = Awaited<ReturnType<typeof freshApi>>;

/**
 * A response's JSON body, as the type a test names (`jsonOf<ThemesView>(res)`).
 * Without one it is loosely typed, for the many tests that only read a field
 * or two into expect's matchers, which check the shape themselves.
 */
// biome-ignore lint/suspicious/noExplicitAny: the loose default is for assertions only; a test that relies on a body's shape names its type
export const jsonOf = <T = any>(res: Response): Promise<T> => res.json() as Promise<T>;
