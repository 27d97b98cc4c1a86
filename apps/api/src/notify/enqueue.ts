// What to announce. The coder raises flags in its own batch; this runs
// afterwards and puts one notification per configured channel in the outbox
// for each new flag that has none yet. It only announces flags raised after
// the organisation's settings last changed (less a few minutes, for a flag
// raised while the settings were being saved), so setting an address does
// not set off announcements of the whole queue. The unique (flag, channel)
// index makes a second run, or two processes at once, add nothing.
//
// Coding delays (coding-delays.ts) are announced the same way: "delayed" for
// each open delay, and "caught up" once it is cleared, on the channels that
// were told it was delayed.
import type { NotificationChannel } from '@safer-voices/db';
import type { Client } from '@libsql/client';

/** Flags raised up to this long before the settings were saved are still announced. */
export const SETTINGS_GRACE_MS = 5 * 60_000;

const TARGET_COLUMN: Record<NotificationChannel, string> = { webhook: 'notify_webhook_url', email: 'notify_email' };

export async function enqueueNewFlags(client: Client, now: Date): Promise<number> {
  const statements = (Object.keys(TARGET_COLUMN) as NotificationChannel[]).map((channel) => {
    const target = `s.${TARGET_COLUMN[channel]}`;
    return {
      sql: `INSERT INTO notifications (id, organisation_id, flag_id, channel, target, status, attempts, next_attempt_at)
            SELECT lower(hex(randomblob(16))), f.organisation_id, f.id, ?, ${target}, 'pending', 0, ?
            FROM safeguarding_flags f
            JOIN organisation_settings s ON s.organisation_id = f.organisation_id
            WHERE ${target} IS NOT NULL AND trim(${target}) <> ''
              AND f.status = 'new'
              AND f.created_at >= s.updated_at - ?
              AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.flag_id = f.id AND n.channel = ?)
            ON CONFLICT (flag_id, channel) DO NOTHING`,
      args: [channel, now.getTime(), SETTINGS_GRACE_MS, channel]
    };
  });
  const results = await client.batch(statements, 'write');
  return results.reduce((sum, r) => sum + r.rowsAffected, 0);
}

export async function enqueueDelayNotices(client: Client, now: Date): Promise<number> {
  const statements = (Object.keys(TARGET_COLUMN) as NotificationChannel[]).flatMap((channel) => {
    const target = `s.${TARGET_COLUMN[channel]}`;
    const insert = (kind: string, when: string) => ({
      sql: `INSERT INTO notifications (id, organisation_id, kind, delay_id, channel, target, status, attempts, next_attempt_at)
            SELECT lower(hex(randomblob(16))), d.organisation_id, ?, d.id, ?, ${target}, 'pending', 0, ?
            FROM coding_delays d
            JOIN organisation_settings s ON s.organisation_id = d.organisation_id
            WHERE ${target} IS NOT NULL AND trim(${target}) <> '' AND ${when}
              AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.delay_id = d.id AND n.kind = ? AND n.channel = ?)
            ON CONFLICT DO NOTHING`,
      args: [kind, channel, now.getTime(), kind, channel]
    });
    const announcedDelayed = `EXISTS (SELECT 1 FROM notifications n WHERE n.delay_id = d.id AND n.kind = 'coding_delayed' AND n.channel = '${channel}')`;
    return [insert('coding_delayed', 'd.cleared_at IS NULL'), insert('coding_caught_up', `d.cleared_at IS NOT NULL AND ${announcedDelayed}`)];
  });
  const results = await client.batch(statements, 'write');
  return results.reduce((sum, r) => sum + r.rowsAffected, 0);
}
