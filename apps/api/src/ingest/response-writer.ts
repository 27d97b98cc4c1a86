// Group commit: submissions that arrive together are written in one
// transaction, so each pays for one durable commit instead of its own.
// A submission is acknowledged only after that commit returns.
import type { Client, InStatement } from '@libsql/client';
import type { ResponseContext, WriteExecutor } from '@safer-voices/db';
import type { Answers } from '@safer-voices/survey';
import { canonicalJson, sha256 } from '../store/canonical-json';
import { uuidv7 } from './ids';

export interface NewResponse {
  versionId: string;
  answers: Answers;
  /** Set only by the server (from a class code), never by the client. */
  context?: ResponseContext | null;
  /** Chosen by the client; a retry with the same key is stored once. */
  idempotencyKey: string;
}

export interface StoredResponse {
  id: string;
  versionId: string;
  submittedAt: Date;
  /** True when this key had been stored before: nothing new was written. */
  replayed: boolean;
}

export class IdempotencyConflict extends Error {
  constructor() {
    super('This idempotency key was already used for different answers');
  }
}

interface Pending {
  item: NewResponse;
  keyHash: string;
  resolve(stored: StoredResponse): void;
  reject(error: unknown): void;
}

interface Row {
  id: string;
  versionId: string;
  answers: Answers;
  submittedAt: Date;
}

export interface ResponseWriter {
  write(item: NewResponse): Promise<StoredResponse>;
}

export function createResponseWriter(writes: WriteExecutor, client: Client, { maxBatch = 500 } = {}): ResponseWriter {
  let queue: Pending[] = [];
  let scheduled = false;

  // Hand each event-loop turn's submissions to the writer straight away,
  // without waiting for the previous batch: the writer merges whatever
  // arrives during a commit into its next transaction, so commits never
  // wait on a round trip to this thread.
  function flush() {
    scheduled = false;
    const waiting = queue;
    queue = [];
    for (let at = 0; at < waiting.length; at += maxBatch) {
      const batch = waiting.slice(at, at + maxBatch);
      commit(writes, client, batch).catch((error) => {
        for (const p of batch) p.reject(error);
      });
    }
  }

  return {
    write(item) {
      return new Promise((resolve, reject) => {
        queue.push({ item, keyHash: sha256(item.idempotencyKey), resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // Let the submissions already waiting on the event loop join this batch.
          setImmediate(flush);
        }
      });
    }
  };
}

/** A key seen before: the same submission again is a replay, different answers a conflict. */
function settleReplay(p: Pending, row: Row) {
  const same = row.versionId === p.item.versionId && canonicalJson(row.answers) === canonicalJson(p.item.answers);
  if (same) p.resolve({ id: row.id, versionId: row.versionId, submittedAt: row.submittedAt, replayed: true });
  else p.reject(new IdempotencyConflict());
}

async function commit(writes: WriteExecutor, client: Client, batch: Pending[]) {
  // The same key twice in one batch: the later ones wait for the first.
  const firstByKey = new Map<string, Pending>();
  const followers: Pending[] = [];
  for (const p of batch) {
    if (firstByKey.has(p.keyHash)) followers.push(p);
    else firstByKey.set(p.keyHash, p);
  }
  const now = Date.now();
  const rows = [...firstByKey.values()].map((p) => ({ p, id: uuidv7(now) }));
  const results = await writes.batch(insertResponses(rows, now));

  const inserted = new Set(results.flatMap((r) => r.rows.map((row) => String(row.id))));
  const stored = new Map<string, Row>();
  const existingKeys: string[] = [];
  for (const { p, id } of rows) {
    if (inserted.has(id)) {
      const row = { id, versionId: p.item.versionId, answers: p.item.answers, submittedAt: new Date(now) };
      stored.set(p.keyHash, row);
      p.resolve({ id, versionId: row.versionId, submittedAt: row.submittedAt, replayed: false });
    } else {
      existingKeys.push(p.keyHash);
    }
  }
  if (existingKeys.length > 0) {
    const found = await client.execute({
      sql: `SELECT id, version_id, answers, submitted_at, idempotency_key FROM responses WHERE idempotency_key IN (${existingKeys.map(() => '?').join(',')})`,
      args: existingKeys
    });
    for (const r of found.rows) {
      const row = { id: String(r.id), versionId: String(r.version_id), answers: JSON.parse(String(r.answers)), submittedAt: new Date(Number(r.submitted_at)) };
      stored.set(String(r.idempotency_key), row);
      const leader = firstByKey.get(String(r.idempotency_key));
      if (leader) settleReplay(leader, row);
    }
  }
  for (const p of followers) {
    const row = stored.get(p.keyHash);
    if (row) settleReplay(p, row);
    else p.reject(new Error('The first submission with this key was not stored'));
  }
}

// SQLite allows 32,766 bound values per statement; six per row stays under it.
const MAX_ROWS_PER_STATEMENT = 5000;

/** Responses whose key is already stored are skipped, and RETURNING omits them. */
function insertResponses(rows: { p: Pending; id: string }[], submittedAt: number): InStatement[] {
  const statements: InStatement[] = [];
  for (let at = 0; at < rows.length; at += MAX_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + MAX_ROWS_PER_STATEMENT);
    statements.push({
      sql: `INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at)
            VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
            ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      args: chunk.flatMap(({ p, id }) => [
        id,
        p.item.versionId,
        p.keyHash,
        JSON.stringify(p.item.answers),
        p.item.context ? JSON.stringify(p.item.context) : null,
        submittedAt
      ])
    });
  }
  return statements;
}
