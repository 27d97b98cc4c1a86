// Noticing that coding has fallen behind. Each notifier pass compares every
// organisation's oldest uncoded answer (coding/coding-lag.ts) with the
// thresholds: past 10 minutes a delay is opened (at most one open per
// organisation, enforced by a unique index, so it is announced once however
// many passes or processes see it); once nothing has waited more than
// 2 minutes (the point at which staff pages warn) it is cleared, and the
// outbox announces "caught up" where "delayed" was announced.
import { codingDelays, type Database, newId } from '@safer-voices/db';
import { and, isNull, notInArray } from 'drizzle-orm';
import { waitingByOrganisation } from '../coding/coding-lag';
import { DELAY_NOTICE_MINUTES } from './messages';

export const DELAY_OPENS_AFTER_MS = DELAY_NOTICE_MINUTES * 60_000;
export const DELAY_CLEARS_UNDER_MS = 2 * 60_000;

export async function trackCodingDelays(db: Database, now: Date): Promise<void> {
  const waiting = await waitingByOrganisation(db);
  const waited = (since: Date) => now.getTime() - since.getTime();
  const late = waiting.filter((w) => waited(w.since) > DELAY_OPENS_AFTER_MS);
  const behind = waiting.filter((w) => waited(w.since) >= DELAY_CLEARS_UNDER_MS).map((w) => w.organisationId);
  const open = late.map((w) => db.insert(codingDelays).values({ id: newId(), organisationId: w.organisationId, waitingSince: w.since }).onConflictDoNothing());
  const clear = db
    .update(codingDelays)
    .set({ clearedAt: now })
    .where(and(isNull(codingDelays.clearedAt), behind.length > 0 ? notInArray(codingDelays.organisationId, behind) : undefined));
  await db.batch([clear, ...open]);
}
