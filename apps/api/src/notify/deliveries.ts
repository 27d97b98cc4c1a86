// How the announcement of one flag went, for the flag's page: sent when, or
// failed and why, per channel.
import { type Database, notifications } from '@safer-voices/db';
import { asc, eq } from 'drizzle-orm';

export interface FlagDelivery {
  channel: 'webhook' | 'email';
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

export async function deliveriesOf(db: Database, flagId: string): Promise<FlagDelivery[]> {
  const rows = await db
    .select({ channel: notifications.channel, status: notifications.status, attempts: notifications.attempts, sentAt: notifications.sentAt, lastError: notifications.lastError })
    .from(notifications)
    .where(eq(notifications.flagId, flagId))
    .orderBy(asc(notifications.channel));
  return rows.map((r) => ({ ...r, sentAt: r.sentAt?.toISOString() ?? null }));
}
