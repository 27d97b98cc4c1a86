import { describe, expect, it } from 'vitest';
import { shownCount, shownCounts } from './shown-count';
import { SUPPRESSION_THRESHOLD } from './suppress';

describe('shownCount', () => {
  it('shows no count from 1 up to below the threshold', () => {
    for (let n = 1; n < SUPPRESSION_THRESHOLD; n++) expect(shownCount(n)).toEqual({ fewerThan: SUPPRESSION_THRESHOLD });
  });

  it('shows zero, and counts from the threshold up', () => {
    expect(shownCount(0)).toEqual({ count: 0 });
    expect(shownCount(SUPPRESSION_THRESHOLD)).toEqual({ count: SUPPRESSION_THRESHOLD });
    expect(shownCount(1234)).toEqual({ count: 1234 });
  });

  it('uses an organisation’s higher threshold', () => {
    expect(shownCount(15, 20)).toEqual({ fewerThan: 20 });
    expect(shownCount(20, 20)).toEqual({ count: 20 });
  });
});

describe('shownCounts (a total and its parts)', () => {
  it('shows every part when none is too small', () => {
    expect(shownCounts([0, 12, 40])).toEqual({ total: { count: 52 }, parts: [{ count: 0 }, { count: 12 }, { count: 40 }] });
  });

  it('says "fewer than" for the total and each part when the total is too small', () => {
    expect(shownCounts([3, 0, 4])).toEqual({ total: { fewerThan: 10 }, parts: [{ fewerThan: 10 }, { count: 0 }, { fewerThan: 10 }] });
  });

  it('hides every part but zeros when a small part could be worked out from the total', () => {
    expect(shownCounts([3, 40, 0])).toEqual({ total: { count: 43 }, parts: [{ hidden: true }, { hidden: true }, { count: 0 }] });
    // Two small parts that add up to 18 could only be 9 and 9.
    expect(shownCounts([9, 9, 30]).parts).toEqual([{ hidden: true }, { hidden: true }, { hidden: true }]);
  });
});
