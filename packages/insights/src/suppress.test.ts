import { describe, expect, it } from 'vitest';
import { recoverable } from './protect';
import { type Figure, suppress, type TwoWayResult } from './suppress';

/**
 * An attacker with the published table: solve any line with one unknown,
 * and, as no count is negative, any line whose unknown cells must add up to
 * 0, repeatedly.
 */
function attack(t: TwoWayResult): number {
  const grid: Array<Array<number | null>> = [...t.cells.map((row, r) => [...row.map((f) => f.count), t.rowTotals[r]?.count ?? null]), [...t.columnTotals.map((f) => f.count), t.total.count]];
  let recovered = 0;
  for (let changed = true; changed; ) {
    changed = false;
    const lines: Array<Array<[number, number]>> = [
      ...grid.map((row, r) => row.map((_, c) => [r, c] as [number, number])),
      ...(grid[0] ?? []).map((_, c) => grid.map((_, r) => [r, c] as [number, number]))
    ];
    for (const line of lines) {
      const unknown = line.filter(([r, c]) => grid[r]?.[c] === null);
      const [lr, lc] = line[line.length - 1] as [number, number];
      const lineTotal = grid[lr]?.[lc];
      const shownCells = line.slice(0, -1).reduce((sum, [r, c]) => sum + (grid[r]?.[c] ?? 0), 0);
      if (unknown.length > 1 && lineTotal !== null && lineTotal !== undefined && lineTotal - shownCells === 0) {
        for (const [r, c] of unknown) (grid[r] as Array<number | null>)[c] = 0;
        recovered += unknown.length;
        changed = true;
        continue;
      }
      if (unknown.length !== 1) continue;
      const [ur, uc] = unknown[0] as [number, number];
      const parts = line.slice(0, -1).map(([r, c]) => grid[r]?.[c] ?? 0);
      const [tr, tc] = line[line.length - 1] as [number, number];
      const total = grid[tr]?.[tc] ?? 0;
      const known = parts.reduce((s, v) => s + v, 0);
      (grid[ur] as Array<number | null>)[uc] = ur === tr && uc === tc ? known : total - known;
      recovered++;
      changed = true;
    }
  }
  return recovered;
}

const hiddenCount = (figures: Figure[]) => figures.filter((f) => f.count === null).length;

describe('suppress: one-way tables', () => {
  it('hides a small count and the next-smallest so the total cannot give it away', () => {
    const t = suppress([3, 40, 25, 12]);
    expect(t.cells.map((f) => f.count)).toEqual([null, 40, 25, null]);
    expect(t.cells[0]).toMatchObject({ suppressed: 'primary', reason: 'count below threshold', percent: null });
    expect(t.cells[3]).toMatchObject({ suppressed: 'secondary', percent: null, lower: null });
    expect(t.total.count).toBe(80);
    expect(t.cells[1]?.percent).toBeCloseTo(50, 10);
    expect(t.cells[1]?.lower).toBeCloseTo(39.3, 2);
    expect(t.cells[1]?.base).toBe(80);
  });
  it('shows everything when every count meets the threshold', () => {
    const t = suppress([10, 30, 60]);
    expect(t.cells.every((f) => f.suppressed === null)).toBe(true);
    expect(t.cells.reduce((s, f) => s + (f.percent ?? 0), 0)).toBeCloseTo(100, 10);
  });
  it('hides everything when the base is below the threshold', () => {
    const t = suppress([2, 3, 0]);
    expect(t.total).toMatchObject({ count: null, suppressed: 'primary' });
    expect(t.cells.every((f) => f.count === null && f.percent === null)).toBe(true);
  });
  it('uses the threshold setting and can show zeros', () => {
    expect(suppress([6, 0, 20], { threshold: 5, showZeros: true }).cells.map((f) => f.count)).toEqual([6, 0, 20]);
    expect(suppress([6, 0, 20], { threshold: 5 }).cells.map((f) => f.count)).toEqual([null, null, 20]);
    expect(() => suppress([1], { threshold: 0 })).toThrow(RangeError);
    expect(() => suppress([1.5, 2])).toThrow(RangeError);
  });
});

