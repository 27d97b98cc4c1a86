import { describe, expect, it } from 'vitest';
import { BUSY_UTILISATION, LONGEST_DEFERRAL_MS, shouldDefer, type YieldState } from './yield-to-requests';

const fresh = (): YieldState => ({ deferredSince: null, catchingUp: false });

describe('coding waits for a busy server, but not for long', () => {
  it('codes at once when the server is quiet', () => {
    expect(shouldDefer(fresh(), 0.1, 0)).toBe(false);
    expect(shouldDefer(fresh(), BUSY_UTILISATION, 0)).toBe(false);
  });

  it('waits while a burst of submissions is being answered', () => {
    const state = fresh();
    expect(shouldDefer(state, 0.9, 1_000)).toBe(true);
    expect(shouldDefer(state, 0.9, 1_000 + LONGEST_DEFERRAL_MS - 1)).toBe(true);
  });

  it('takes its share after the longest wait, and keeps it until the backlog is coded', () => {
    const state = fresh();
    shouldDefer(state, 0.9, 0);
    expect(shouldDefer(state, 0.9, LONGEST_DEFERRAL_MS)).toBe(false);
    expect(state.catchingUp).toBe(true);
    // Still busy, but catching up: no new wait until the backlog is gone.
    expect(shouldDefer(state, 0.95, LONGEST_DEFERRAL_MS + 5_000)).toBe(false);
    state.catchingUp = false;
    expect(shouldDefer(state, 0.95, LONGEST_DEFERRAL_MS + 6_000)).toBe(true);
  });

  it('starts a new wait after a quiet spell', () => {
    const state = fresh();
    shouldDefer(state, 0.9, 0);
    shouldDefer(state, 0.2, LONGEST_DEFERRAL_MS - 1);
    expect(shouldDefer(state, 0.9, LONGEST_DEFERRAL_MS + 1)).toBe(true);
  });
});
