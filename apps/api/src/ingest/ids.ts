import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7: milliseconds since 1970 then random bits. Ids made later
 * sort later, so new rows go to the end of the primary-key index instead of
 * a random page in it, which keeps inserts cheap as the table grows.
 * (randomUUID draws from a cached entropy pool, so this stays cheap too.)
 */
export function uuidv7(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/** The smallest uuidv7 made at this time (ids sort by their leading milliseconds). */
export function firstIdAt(ms: number): string {
  const time = Math.max(0, ms).toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}`;
}

/** When a uuidv7 was made (ms), or null for an id of another kind. */
export function timeOfId(id: string): number | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) return null;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