describe('suppress: two-way tables', () => {
  // Rows: three schools. Columns: feel safe / unsafe / don't know.
  const table = [
    [40, 12, 15],
    [30, 4, 20],
    [25, 18, 11]
  ];

  it('hides the small cell and enough complements that no line gives it away', () => {
    const t = suppress(table);
    expect(t.cells[1]?.[1]).toMatchObject({ count: null, suppressed: 'primary' });
    expect(t.cells.flat().filter((f) => f.suppressed === 'secondary').length).toBeGreaterThanOrEqual(3);
    for (const row of t.cells) expect([0, 2, 3]).toContain(hiddenCount(row));
    expect(attack(t)).toBe(0);
    expect(t.rowTotals.map((f) => f.count)).toEqual([67, 54, 54]);
    expect(t.total.count).toBe(175);
  });

  it('computes row percentages only from shown counts and bases', () => {
    const t = suppress(table);
    const shown = t.cells[0]?.[0];
    expect(shown?.percent).toBeCloseTo((40 / 67) * 100, 10);
    expect(shown?.base).toBe(67);
    expect(suppress(table, { percentOf: 'column' }).cells[0]?.[0]?.base).toBe(95);
    expect(suppress(table, { percentOf: 'total' }).cells[0]?.[0]?.base).toBe(175);
  });

  it('hides a whole small group and protects its total too', () => {
    const t = suppress([
      [40, 12, 15],
      [2, 4, 0],
      [25, 18, 11],
      [30, 22, 14]
    ]);
    expect(t.cells[1]?.every((f) => f.count === null)).toBe(true);
    expect(t.rowTotals[1]).toMatchObject({ count: null, suppressed: 'primary' });
    // Another row total must go, or the grand total would give the small group away.
    expect(hiddenCount(t.rowTotals)).toBeGreaterThanOrEqual(2);
    expect(attack(t)).toBe(0);
  });

  it('leaves no hidden figure recoverable on random tables', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      const rows = 2 + Math.floor(random() * 4);
      const cols = 2 + Math.floor(random() * 4);
      const grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() * (random() < 0.3 ? 10 : 60))));
      const t = suppress(grid);
      expect(attack(t)).toBe(0);
      for (const row of t.cells) for (const f of row) if ((f.count ?? 10) < 10) throw new Error('small count shown');
    }
  });

  it('does not let hidden zeros be worked out from a total that the shown cells already make up', () => {
    // Saw violence online, by school: all 10 at the first school. With only the zeros
    // hidden, 10 − 10 = 0 would tell that nobody at the other two did.
    const t = suppress([
      [10, 0, 0],
      [16, 16, 20]
    ]);
    expect(t.cells[0]?.slice(1).every((f) => f.count === null)).toBe(true);
    expect(t.rowTotals[0]?.count === null || t.cells[0]?.[0]?.count === null).toBe(true);
    expect(attack(t)).toBe(0);
  });

  it('finds a cell that line equations determine together', () => {
    // Two hidden entries in one line with a known total: neither is determined.
    // One hidden entry alone: determined. A chain (1 from line [1, 7], then 0, then 2): all determined.
    expect(recoverable(new Set([0, 1]), [[0, 1, 4]])).toEqual([]);
    expect(recoverable(new Set([0]), [[0, 1, 4]])).toEqual([0]);
    expect(
      recoverable(new Set([0, 1, 2]), [
        [0, 1, 4],
        [2, 3, 5],
        [0, 2, 6],
        [1, 7]
      ])
    ).toEqual([0, 1, 2]);
  });
});

describe('columns and cells withheld for differencing', () => {
  it('are hidden whatever their counts, with complements so they cannot be worked out', () => {
    const table = [
      [20, 30, 40],
      [25, 35, 45]
    ];
    const column = suppress(table, { withheldColumns: [1] });
    expect(column.cells.map((row) => row[1]?.reason)).toEqual(['difference below threshold', 'difference below threshold']);
    expect(column.columnTotals[1]).toMatchObject({ count: null, reason: 'difference below threshold' });
    // Each row total less the shown cells would give the hidden one: another cell in each row goes.
    expect(column.cells.every((row) => row.filter((f) => f.count === null).length >= 2)).toBe(true);
    const cell = suppress(table, { withheldCells: [[0, 2]] });
    expect(cell.cells[0]?.[2]).toMatchObject({ count: null, reason: 'difference below threshold' });
    expect(cell.cells.flat().filter((f) => f.suppressed === 'secondary').length).toBeGreaterThan(0);
    // A small cell keeps its own reason.
    expect(suppress([[4, 30]], { withheldCells: [[0, 0]] }).cells[0]?.[0]?.reason).toBe('count below threshold');
  });
});
