// Group commit: submissions that arrive together are written in one
// transaction, so each pays for one durable commit instead of its own.
// A submission is acknowledged only after that commit returns.
import type { Client, InStatement } from '@libsql/client';
import { newId, type ResponseContext, type WriteExecutor } from '@safer-voices/db';
import type { Answers } from '@safer-voices/survey';
import { canonicalJson, sha256 } from '../store/canonical-json';
import { groupCommit, type Waiting } from './group-commit';

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

interface KeyedResponse extends NewResponse {
  keyHash: string;
}

type Pending = Waiting<KeyedResponse, StoredResponse>;

interface Row {
  id: string;
  versionId: string;
  answers: Answers;
  submittedAt: Date;
}

export interface ResponseWriter {
  write(item: NewResponse): Promise<StoredResponse>;
}

/**
 * Batches with the writer at once: one committing and one waiting to start.
 * Submissions that arrive meanwhile gather here into the next batch, so a busy
 * writer gets few, large batches (each hand-over costs both threads time)
 * and is never left idle waiting for this thread.
 */
const BATCHES_IN_FLIGHT = 2;

export function createResponseWriter(writes: WriteExecutor, client: Client, { maxBatch = 500 } = {}): ResponseWriter {
  const write = groupCommit<KeyedResponse, StoredResponse>((batch) => commit(writes, client, batch), { maxBatch, inFlight: BATCHES_IN_FLIGHT });
  return { write: (item) => write({ ...item, keyHash: sha256(item.idempotencyKey) }) };
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
    if (firstByKey.has(p.item.keyHash)) followers.push(p);
    else firstByKey.set(p.item.keyHash, p);
  }
  const now = Date.now();
  const rows = [...firstByKey.values()].map((p) => ({ p, id: newId(now) }));
  const inserted = await insertNew(writes, rows, now);
  const stored = new Map<string, Row>();
  const existingKeys: string[] = [];
  for (const { p, id } of rows) {
    if (inserted.has(id)) {
      const row = { id, versionId: p.item.versionId, answers: p.item.answers, submittedAt: new Date(now) };
      stored.set(p.item.keyHash, row);
      p.resolve({ id, versionId: row.versionId, submittedAt: row.submittedAt, replayed: false });
    } else {
      existingKeys.push(p.item.keyHash);
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
    const row = stored.get(p.item.keyHash);
    if (row) settleReplay(p, row);
    else p.reject(new Error('The first submission with this key was not stored'));
  }
}

// SQLite allows 32,766 bound values per statement; six per row stays under it.
const MAX_ROWS_PER_STATEMENT = 5000;

/**
 * Store the rows whose keys are new; returns their ids. A plain INSERT costs
 * the writer far less than ON CONFLICT … RETURNING, and a key stored before
 * (a retry) is rare: it fails the whole batch, which is then redone the
 * slower way to find out which rows were new.
 */
async function insertNew(writes: WriteExecutor, rows: { p: Pending; id: string }[], submittedAt: number): Promise<Set<string>> {
  try {
    await writes.runMany(INSERT_ONE, rows.map(argsOf(submittedAt)));
    return new Set(rows.map((r) => r.id));
  } catch (error) {
    if (!(error instanceof Error && error.message.includes('responses.idempotency_key'))) throw error;
    const results = await writes.batch(insertResponses(rows, submittedAt));
    return new Set(results.flatMap((r) => r.rows.map((row) => String(row.id))));
  }
}

const COLUMNS = 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES';
const INSERT_ONE = `${COLUMNS} (?, ?, ?, ?, ?, ?)`;

const argsOf =
  (submittedAt: number) =>
  ({ p, id }: { p: Pending; id: string }) => [id, p.item.versionId, p.item.keyHash, JSON.stringify(p.item.answers), p.item.context ? JSON.stringify(p.item.context) : null, submittedAt];

/** The slower insert that skips stored keys and returns the ids it stored. */
function insertResponses(rows: { p: Pending; id: string }[], submittedAt: number): InStatement[] {
  const statements: InStatement[] = [];
  for (let at = 0; at < rows.length; at += MAX_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + MAX_ROWS_PER_STATEMENT);
    statements.push({
      sql: `${COLUMNS} ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      args: chunk.flatMap(argsOf(submittedAt))
    });
  }
  return statements;
}
