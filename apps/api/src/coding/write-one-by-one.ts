// When a chunk's writes fail together, its responses are written one at a
// time, so one response whose rows the database refuses cannot hold up the
// rest: that one is stored as "could not be coded" with the reason instead.
import type { Database } from '@safer-voices/db';
import type { BatchItem } from 'drizzle-orm/batch';
import { describeError } from './code-answer';

export type Statement = BatchItem<'sqlite'>;

export interface ResponseWrite {
  responseId: string;
  /** Stores what was found about the response. */
  store: Statement[];
  /** Stores instead that it could not be coded, given why `store` was refused. */
  storeFailure: (reason: string) => Statement[];
}

/** One batch (one transaction); nothing to write is no batch at all. */
export async function batch(db: Database, statements: Statement[]) {
  if (statements.length === 0) return [];
  return db.batch(statements as [Statement, ...Statement[]]);
}

/**
 * Writes each response in a batch of its own. Returns how many could not be
 * written at all (they stay uncoded and are tried again on a later pass); when
 * none could, the database itself is failing and the last error is thrown.
 */
export async function writeOneByOne(db: Database, writes: ResponseWrite[]): Promise<number> {
  let unwritten = 0;
  let lastError: unknown;
  for (const write of writes) {
    let reason: string;
    try {
      await batch(db, write.store);
      continue;
    } catch (error) {
      reason = `Its coding could not be stored: ${describeError(error)}`;
    }
    try {
      await batch(db, write.storeFailure(reason));
      console.error(`Response ${write.responseId} is stored as could not be coded. ${reason}`);
    } catch (error) {
      unwritten++;
      lastError = error;
      console.error(`Response ${write.responseId} could not be stored even as could not be coded`, error);
    }
  }
  if (writes.length > 0 && unwritten === writes.length) throw lastError;
  return unwritten;
}
