// Whether this process's background coder is running, for GET /api/health:
// the coder's loop beats at least once a minute (its longest wait after
// failures), so a coder that was never started, was stopped, or is stuck in a
// pass that never ends shows as not running.
/** Longer than the loop's longest wait between beats. */
export const HEARTBEAT_STALE_MS = 2 * 60_000;

export class CoderHeartbeat {
  private lastBeatAt: number | null = null;
  private stopped = false;

  beat(now = Date.now()) {
    this.lastBeatAt = now;
    this.stopped = false;
  }

  stop() {
    this.stopped = true;
  }

  isRunning(now = Date.now()): boolean {
    return !this.stopped && this.lastBeatAt !== null && now - this.lastBeatAt < HEARTBEAT_STALE_MS;
  }
}
