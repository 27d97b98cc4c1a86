// The core of secondary suppression, independent of table shape: entries
// (cells and totals) and additive lines (row, column: cells sum to a total).

export interface Protection {
  /** Values of every entry (cells and totals). */
  values: number[];
  /** Each line lists entry indices; the last one is the line's total. */
  lines: number[][];
  /** Entries hidden by primary suppression. */
  primary: Set<number>;
  /** Lower rank is chosen first as a complement (e.g. cells 0, totals 1, grand total 2). */
  rank: number[];
  /**
   * The fewest people a figure may rest on. In a line whose total is shown,
   * the hidden entries' sum is the total less the shown ones: it must be 0
   * (nothing hidden) or at least this. Default 1: only a sum of 0 is refused.
   */
  threshold?: number;
}

/**
 * Hide complementary entries until no hidden entry can be worked out from
 * the visible ones. First the usual rule (no line with exactly one hidden
 * entry; the complement is the smallest visible entry in that line, cells
 * before totals), then an exact check: a hidden entry is recoverable when
 * the line equations determine it alone (Gaussian elimination); any such
 * entry gets another complement in its lines, and the loop repeats. Last,
 * the mass rule: a line with a shown total whose hidden entries add up to
 * less than the threshold (a hidden 0 adds nothing) gets its smallest shown
 * entry above 0 hidden too, or failing that its total.
 * Returns the set of entries hidden for secondary reasons.
 */
export function secondarySuppression({ values, lines, primary, rank, threshold = 1 }: Protection): Set<number> {
  const hidden = new Set(primary);
  const secondary = new Set<number>();
  const hideSmallestIn = (line: number[]): boolean => {
    const candidates = line.filter((e) => !hidden.has(e));
    if (candidates.length === 0) return false;
    candidates.sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0) || (values[x] ?? 0) - (values[y] ?? 0) || x - y);
    const chosen = candidates[0] as number;
    hidden.add(chosen);
    secondary.add(chosen);
    return true;
  };
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (line.filter((e) => hidden.has(e)).length === 1 && hideSmallestIn(line)) changed = true;
      }
    }
    const exposed = recoverable(hidden, lines);
    const light = lightLines(hidden, lines, values, threshold);
    if (exposed.length === 0 && light.length === 0) return secondary;
    let progressed = false;
    for (const entry of exposed) {
      const line = lines.find((l) => l.includes(entry) && l.some((e) => !hidden.has(e)));
      if (line && hideSmallestIn(line)) progressed = true;
    }
    // The total less the shown cells is the hidden cells' sum: below the
    // threshold it is a small number shown (and if 0, as counts are never
    // negative, every hidden cell is 0). Hiding a visible cell above 0 in the
    // line (or, failing that, its total) adds to it.
    for (const line of light) {
      if (hidden.has(line[line.length - 1] as number)) continue;
      const cells = line.slice(0, -1).filter((e) => !hidden.has(e) && (values[e] ?? 0) > 0);
      if (hideSmallestIn(cells.length > 0 ? cells : line.slice(-1))) progressed = true;
    }
    if (!progressed) return secondary;
  }
}

/**
 * Lines whose total is shown and whose hidden cells add up to less than the
 * threshold: that sum is the total less the shown cells, so anyone can work
 * it out (and a sum of 0 gives away that each hidden cell is 0).
 */
export function lightLines(hidden: Set<number>, lines: number[][], values: number[], threshold: number): number[][] {
  return lines.filter((line) => {
    const total = line[line.length - 1] as number;
    const hiddenCells = line.slice(0, -1).filter((e) => hidden.has(e));
    return !hidden.has(total) && hiddenCells.length > 0 && sumOf(hiddenCells, values) < threshold;
  });
}

const sumOf = (entries: number[], values: number[]): number => entries.reduce((s, e) => s + (values[e] ?? 0), 0);

/** Lines whose total is shown and whose hidden cells are all 0 (the mass rule at threshold 1). */
export function zeroSumLines(hidden: Set<number>, lines: number[][], values: number[]): number[][] {
  return lightLines(hidden, lines, values, 1);
}

/** Hidden entries whose value follows from the line equations alone. */
export function recoverable(hidden: Set<number>, lines: number[][]): number[] {
  const unknowns = [...hidden];
  const column = new Map(unknowns.map((e, i) => [e, i]));
  const rows = lines
    .map((line) => {
      const row = new Array<number>(unknowns.length).fill(0);
      for (const e of line) {
        const c = column.get(e);
        // Totals are the line sum: cells − total = 0, so the total has −1.
        if (c !== undefined) row[c] = e === line[line.length - 1] ? -1 : 1;
      }
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  // Reduced row echelon form.
  let pivotRow = 0;
  const pivots: Array<[number, number]> = [];
  for (let c = 0; c < unknowns.length && pivotRow < rows.length; c++) {
    const r = rows.findIndex((row, i) => i >= pivotRow && Math.abs(row[c] ?? 0) > 1e-9);
    if (r < 0) continue;
    [rows[pivotRow], rows[r]] = [rows[r] as number[], rows[pivotRow] as number[]];
    const p = rows[pivotRow] as number[];
    const scale = p[c] as number;
    for (let k = 0; k < p.length; k++) p[k] = (p[k] as number) / scale;
    rows.forEach((row, i) => {
      const f = row[c] as number;
      if (i === pivotRow || Math.abs(f) < 1e-12) return;
      for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) - f * (p[k] as number);
    });
    pivots.push([pivotRow, c]);
    pivotRow++;
  }
  return pivots.filter(([r, c]) => (rows[r] as number[]).every((v, k) => k === c || Math.abs(v) < 1e-9)).map(([, c]) => unknowns[c] as number);
}
