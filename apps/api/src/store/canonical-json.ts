import { createHash } from 'node:crypto';

function collectKeys(value: unknown, keys: Set<string>) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!Array.isArray(value)) keys.add(k);
      collectKeys(v, keys);
    }
  }
}

/**
 * JSON with object keys sorted at every level, so equal data always hashes
 * the same whatever order a client sent it in. JSON.stringify with a sorted
 * list of every key does this natively, which matters on the ingest path.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  collectKeys(value, keys);
  return JSON.stringify(value, [...keys].sort());
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
