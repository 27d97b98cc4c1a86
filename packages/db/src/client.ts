// One way to reach the database: a libSQL client from a URL. `file:` is the
// embedded default; `libsql://`, `http(s)://` reach a libSQL server.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export interface DatabaseHandle {
  db: Database;
  client: Client;
  url: string;
  close(): void;
}

/** The folder holding pnpm-workspace.yaml, found from the working directory. */
export function workspaceRoot(from = process.cwd()): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

export function defaultDatabaseUrl(): string {
  return `file:${join(workspaceRoot(), '.data', 'safer-voices.db')}`;
}

export async function openDatabase(
  url = process.env.DATABASE_URL || defaultDatabaseUrl(),
  authToken = process.env.DATABASE_AUTH_TOKEN
): Promise<DatabaseHandle> {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  const client = createClient(authToken ? { url, authToken } : { url });
  if (url.startsWith('file:')) {
    // WAL lets readers run beside the writer; synchronous=FULL makes each
    // commit durable before it returns, so an acknowledged response is kept.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA busy_timeout = 5000');
    await client.execute('PRAGMA foreign_keys = ON');
  }
  const db = drizzle(client, { schema });
  return { db, client, url, close: () => client.close() };
}
