// Access codes for questionnaires in `codes` mode. A code is derived from its
// row id with a per-installation key (HMAC), so the database keeps only a
// keyed hash of it, yet the officer can list and download the codes again.
// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// shown as ABCD-EFGH; typing is forgiving about case, spaces and dashes.
//
// A use is counted when a respondent starts the questionnaire with the code
// (POST /api/drafts), in one conditional UPDATE so a single-use code cannot
// be used twice however many start at once. Nothing about the code is kept
// with the draft or the response.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { type AccessCodeKind, accessCodes, type Database, instanceSecrets, type ResponseContext } from '@safer-voices/db';
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const KEY_NAME = 'access_code_key';
const keys = new WeakMap<Database, Promise<string>>();

function keyFor(db: Database): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await db
        .insert(instanceSecrets)
        .values({ name: KEY_NAME, value: randomBytes(32).toString('base64url') })
        .onConflictDoNothing();
      const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, KEY_NAME));
      if (!row) throw new Error('The access code key could not be stored');
      return row.value;
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

/** Upper case, letters and digits only: "abcd efgh" and "ABCD-EFGH" are the same code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

function codeFromId(key: string, id: string): string {
  const digest = createHmac('sha256', key).update(`code:${id}`).digest();
  const chars = [...digest.subarray(0, 8)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const hashOf = (key: string, code: string) =>
  createHmac('sha256', key)
    .update(`hash:${normaliseCode(code)}`)
    .digest('hex');

export interface NewCodes {
  kind: AccessCodeKind;
  count: number;
  schoolLabel?: string | null;
  classLabel?: string | null;
  maxUses?: number | null;
  expiresAt?: Date | null;
}

export async function createCodes(db: Database, questionnaireId: string, spec: NewCodes) {
  const key = await keyFor(db);
  const batchId = spec.kind === 'single' ? randomUUID() : null;
  const rows = Array.from({ length: spec.count }, () => {
    const id = randomUUID();
    return {
      id,
      questionnaireId,
      codeHash: hashOf(key, codeFromId(key, id)),
      kind: spec.kind,
      schoolLabel: spec.schoolLabel ?? null,
      classLabel: spec.classLabel ?? null,
      batchId,
      maxUses: spec.kind === 'single' ? 1 : (spec.maxUses ?? null),
      expiresAt: spec.expiresAt ?? null
    };
  });
  // SQLite allows a limited number of bound values per statement.
  for (let i = 0; i < rows.length; i += 80) await db.insert(accessCodes).values(rows.slice(i, i + 80));
  return { batchId, ids: rows.map((r) => r.id) };
}

export type CodeState = 'active' | 'used_up' | 'expired';

export async function listCodes(db: Database, questionnaireId: string, batchId?: string) {
  const key = await keyFor(db);
  const rows = await db
    .select()
    .from(accessCodes)
    .where(and(eq(accessCodes.questionnaireId, questionnaireId), batchId ? eq(accessCodes.batchId, batchId) : undefined))
    .orderBy(asc(accessCodes.createdAt), asc(accessCodes.id));
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    code: codeFromId(key, row.id),
    kind: row.kind,
    school: row.schoolLabel,
    className: row.classLabel,
    batchId: row.batchId,
    maxUses: row.maxUses,
    uses: row.uses,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    state: (row.expiresAt && row.expiresAt.getTime() <= now ? 'expired' : row.maxUses !== null && row.uses >= row.maxUses ? 'used_up' : 'active') as CodeState
  }));
}

export type Redemption = { outcome: 'ok'; context: ResponseContext | null } | { outcome: 'unknown' | 'used_up' | 'expired' };

/**
 * Count one use of `code` for this questionnaire, if it is known, in date and
 * not used up. A class code's school and class labels come back as the
 * context its responses carry; a single-use code gives none, so nothing links
 * a response to the slip it came from.
 */
export async function redeemCode(db: Database, questionnaireId: string, code: string): Promise<Redemption> {
  const hash = hashOf(await keyFor(db), code);
  const now = new Date();
  const mine = and(eq(accessCodes.codeHash, hash), eq(accessCodes.questionnaireId, questionnaireId));
  const used = await db
    .update(accessCodes)
    .set({ uses: sql`${accessCodes.uses} + 1` })
    .where(and(mine, or(isNull(accessCodes.expiresAt), gt(accessCodes.expiresAt, now)), or(isNull(accessCodes.maxUses), lt(accessCodes.uses, accessCodes.maxUses))))
    .returning({ kind: accessCodes.kind, school: accessCodes.schoolLabel, class: accessCodes.classLabel });
  const [redeemed] = used;
  if (redeemed) return { outcome: 'ok', context: redeemed.kind === 'class' ? contextOf(redeemed) : null };
  const [row] = await db.select({ expiresAt: accessCodes.expiresAt }).from(accessCodes).where(mine);
  if (!row) return { outcome: 'unknown' };
  return { outcome: row.expiresAt && row.expiresAt <= now ? 'expired' : 'used_up' };
}

function contextOf(labels: { school: string | null; class: string | null }): ResponseContext | null {
  const context: ResponseContext = {};
  if (labels.school) context.school = labels.school;
  if (labels.class) context.class = labels.class;
  return Object.keys(context).length > 0 ? context : null;
}
