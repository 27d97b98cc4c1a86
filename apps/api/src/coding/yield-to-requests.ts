// When coding waits for the server. A burst of submissions (a whole school
// at the end of a lesson) is answered first and coded just after; but coding
// is never put off so long that a disclosure of harm would reach the
// safeguarding lead late.
import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/** Above this share of the serving thread busy with requests, coding waits. */
export const BUSY_UTILISATION = 0.5;
/** The longest coding waits for a busy server before it takes its share anyway. */
export const LONGEST_DEFERRAL_MS = 20_000;

export interface YieldState {
  /** When coding first waited for the current busy spell; null when not waiting. */
  deferredSince: number | null;
  /** Set once a wait ran out: coding then keeps its share until the backlog is gone. */
  catchingUp: boolean;
}

/** Whether to put coding off now, given how busy the server was since the last pass. */
export function shouldDefer(state: YieldState, utilisation: number, now: number): boolean {
  if (state.catchingUp || utilisation <= BUSY_UTILISATION) {
    state.deferredSince = null;
    return false;
  }
  state.deferredSince ??= now;
  if (now - state.deferredSince < LONGEST_DEFERRAL_MS) return true;
  state.deferredSince = null;
  state.catchingUp = true;
  return false;
}

/** Measures how busy the event loop was between two moments (not counting time spent coding). */
export function serverLoad() {
  let mark: EventLoopUtilization = performance.eventLoopUtilization();
  return {
    /** Start measuring (after a coding pass, so its own time is left out). */
    restart() {
      mark = performance.eventLoopUtilization();
    },
    /** Share of the time since `restart` the loop was busy, 0–1. */
    utilisation(): number {
      return performance.eventLoopUtilization(mark).utilization;
    }
  };
}
