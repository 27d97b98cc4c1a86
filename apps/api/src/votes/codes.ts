// Voting codes and receipts: short, read aloud or copied from a slip by a
// child, so drawn from letters and digits that cannot be mistaken for each
// other (no 0/O, 1/I/L, 5/S, 2/Z). A code is used by the ballot that names
// it; ballots' code ids are unique, so it counts once however often it is typed.
import { type Database, newId, pooledRandomBytes, voteBallots, voteCodeBatches, voteCodes } from '@safer-voices/db';
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import type { VoteRow } from './vote-store';

const ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';

/** Bytes below this map evenly onto the alphabet (27 × 9 = 243); the rest are drawn again. */
const EVEN = Math.floor(256 / ALPHABET.length) * ALPHABET.length;

/** Random bytes from the shared pool (a receipt is made for every vote). */
export function randomCode(length: number): string {
  let code = '';
  while (code.length < length) {
    for (const byte of pooledRandomBytes(length * 2)) {
      if (byte < EVEN && code.length < length) code += ALPHABET[byte % ALPHABET.length];
    }
  }
  return code;
}

/** 27^8 ≈ 2.8 × 10^11: guessing a live code among a few thousand takes about 10^8 tries. */
export const CODE_LENGTH = 8;
export const RECEIPT_LENGTH = 10;

/** As printed and shown: ABCD-EFGH. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;
/** As shown after voting: ABCDE-FGHJK. */
export const formatReceipt = (receipt: string) => receipt.match(/.{1,5}/g)?.join('-') ?? receipt;

export async function createCodeBatch(db: Database, vote: VoteRow, staffId: string, label: string, howMany: number) {
  const batchId = newId();
  const codes = new Set<string>();
  while (codes.size < howMany) codes.add(randomCode(CODE_LENGTH));
  const rows = [...codes].map((code) => ({ id: newId(), voteId: vote.id, batchId, code }));
  // Codes of earlier batches could repeat one drawn here (unique per vote): the batch is then drawn again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const inserts = [];
      for (let at = 0; at < rows.length; at += 500) inserts.push(db.insert(voteCodes).values(rows.slice(at, at + 500)));
      await db.batch([
        db.insert(voteCodeBatches).values({ id: batchId, voteId: vote.id, label, createdBy: staffId }),
        ...inserts,
        auditStatement(db, { organisationId: vote.organisationId, actorStaffId: staffId, action: 'vote.codes_created', target: { type: 'vote', id: vote.id }, detail: { label, count: howMany } })
      ] as unknown as Parameters<typeof db.batch>[0]);
      return batchId;
    } catch (error) {
      if (attempt >= 3) throw error;
      for (const row of rows) row.code = randomCode(CODE_LENGTH);
    }
  }
}

export async function codeBatchesOf(db: Database, voteId: string) {
  const batches = await db.select().from(voteCodeBatches).where(eq(voteCodeBatches.voteId, voteId)).orderBy(asc(voteCodeBatches.createdAt));
  const codes = await db
    .select({ batchId: voteCodes.batchId, code: voteCodes.code, used: isNotNull(voteBallots.id) })
    .from(voteCodes)
    .leftJoin(voteBallots, eq(voteBallots.codeId, voteCodes.id))
    .where(eq(voteCodes.voteId, voteId))
    .orderBy(asc(voteCodes.id));
  return batches.map((batch) => {
    const own = codes.filter((c) => c.batchId === batch.id);
    return {
      id: batch.id,
      label: batch.label,
      createdAt: batch.createdAt.toISOString(),
      codes: own.map((c) => ({ code: formatCode(c.code), used: Boolean(c.used) })),
      used: own.filter((c) => c.used).length
    };
  });
}

export async function findCode(db: Database, voteId: string, code: string) {
  const [found] = await db
    .select({ id: voteCodes.id })
    .from(voteCodes)
    .where(and(eq(voteCodes.voteId, voteId), eq(voteCodes.code, code)));
  return found ?? null;
}

export async function codesOf(db: Database, voteId: string) {
  const [row] = await db.select({ n: count() }).from(voteCodes).where(eq(voteCodes.voteId, voteId));
  return row?.n ?? 0;
}
