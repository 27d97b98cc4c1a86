// Answers in progress. The respondent holds a random token in a session
// cookie; only its hash is stored, beside the answers and nothing else.
import { randomBytes } from 'node:crypto';
import { type Database, type ResponseContext, responseDrafts } from '@safer-voices/db';
import type { Answers } from '@safer-voices/survey';
import { eq, lt } from 'drizzle-orm';
import { sha256 } from './canonical-json';

/** A draft left alone this long is deleted: the survey starts again. */
export const DRAFT_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Draft {
  versionId: string;
  answers: Answers;
  /** A class code's labels, passed on to the response. */
  context: ResponseContext | null;
}

export async function createDraft(db: Database, versionId: string, context: ResponseContext | null = null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db.delete(responseDrafts).where(lt(responseDrafts.expiresAt, new Date(now)));
  await db.insert(responseDrafts).values({
    id: sha256(token),
    versionId,
    answers: {},
    context,
    updatedAt: new Date(now),
    expiresAt: new Date(now + DRAFT_LIFETIME_MS)
  });
  return token;
}

export async function findDraft(db: Database, token: string): Promise<Draft | null> {
  const [row] = await db
    .select()
    .from(responseDrafts)
    .where(eq(responseDrafts.id, sha256(token)))
    .limit(1);
  if (!row || row.expiresAt.getTime() < Date.now()) return null;
  return { versionId: row.versionId, answers: row.answers as Answers, context: row.context ?? null };
}

export async function saveDraftAnswers(db: Database, token: string, answers: Answers): Promise<void> {
  const now = Date.now();
  await db
    .update(responseDrafts)
    .set({ answers, updatedAt: new Date(now), expiresAt: new Date(now + DRAFT_LIFETIME_MS) })
    .where(eq(responseDrafts.id, sha256(token)));
}

export async function deleteDraft(db: Database, token: string): Promise<void> {
  await db.delete(responseDrafts).where(eq(responseDrafts.id, sha256(token)));
}
