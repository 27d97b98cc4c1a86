// One way to reach the database: a libSQL client from a URL. `file:` is the
// embedded default; `libsql://`, `http(s)://` reach a libSQL server.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema';
import { openWriteThread, type WriteExecutor } from './write-thread';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export interface DatabaseHandle {
  db: Database;
  client: Client;
  /** Where batched writes on the ingest path go (see write-thread.ts). */
  writes: WriteExecutor;
  url: string;
  close(): void;
}

/** A remote libSQL server already runs writes off this thread. */
function clientWrites(client: Client): WriteExecutor {
  return {
    async batch(statements) {
      const results = await client.batch(statements, 'write');
      return results.map((r) => ({ rows: r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]]))) }));
    },
    async runMany(sql, argSets) {
      await client.batch(
        argSets.map((args) => ({ sql, args })),
        'write'
      );
    },
    async close() {}
  };
}

/** Start the writer thread only when something is written. */
function lazyWriteThread(url: string): WriteExecutor {
  let thread: WriteExecutor | undefined;
  return {
    batch: (statements) => {
      thread ??= openWriteThread(url);
      return thread.batch(statements);
    },
    runMany: (sql, argSets) => {
      thread ??= openWriteThread(url);
      return thread.runMany(sql, argSets);
    },
    close: async () => thread?.close()
  };
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

/** How long a write waits for another connection's lock before it fails. */
const BUSY_TIMEOUT_MS = 5000;

export function defaultDatabaseUrl(): string {
  return `file:${join(workspaceRoot(), '.data', 'safer-voices.db')}`;
}

/**
 * A connection to the database at `url`, with `authToken` for a libSQL server
 * that needs one. This package reads no environment: the API's checked
 * configuration (apps/api/src/config.ts, DATABASE_URL and
 * DATABASE_AUTH_TOKEN) is passed in by its callers. Without a URL, the
 * embedded file in the workspace (defaultDatabaseUrl), for tests and scripts.
 */
export async function openDatabase(url: string = defaultDatabaseUrl(), authToken?: string): Promise<DatabaseHandle> {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  const embedded = url.startsWith('file:');
  // An embedded client keeps a pool, and requests that overlap would open
  // more connections without the settings below (a write on one would fail
  // at once with SQLITE_BUSY while the writer thread commits). Every call
  // but a transaction holds its connection only while it runs synchronously,
  // so one connection costs nothing; `timeout` covers any that is opened.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), ...(embedded ? { concurrency: 1, timeout: BUSY_TIMEOUT_MS } : {}) });
  if (embedded) {
    // WAL lets readers run beside the writer; synchronous=FULL makes each
    // commit durable before it returns, so an acknowledged response is kept.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = FULL');
    await client.execute('PRAGMA foreign_keys = ON');
  }
  const db = drizzle(client, { schema });
  const writes = embedded ? lazyWriteThread(url) : clientWrites(client);
  return {
    db,
    client,
    writes,
    url,
    close: () => {
      void writes.close();
      client.close();
    }
  };
}
