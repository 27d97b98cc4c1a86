import { randomBytes } from 'node:crypto';

/**
 * A UUID version 7: milliseconds since 1970 then random bits. Ids made later
 * sort later, so new rows go to the end of the primary-key index instead of
 * a random page in it, which keeps inserts cheap as the table grows.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
