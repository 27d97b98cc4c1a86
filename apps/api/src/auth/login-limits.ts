// Rate limits on sign-in: a few failures per e-mail address stop password
// guessing on one account; a larger allowance per network stops guessing
// across accounts while leaving room for a school or council behind one NAT.
// Keys are salted hashes, so the table holds no address or e-mail, and rows
// are deleted once they fall out of the window.
import { createHmac, randomBytes } from 'node:crypto';
import { type Database, instanceSecrets, loginAttempts } from '@safer-voices/db';
import { and, count, eq, gt, inArray, lt, min, or } from 'drizzle-orm';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const FAILURES_PER_EMAIL = 5;
export const FAILURES_PER_NETWORK = 50;

const SALT_NAME = 'login_attempts_salt';
const salts = new WeakMap<Database, Promise<string>>();

/** One salt per installation, kept in the database so every API node hashes alike. */
function saltFor(db: Database): Promise<string> {
  let salt = salts.get(db);
  if (!salt) {
    salt = (async () => {
      await db.insert(instanceSecrets).values({ name: SALT_NAME, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
      const [row] = await db.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, SALT_NAME));
      if (!row) throw new Error('The rate-limit salt could not be stored');
      return row.value;
    })();
    salt.catch(() => salts.delete(db));
    salts.set(db, salt);
  }
  return salt;
}

export interface AttemptKeys {
  email: string;
  /** null when the network address is unknown; only the per-email limit applies then. */
  network: string | null;
}

export async function attemptKeys(db: Database, email: string, address: string | null): Promise<AttemptKeys> {
  const salt = await saltFor(db);
  const key = (text: string) => createHmac('sha256', salt).update(text).digest('base64url');
  return { email: key(`email:${email.toLowerCase()}`), network: address ? key(`network:${address}`) : null };
}

const keysOf = (keys: AttemptKeys) => (keys.network ? [keys.email, keys.network] : [keys.email]);

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function secondsUntilAllowed(db: Database, keys: AttemptKeys, now = Date.now()): Promise<number> {
  const recent = await db
    .select({ key: loginAttempts.key, failures: count(), oldest: min(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keysOf(keys)), gt(loginAttempts.attemptedAt, new Date(now - LOGIN_WINDOW_MS))))
    .groupBy(loginAttempts.key);
  let wait = 0;
  for (const { key, failures, oldest } of recent) {
    const limit = key === keys.email ? FAILURES_PER_EMAIL : FAILURES_PER_NETWORK;
    if (failures >= limit && oldest) wait = Math.max(wait, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MS - now) / 1000));
  }
  return Math.max(wait, 0);
}

export async function recordFailure(db: Database, keys: AttemptKeys, now = Date.now()): Promise<void> {
  const at = new Date(now);
  await db.batch([
    db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(now - LOGIN_WINDOW_MS))),
    db.insert(loginAttempts).values(keysOf(keys).map((key) => ({ key, attemptedAt: at })))
  ]);
}

/**
 * A successful sign-in clears that address's failures, so a typo earlier
 * does not count against later, and, like a failure, deletes expired rows.
 */
export async function clearEmailFailures(db: Database, keys: AttemptKeys, now = Date.now()): Promise<void> {
  await db.delete(loginAttempts).where(or(eq(loginAttempts.key, keys.email), lt(loginAttempts.attemptedAt, new Date(now - LOGIN_WINDOW_MS))));
}
