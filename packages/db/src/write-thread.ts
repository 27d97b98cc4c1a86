// Writes to an embedded (file:) database run on a thread of their own: the
// libSQL driver is synchronous, and a durable commit (fsync) would otherwise
// stop the server from reading the next requests while it waits.
import { Worker } from 'node:worker_threads';
import type { InArgs, InStatement } from '@libsql/client';

export type WriteRow = Record<string, unknown>;
export interface WriteResult {
  rows: WriteRow[];
}

/** Writes that commit together with whatever else is being written at the moment (group commit). */
export interface WriteExecutor {
  /** Runs statements in one transaction and returns each statement's rows. */
  batch(statements: InStatement[]): Promise<WriteResult[]>;
  /** Runs one statement (no rows returned) once for each list of arguments, all in one transaction. */
  runMany(sql: string, argSets: InArgs[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Statements as a table of their SQL and calls into it: a batch that runs the
 * same statement for many rows (a ballot's, a response's) sends its text to
 * the writer thread once, not once a row.
 */
function interned(statements: InStatement[]): { sqls: string[]; calls: [number, InArgs][] } {
  const sqls: string[] = [];
  const at = new Map<string, number>();
  const calls = statements.map((statement): [number, InArgs] => {
    const sql = typeof statement === 'string' ? statement : statement.sql;
    let i = at.get(sql);
    if (i === undefined) {
      i = sqls.length;
      sqls.push(sql);
      at.set(sql, i);
    }
    return [i, typeof statement === 'string' ? [] : (statement.args ?? [])];
  });
  return { sqls, calls };
}

export function openWriteThread(url: string): WriteExecutor {
  const worker = new Worker(new URL('./write-thread.worker.mjs', import.meta.url), { workerData: { url } });
  const pending = new Map<number, { resolve(results: WriteResult[]): void; reject(error: Error): void }>();
  let next = 0;
  // Each message answers every job one fsync made durable.
  worker.on('message', (answers: { id: number; results?: WriteResult[]; error?: string; code?: string }[]) => {
    for (const answer of answers) {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.error !== undefined) waiting?.reject(Object.assign(new Error(answer.error), answer.code ? { code: answer.code } : {}));
      else waiting?.resolve(answer.results ?? []);
    }
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  // An idle writer thread must not keep the process alive.
  worker.unref();
  function post(job: { sqls: string[]; calls: [number, InArgs][] } | { sql: string; argSets: InArgs[] }): Promise<WriteResult[]> {
    return new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...job });
    });
  }
  return {
    batch: (statements) => post(interned(statements)),
    async runMany(sql, argSets) {
      await post({ sql, argSets });
    },
    async close() {
      await worker.terminate();
    }
  };
}
