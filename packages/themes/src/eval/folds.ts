/** Seeded fold assignment and summaries over several cross-validation seeds. */
import type { Report } from './metrics';

/** A small deterministic PRNG (mulberry32), so a seed always gives the same folds. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fold number of each answer when answers of one group (one source, one
 * writer) must stay together: groups are shuffled with the seed, then each,
 * largest first, goes to the fold with fewest answers so far. Answers with no
 * group are groups of their own.
 */
export function groupedFoldAssignment(groups: (string | undefined)[], folds: number, seed: number): number[] {
  const members = new Map<string, number[]>();
  groups.forEach((group, i) => {
    const key = group === undefined ? `#${i}` : `=${group}`;
    members.set(key, [...(members.get(key) ?? []), i]);
  });
  const shuffled = [...members.values()];
  const random = seededRandom(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as number[], shuffled[i] as number[]];
  }
  shuffled.sort((a, b) => b.length - a.length);
  const sizes = new Array<number>(folds).fill(0);
  const fold = new Array<number>(groups.length).fill(0);
  for (const group of shuffled) {
    const smallest = sizes.indexOf(Math.min(...sizes));
    for (const i of group) fold[i] = smallest;
    sizes[smallest] = (sizes[smallest] as number) + group.length;
  }
  return fold;
}

/**
 * Fold number (0 … folds − 1) of each of `count` answers: a seeded shuffle,
 * then dealt round-robin, so fold sizes differ by at most one.
 */
export function foldAssignment(count: number, folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Array<number>(count).fill(0);
  order.forEach((answer, position) => {
    fold[answer] = position % folds;
  });
  return fold;
}

export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export function spreadOf(values: number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const variance = values.length > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { mean: r(mean), sd: r(Math.sqrt(variance)), min: r(Math.min(...values)), max: r(Math.max(...values)) };
}

/** Cross-validation over several seeds: mean figures, plus the spread of the headline ones. */
export interface SeededReport extends Report {
  seeds: number[];
  spread: Record<'macro_f1' | 'micro_f1' | 'coverage_at_95' | 'safeguarding_precision' | 'safeguarding_recall' | 'safeguarding_likely_precision' | 'auto_coded_share' | 'auto_coded_precision', Spread>;
}

/** Averages per-seed reports; `answers_per_second` is measured once and passed in. */
export function summariseSeeds(reports: Report[], seeds: number[], answersPerSecond: number): SeededReport {
  const mean = (pick: (r: Report) => number) => spreadOf(reports.map(pick)).mean;
  const first = reports[0] as Report;
  const perTheme: Report['per_theme'] = {};
  for (const id of Object.keys(first.per_theme)) {
    const of = (r: Report) => r.per_theme[id] as Report['per_theme'][string];
    perTheme[id] = {
      precision: mean((r) => of(r).precision),
      recall: mean((r) => of(r).recall),
      f1: mean((r) => of(r).f1),
      support: of(first).support
    };
  }
  return {
    macro_f1: mean((r) => r.macro_f1),
    micro_f1: mean((r) => r.micro_f1),
    per_theme: perTheme,
    safeguarding: {
      precision: mean((r) => r.safeguarding.precision),
      recall: mean((r) => r.safeguarding.recall),
      likely: { precision: mean((r) => r.safeguarding.likely.precision), recall: mean((r) => r.safeguarding.likely.recall) }
    },
    coverage_at_95: mean((r) => r.coverage_at_95),
    auto_coded: { share: mean((r) => r.auto_coded.share), precision: mean((r) => r.auto_coded.precision), claimed: first.auto_coded.claimed },
    answers_per_second: Math.round(answersPerSecond),
    seeds,
    spread: {
      macro_f1: spreadOf(reports.map((r) => r.macro_f1)),
      micro_f1: spreadOf(reports.map((r) => r.micro_f1)),
      coverage_at_95: spreadOf(reports.map((r) => r.coverage_at_95)),
      safeguarding_precision: spreadOf(reports.map((r) => r.safeguarding.precision)),
      safeguarding_recall: spreadOf(reports.map((r) => r.safeguarding.recall)),
      safeguarding_likely_precision: spreadOf(reports.map((r) => r.safeguarding.likely.precision)),
      auto_coded_share: spreadOf(reports.map((r) => r.auto_coded.share)),
      auto_coded_precision: spreadOf(reports.map((r) => r.auto_coded.precision))
    }
  };
}

/** One line per headline figure: mean ± sd (min–max) over the seeds. */
export function formatSpread(r: SeededReport): string {
  const lines = [`over ${r.seeds.length} fold seeds (${r.seeds.join(', ')}): mean ± sd (min–max)`];
  for (const [name, s] of Object.entries(r.spread)) {
    lines.push(`  ${name.padEnd(24)} ${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`);
  }
  return lines.join('\n');
}
