import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * JSON with object keys sorted at every level (RFC 8785), so equal data always
 * compares the same whatever order a client sent it in.
 */
export const canonicalJson = (value: unknown): string => canonicalize(value) ?? 'null';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
