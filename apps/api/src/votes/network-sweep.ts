// A network address's hash is kept only while its window lasts. The ballot
// writer sweeps as votes arrive; this loop sweeps once a minute as well, so
// the last windows of a vote go too when nobody votes any more.
import type { InStatement } from '@libsql/client';
import type { DatabaseHandle } from '@safer-voices/db';
import { type BackgroundLoop, startBackgroundLoop } from '../background-loop';

export const SWEEP_EVERY_MS = 60_000;

/** Deletes every slice of a network's votes that no window ending now or later can include (per its vote's window). */
export const networkSweep = (now: number): InStatement => ({
  sql: 'DELETE FROM vote_network_windows WHERE window_start + 66000 * (SELECT network_window_minutes FROM votes WHERE votes.id = vote_network_windows.vote_id) < ?',
  args: [now]
});

export function startNetworkSweeper(database: Pick<DatabaseHandle, 'client'>, { intervalMs = SWEEP_EVERY_MS } = {}): BackgroundLoop {
  return startBackgroundLoop(async () => {
    try {
      await database.client.execute(networkSweep(Date.now()));
    } catch (error) {
      // The database was busy or away: the next pass sweeps what this one left.
      console.error('Removing old network windows of votes failed', error);
    }
    return intervalMs;
  });
}
