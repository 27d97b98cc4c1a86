// Random bytes for ids, receipts and groups, drawn from the system's secure
// generator a few kilobytes at a time. Each draw has a fixed cost far above
// its few bytes, and a vote needs three (its id, its receipt, its network's
// group): a newspaper's link brings thousands a second. Every byte is handed
// out once; a spent pool is replaced, never refilled in place, so a caller
// keeping its bytes keeps them unchanged.
import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let at = 0;

export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomBytes(size);
  if (at + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    at = 0;
  }
  const bytes = pool.subarray(at, at + size);
  at += size;
  return bytes;
}
