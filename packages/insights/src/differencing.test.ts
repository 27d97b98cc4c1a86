import { describe, expect, it } from 'vitest';
import { DifferencingGuard, safeToShowFilteredCount } from './differencing';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('safeToShowFilteredCount', () => {
  it('allows a filter whose removed group is large enough', () => {
    expect(safeToShowFilteredCount(120, 100)).toEqual({ ok: true, reason: 'ok', revealed: 0 });
    expect(safeToShowFilteredCount(120, 120)).toMatchObject({ ok: true });
  });
  it('refuses a filter that differs from the base by fewer than the threshold', () => {
    expect(safeToShowFilteredCount(120, 114)).toEqual({ ok: false, reason: 'difference below threshold', revealed: 6 });
    expect(safeToShowFilteredCount(120, 114, 5)).toMatchObject({ ok: true });
  });
  it('refuses a filtered figure whose own base is too small', () => {
    expect(safeToShowFilteredCount(120, 8)).toMatchObject({ ok: false, reason: 'base below threshold' });
  });
  it('rejects counts that are not nested', () => {
    expect(() => safeToShowFilteredCount(10, 12)).toThrow(RangeError);
  });
});

describe('DifferencingGuard', () => {
  it('stops a differencing attack: two filters that differ by one small school', () => {
    // "Felt unsafe" for all Year 9 (120 pupils) and for Year 9 without School X (6 pupils):
    // 40 − 37 would tell the analyst that 3 of School X's 6 pupils felt unsafe.
    const schoolX = ids('x', 6);
    const others = ids('o', 114);
    const guard = new DifferencingGuard(10);
    expect(guard.show([...others, ...schoolX]).ok).toBe(true);
    expect(guard.show(others)).toEqual({ ok: false, reason: 'difference below threshold', revealed: 6 });
    // The refused figure was not recorded, so it cannot block or enable others.
    expect(guard.show(ids('o', 100)).ok).toBe(true);
  });
  it('catches the attack in either order and with overlapping filters', () => {
    const guard = new DifferencingGuard();
    guard.show(ids('a', 50));
    // Not nested: 45 of the first group plus 20 new people. The 5 left out are revealed.
    expect(guard.check([...ids('a', 45), ...ids('b', 20)])).toMatchObject({ ok: false, revealed: 5 });
    // Adding 3 people to a shown group reveals them too.
    expect(guard.check([...ids('a', 50), ...ids('c', 3)])).toMatchObject({ ok: false, revealed: 3 });
    // Disjoint groups reveal nothing by difference.
    expect(guard.check(ids('d', 12)).ok).toBe(true);
    expect(guard.check(ids('a', 50)).ok).toBe(true);
  });
  it('refuses groups below the threshold outright', () => {
    expect(new DifferencingGuard(10).show(ids('a', 9))).toMatchObject({ ok: false, reason: 'base below threshold' });
  });
});
