// Rate limits on sign-in, after OWASP's advice: slow guessing down with
// delays that grow, rather than locking an account, so that nobody can keep
// a member of staff out by failing on purpose.
//
// Three counts, each a sliding window of failures:
//   - an (account, network) pair: guessing one password from one place. A few
//     failures, then delays from 1 minute doubling to 15.
//   - a network: guessing across accounts. A larger allowance, because a
//     school or council puts many people behind one address.
//   - an account from every network together: a botnet guessing one
//     password. A high allowance, and never applied where that account has
//     signed in from the same network in the last 30 days, so the real
//     person's usual network always works.
// The network and account counts are also waived for such a trusted pair:
// the pair count still limits anyone guessing from there.
//
// Keys are salted hashes, so the table holds no address or e-mail, with a
// kind in front so that each kind of row can be deleted once it is too old
// to count.
import { createHmac, randomBytes } from 'node:crypto';
import { type Database, instanceSecrets, loginAttempts } from '@safer-voices/db';
import { and, count, eq, gt, like, lt, max, or, type SQL, sql } from 'drizzle-orm';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const FIRST_DELAY_MS = MINUTE;
export const LONGEST_DELAY_MS = 15 * MINUTE;
/** A successful sign-in from a network makes that pair trusted for this long. */
export const TRUSTED_FOR_MS = 30 * DAY;

interface Limit {
  /** Failures allowed before the first delay. */
  free: number;
  /** How long a failure counts. Longer than the longest delay, or a patient guesser would never reach it. */
  memoryMs: number;
}

export const LIMITS = {
  pair: { free: 5, memoryMs: DAY },
  network: { free: 50, memoryMs: HOUR },
  account: { free: 50, memoryMs: HOUR }
} as const satisfies Record<string, Limit>;

type Counted = keyof typeof LIMITS;
type Kind = Counted | 'trusted';
const MEMORY_MS: Record<Kind, number> = { pair: LIMITS.pair.memoryMs, network: LIMITS.network.memoryMs, account: LIMITS.account.memoryMs, trusted: TRUSTED_FOR_MS };

const SALT_NAME = 'login_attempts_salt';
const salts = new WeakMap<Database, Promise<string>>();

/** One salt per installation, kept in the database so every API node hashes alike. */
function saltFor(db: Database): Promise<string> {
  let salt = salts.get(db);
  if (!salt) {
    salt = (async () => {
      await db
        .insert(instanceSecrets)
        .values({ name: SALT_NAME, value: randomBytes(32).toString('base64url') })
        .onConflictDoNothing();
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
  pair: string;
  account: string;
  /** null when the network address is unknown: then there is no network count and no trust. */
  network: string | null;
  trusted: string | null;
}

export async function attemptKeys(db: Database, email: string, address: string | null): Promise<AttemptKeys> {
  const salt = await saltFor(db);
  const key = (kind: Kind, text: string) => `${kind}:${createHmac('sha256', salt).update(`${kind}:${text}`).digest('base64url')}`;
  const account = email.toLowerCase();
  // JSON keeps the e-mail and address apart, whatever characters they hold.
  const pair = JSON.stringify([account, address]);
  return {
    pair: key('pair', pair),
    account: key('account', account),
    network: address ? key('network', address) : null,
    trusted: address ? key('trusted', pair) : null
  };
}

/** The wait after `failures` failures: none within the allowance, then doubling from the first delay. */
export function delayAfter(failures: number, limit: Limit): number {
  if (failures < limit.free) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - limit.free, 20), LONGEST_DELAY_MS);
}

const recentFor = (key: string, kind: Kind, now: number) => and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, new Date(now - MEMORY_MS[kind])));

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function secondsUntilAllowed(db: Database, keys: AttemptKeys, now = Date.now()): Promise<number> {
  const wanted: [string, Kind][] = [
    [keys.pair, 'pair'],
    [keys.account, 'account']
  ];
  if (keys.network) wanted.push([keys.network, 'network']);
  if (keys.trusted) wanted.push([keys.trusted, 'trusted']);
  const rows = await db
    .select({ key: loginAttempts.key, n: count(), latest: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(or(...wanted.map(([key, kind]) => recentFor(key, kind, now))))
    .groupBy(loginAttempts.key);
  const found = new Map(rows.map((r) => [r.key, r]));
  const trusted = keys.trusted !== null && found.has(keys.trusted);
  let allowedAt = now;
  for (const [key, kind] of wanted) {
    if (kind === 'trusted' || (trusted && kind !== 'pair')) continue;
    const row = found.get(key);
    if (row?.latest) allowedAt = Math.max(allowedAt, row.latest.getTime() + delayAfter(row.n, LIMITS[kind]));
  }
  return Math.ceil((allowedAt - now) / 1000);
}

/** Rows too old to count for their kind, and rows from before kinds were written into keys. */
function expired(now: number): SQL {
  const tooOld = (Object.keys(MEMORY_MS) as Kind[]).map((kind) => and(like(loginAttempts.key, `${kind}:%`), lt(loginAttempts.attemptedAt, new Date(now - MEMORY_MS[kind]))));
  return or(...tooOld, sql`instr(${loginAttempts.key}, ':') = 0`) as SQL;
}

export async function recordFailure(db: Database, keys: AttemptKeys, now = Date.now()): Promise<void> {
  const at = new Date(now);
  const counted = [keys.pair, keys.account, ...(keys.network ? [keys.network] : [])];
  await db.batch([db.delete(loginAttempts).where(expired(now)), db.insert(loginAttempts).values(counted.map((key) => ({ key, attemptedAt: at })))]);
}

/**
 * A successful sign-in clears the pair's failures, so earlier typos do not
 * count against later, and trusts the pair from now. The network's and
 * account's failures stay: someone else may be behind them.
 */
export async function recordSuccess(db: Database, keys: AttemptKeys, now = Date.now()): Promise<void> {
  const forget = db.delete(loginAttempts).where(or(eq(loginAttempts.key, keys.pair), expired(now)));
  if (!keys.trusted) {
    await forget;
    return;
  }
  await db.batch([forget, db.delete(loginAttempts).where(eq(loginAttempts.key, keys.trusted)), db.insert(loginAttempts).values({ key: keys.trusted, attemptedAt: new Date(now) })]);
}
