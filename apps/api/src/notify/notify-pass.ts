// One pass of the notifier: notice coding delays, put new flags and delay
// notices in the outbox, then send what is due. Each notification is claimed with a conditional update before it is
// sent, so two processes (or a pass that overlaps a restart) never both send
// it, and it is marked sent in the same breath as the receiver's 2xx. A
// failure waits longer each time (1 minute, 5, 30, 2 hours, …) and after the
// last attempt the notification is `failed` with the last error, for the
// flag's page to show. The clock is passed in, so tests need not sleep.
import { codingDelays, type DatabaseHandle, type NotificationChannel, notifications, organisations, safeguardingFlags } from '@safer-voices/db';
import { and, asc, eq, lte } from 'drizzle-orm';
import { settingsOf } from '../store/organisation-settings';
import { trackCodingDelays } from './coding-delays';
import { type DeliveryConfig, postWebhook, sendEmail } from './deliver';
import { enqueueDelayNotices, enqueueNewFlags } from './enqueue';
import { delayEmail, type Email, flagsEmail, type Notice, webhookBody } from './messages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The wait after each failed attempt; one more attempt than waits. */
export const RETRY_WAITS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR];
export const MAX_ATTEMPTS = RETRY_WAITS_MS.length + 1;
/** How long a claimed notification is left to its sender before another pass may try it (well over a send's timeout). */
export const CLAIM_MS = 2 * MINUTE;
const DUE_PER_PASS = 50;

export interface PassResult {
  enqueued: number;
  sent: number;
  retrying: number;
  failed: number;
}

type Due = Awaited<ReturnType<typeof dueNotifications>>[number];

function dueNotifications(db: DatabaseHandle['db'], now: Date) {
  return db
    .select({
      id: notifications.id,
      organisationId: notifications.organisationId,
      kind: notifications.kind,
      flagId: notifications.flagId,
      delayId: notifications.delayId,
      channel: notifications.channel,
      attempts: notifications.attempts,
      nextAttemptAt: notifications.nextAttemptAt,
      flagCreatedAt: safeguardingFlags.createdAt,
      flagTier: safeguardingFlags.tier,
      waitingSince: codingDelays.waitingSince,
      clearedAt: codingDelays.clearedAt,
      organisationName: organisations.name
    })
    .from(notifications)
    .leftJoin(safeguardingFlags, eq(safeguardingFlags.id, notifications.flagId))
    .leftJoin(codingDelays, eq(codingDelays.id, notifications.delayId))
    .innerJoin(organisations, eq(organisations.id, notifications.organisationId))
    .where(and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)))
    .orderBy(asc(notifications.nextAttemptAt))
    .limit(DUE_PER_PASS);
}

/** What a notification announces, from its row and the flag or delay it is about. */
function noticeOf(n: Due): Notice | null {
  const organisation = { id: n.organisationId, name: n.organisationName };
  if (n.kind === 'safeguarding_flag' && n.flagId && n.flagCreatedAt) return { kind: n.kind, organisation, flagId: n.flagId, tier: n.flagTier ?? 'possible', createdAt: n.flagCreatedAt };
  if (n.kind === 'coding_delayed' && n.delayId && n.waitingSince) return { kind: n.kind, organisation, delayId: n.delayId, waitingSince: n.waitingSince };
  if (n.kind === 'coding_caught_up' && n.delayId && n.waitingSince && n.clearedAt) return { kind: n.kind, organisation, delayId: n.delayId, waitingSince: n.waitingSince, clearedAt: n.clearedAt };
  return null;
}

function emailOf(notices: Notice[], config: DeliveryConfig): Email {
  const [first] = notices;
  if (!first || first.kind === 'safeguarding_flag') return flagsEmail(notices as Extract<Notice, { kind: 'safeguarding_flag' }>[], config);
  return delayEmail(first, config);
}

export async function runNotificationPass(database: Pick<DatabaseHandle, 'db' | 'client'>, config: DeliveryConfig, now = new Date()): Promise<PassResult> {
  const { db } = database;
  await trackCodingDelays(db, now);
  const enqueued = (await enqueueNewFlags(database.client, now)) + (await enqueueDelayNotices(database.client, now));
  const result: PassResult = { enqueued, sent: 0, retrying: 0, failed: 0 };

  const claimed: Due[] = [];
  for (const n of await dueNotifications(db, now)) {
    const claim = await db
      .update(notifications)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
      .where(and(eq(notifications.id, n.id), eq(notifications.status, 'pending'), eq(notifications.nextAttemptAt, n.nextAttemptAt), eq(notifications.attempts, n.attempts)));
    if (claim.rowsAffected === 1) claimed.push(n);
  }

  // Sent to where the organisation says now, so correcting a wrong address rescues the retries.
  type Targets = Record<NotificationChannel, string | null> & { webhookSecret: string | null };
  const targets = new Map<string, Promise<Targets>>();
  const targetsOf = (organisationId: string) => {
    if (!targets.has(organisationId)) {
      targets.set(
        organisationId,
        settingsOf(db, organisationId).then((s) => ({ webhook: s.notifyWebhookUrl?.trim() || null, email: s.notifyEmail?.trim() || null, webhookSecret: s.notifyWebhookSecret }))
      );
    }
    return targets.get(organisationId) as Promise<Targets>;
  };

  const groups = new Map<string, { channel: NotificationChannel; target: string | null; secret: string | null; items: Due[] }>();
  for (const n of claimed) {
    const targets = await targetsOf(n.organisationId);
    const target = targets[n.channel];
    // Webhooks go one per notice; e-mails about flags to the same address go together.
    const key = n.channel === 'webhook' || n.kind !== 'safeguarding_flag' ? n.id : `${n.organisationId}\n${target}`;
    const group = groups.get(key) ?? { channel: n.channel, target, secret: targets.webhookSecret, items: [] };
    group.items.push(n);
    groups.set(key, group);
  }

  for (const { channel, target, secret, items } of groups.values()) {
    const notices = items.map(noticeOf).filter((notice) => notice !== null);
    let error: string | null = null;
    if (!target) error = channel === 'webhook' ? 'The organisation no longer has a webhook address set' : 'The organisation no longer has an e-mail address set';
    else if (notices.length < items.length) error = 'What this notice was about is no longer stored';
    else {
      try {
        if (channel === 'webhook') await postWebhook(target, webhookBody(notices[0] as Notice, config), { id: (items[0] as Due).id, secret }, config);
        else await sendEmail(target, emailOf(notices, config), config);
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
    }
    for (const n of items) {
      const outcome = await record(db, n, target, error, now);
      result[outcome]++;
    }
  }
  return result;
}

async function record(db: DatabaseHandle['db'], n: Due, target: string | null, error: string | null, now: Date): Promise<'sent' | 'retrying' | 'failed'> {
  const attempts = target ? n.attempts + 1 : n.attempts;
  const where = eq(notifications.id, n.id);
  if (!error) {
    await db
      .update(notifications)
      .set({ status: 'sent', attempts, sentAt: now, lastError: null, ...(target ? { target } : {}) })
      .where(where);
    return 'sent';
  }
  const wait = RETRY_WAITS_MS[attempts - 1];
  if (!target || attempts >= MAX_ATTEMPTS || wait === undefined) {
    await db.update(notifications).set({ status: 'failed', attempts, lastError: error }).where(where);
    return 'failed';
  }
  await db
    .update(notifications)
    .set({ attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + wait), target })
    .where(where);
  return 'retrying';
}
