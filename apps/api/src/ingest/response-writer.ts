// Group commit: submissions that arrive together are written in one
// transaction, so each pays for one durable commit instead of its own.
// A submission is acknowledged only after that commit returns.
import { uuidv7 } from './ids';
import type { Client, InStatement } from '@libsql/client';
import type { WriteExecutor } from '@safer-voices/db';
import type { Answers } from '@safer-voices/survey';
import { canonicalJson, sha256 } from '../store/canonical-json';

export interface NewResponse {
  versionId: string;
  answers: Answers;
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
  payloadHash: string;
  resolve(stored: StoredResponse): void;
  reject(error: unknown): void;
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
        const keyHash = sha256(item.idempotencyKey);
        const payloadHash = sha256(canonicalJson({ versionId: item.versionId, answers: item.answers }));
        queue.push({ item, keyHash, payloadHash, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // Let the submissions already waiting on the event loop join this batch.
          setImmediate(flush);
        }
      });
    }
  };
}

function settle(p: Pending, row: { id: string; versionId: string; payloadHash: string; submittedAt: Date }, replayed: boolean) {
  if (row.payloadHash !== p.payloadHash) p.reject(new IdempotencyConflict());
  else p.resolve({ id: row.id, versionId: row.versionId, submittedAt: row.submittedAt, replayed });
}

// SQLite allows 32,766 bound values per statement; stay well under it.
const MAX_VALUES_PER_STATEMENT = 30_000;

async function commit(writes: WriteExecutor, client: Client, batch: Pending[]) {
  // The same key twice in one batch: the later ones wait for the first.
  const firstByKey = new Map<string, Pending>();
  const followers: Pending[] = [];
  for (const p of batch) {
    if (firstByKey.has(p.keyHash)) followers.push(p);
    else firstByKey.set(p.keyHash, p);
  }
  const leaders = [...firstByKey.values()];
  const submittedAt = Date.now();
  const rows = leaders.map((p) => ({ p, id: uuidv7(submittedAt) }));
  // One statement for the whole batch, in one transaction: one statement to
  // prepare and one durable commit for everyone waiting.
  const statements = insertResponses(rows, submittedAt);
  const results = await writes.batch(statements);

  const returned = results.flatMap((r) => r.rows);
  const insertedIds = new Set(returned.map((row) => String(row.id)));
  const stored = new Map<string, { id: string; versionId: string; payloadHash: string; submittedAt: Date }>();
  const existingKeys: string[] = [];
  for (const { p, id } of rows) {
    if (insertedIds.has(id)) {
      const row = { id, versionId: p.item.versionId, payloadHash: p.payloadHash, submittedAt: new Date(submittedAt) };
      stored.set(p.keyHash, row);
      p.resolve({ ...row, replayed: false });
    } else {
      existingKeys.push(p.keyHash);
    }
  }
  if (existingKeys.length > 0) {
    const found = await client.execute({
      sql: `SELECT id, version_id, payload_hash, submitted_at, idempotency_key FROM responses WHERE idempotency_key IN (${existingKeys.map(() => '?').join(',')})`,
      args: existingKeys
    });
    for (const r of found.rows) {
      const row = { id: String(r.id), versionId: String(r.version_id), payloadHash: String(r.payload_hash), submittedAt: new Date(Number(r.submitted_at)) };
      stored.set(String(r.idempotency_key), row);
      const leader = firstByKey.get(String(r.idempotency_key));
      if (leader) settle(leader, row, true);
    }
  }
  for (const p of followers) {
    const row = stored.get(p.keyHash);
    if (row) settle(p, row, true);
    else p.reject(new Error('The first submission with this key was not stored'));
  }
}

interface Row {
  p: Pending;
  id: string;
}

/** Split `items` so that no statement binds more than the limit of values. */
function chunks<T>(items: T[], valuesEach: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let values = 0;
  for (const item of items) {
    const n = valuesEach(item);
    if (current.length > 0 && values + n > MAX_VALUES_PER_STATEMENT) {
      out.push(current);
      current = [];
      values = 0;
    }
    current.push(item);
    values += n;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Responses whose key is already stored are skipped, and RETURNING omits them. */
function insertResponses(rows: Row[], submittedAt: number): InStatement[] {
  return chunks(rows, () => 6).map((chunk) => ({
    sql: `INSERT INTO responses (id, version_id, idempotency_key, payload_hash, answers, submitted_at)
          VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
          ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    args: chunk.flatMap(({ p, id }) => [id, p.item.versionId, p.keyHash, p.payloadHash, JSON.stringify(p.item.answers), submittedAt])
  }));
}
