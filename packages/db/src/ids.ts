import { v7 } from 'uuid';
import { pooledRandomBytes } from './random-pool';

/**
 * A new row id: a UUID version 7, milliseconds since 1970 then random bits.
 * Ids made later sort later, so new rows go to the end of the primary-key
 * index instead of a random page in it, which keeps inserts cheap as the
 * table grows. `now` dates the id (a response stored with its submission time).
 */
export const newId = (now?: number): string => (now === undefined ? v7() : v7({ msecs: now, random: pooledRandomBytes(16) }));

/** The smallest id made at this time (ids sort by their leading milliseconds). */
export function firstIdAt(ms: number): string {
  const time = Math.max(0, ms).toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}`;
}

/** When an id was made (ms), or null for an id of another kind (a random UUID). */
export function timeOfId(id: string): number | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(id)) return null;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
