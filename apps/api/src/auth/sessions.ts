// Server-side staff sessions. The browser (or API client) holds a random
// token; the database holds only its SHA-256, with a sliding idle limit and
// an absolute one.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Database, staff, staffSessions } from '@safer-voices/db';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { sha256 } from '../store/canonical-json';

/** A session unused this long ends (a laptop left signed in overnight). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** However active, a session ends this long after sign-in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** Record activity at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface Session {
  id: string;
  staffId: string;
  expiresAt: Date;
}

export const sessionIdOf = (token: string) => sha256(token);

export function newSession(db: Database, staffId: string, now = Date.now()) {
  const token = randomBytes(32).toString('base64url');
  const session: Session = { id: sessionIdOf(token), staffId, expiresAt: new Date(now + SESSION_MAX_MS) };
  const insert = db.insert(staffSessions).values({ ...session, createdAt: new Date(now), lastSeenAt: new Date(now) });
  return { token, session, insert };
}

/** Sign in: store a new session (and forget sessions that have ended). */
export async function createSession(db: Database, staffId: string): Promise<{ token: string; session: Session }> {
  const now = Date.now();
  const { token, session, insert } = newSession(db, staffId, now);
  await db.batch([db.delete(staffSessions).where(lt(staffSessions.expiresAt, new Date(now))), insert]);
  return { token, session };
}

/** The live session for a token, its idle timer restarted; null if unknown, ended or the account is disabled. */
export async function verifySession(db: Database, token: string): Promise<Session | null> {
  const id = sessionIdOf(token);
  const [row] = await db
    .select({ id: staffSessions.id, staffId: staffSessions.staffId, expiresAt: staffSessions.expiresAt, lastSeenAt: staffSessions.lastSeenAt })
    .from(staffSessions)
    .innerJoin(staff, and(eq(staff.id, staffSessions.staffId), isNull(staff.disabledAt)))
    .where(eq(staffSessions.id, id))
    .limit(1);
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() >= SESSION_IDLE_MS) return null;
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db
      .update(staffSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(staffSessions.id, id));
  }
  return { id: row.id, staffId: row.staffId, expiresAt: row.expiresAt };
}

export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
}

/**
 * The CSRF token for a session: derived from the session token, so nothing
 * more is stored, and a page on another site, which cannot read the
 * httpOnly cookie, cannot work it out.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('safer-voices csrf').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
