// Staff passwords: scrypt (memory-hard, in Node's crypto) with a salt of its
// own per password. The cost parameters are stored with each hash, so they
// can be raised later without breaking the passwords already stored.
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const LOG2_N = 15; // N = 32768: about 32 MB and tens of milliseconds per hash
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** scrypt needs 128·N·r bytes; Node's default ceiling (32 MB) is exactly that, so allow headroom. */
const maxmemFor = (n: number, r: number) => 256 * n * r;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const n = 2 ** LOG2_N;
  const key = await derive(password, salt, { N: n, r: BLOCK_SIZE, p: PARALLELISM, maxmem: maxmemFor(n, BLOCK_SIZE) });
  return ['scrypt', LOG2_N, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const n = 2 ** Number(log2n);
  const blockSize = Number(r);
  // Refuse parameters outside a sane range rather than let a bad row exhaust memory.
  if (!(Number(log2n) >= 14 && Number(log2n) <= 20 && blockSize >= 1 && blockSize <= 32 && Number(p) >= 1 && Number(p) <= 4)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: n, r: blockSize, p: Number(p), maxmem: maxmemFor(n, blockSize) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/**
 * Spend the same time as a real check when there is no account, so the
 * response time does not tell whether an e-mail address has one.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}

/** A strong password for the admin command to print once: 24 characters from 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
