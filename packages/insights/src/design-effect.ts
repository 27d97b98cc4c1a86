// The design effect of clustering: pupils in one school answer more alike
// than pupils drawn at random, so a school survey of n pupils carries the
// information of fewer. Kish's approximation deff = 1 + (m̄ − 1)ρ, with m̄ the
// size-weighted mean cluster size (Σ mᵢ² / Σ mᵢ, which reduces to the plain
// mean when schools are the same size) and ρ the intra-cluster correlation of
// the answer, estimated from the data by one-way analysis of variance.
//
// ρ is floored: with a handful of schools the estimate is noisy and often
// comes out at or below zero, which would claim that clustering costs nothing.
// The floor, 0.02, is the low end of school-level intra-class correlations
// reported for pupils' attitudes and feelings of safety in school surveys.
export const RHO_FLOOR = 0.02;

export interface Cluster {
  /** Respondents in the cluster who gave the answer counted. */
  successes: number;
  /** Respondents in the cluster. */
  n: number;
}

export interface ClusterDesignEffect {
  designEffect: number;
  /** ρ used: the estimate, or the floor when the estimate is lower or cannot be made. */
  rho: number;
  /** The ANOVA estimate before flooring; null with fewer than two clusters or no spread. */
  rhoEstimated: number | null;
  floored: boolean;
  /** Σ mᵢ² / Σ mᵢ. */
  meanClusterSize: number;
  clusters: number;
  n: number;
}

/**
 * ANOVA estimator of the intra-cluster correlation of a 0/1 answer (Donner
 * 1986). Respondents in no cluster (`singles`) are clusters of one, added in
 * closed form: they add to the between-cluster sum and to k, never to the
 * within-cluster sum.
 */
function anovaRho(clusters: Cluster[], singles: Cluster, n: number): number | null {
  const k = clusters.length + singles.n;
  if (k < 2 || n <= k) return null;
  const p = (clusters.reduce((s, c) => s + c.successes, 0) + singles.successes) / n;
  const singlesBetween = singles.successes * (1 - p) ** 2 + (singles.n - singles.successes) * p ** 2;
  const between = (clusters.reduce((s, c) => s + c.n * (c.successes / c.n - p) ** 2, 0) + singlesBetween) / (k - 1);
  const within = clusters.reduce((s, c) => s + c.successes * (1 - c.successes / c.n), 0) / (n - k);
  const m0 = (n - (clusters.reduce((s, c) => s + c.n * c.n, 0) + singles.n) / n) / (k - 1);
  const denominator = between + (m0 - 1) * within;
  return denominator > 0 ? (between - within) / denominator : null;
}

/**
 * Design effect for a proportion from clustered responses: one entry per
 * school, and `singles`, the respondents with no school code, each a cluster
 * of one (given as a total, however many there are).
 */
export function clusterDesignEffect(clusters: Cluster[], rhoFloor = RHO_FLOOR, singles: Cluster = { n: 0, successes: 0 }): ClusterDesignEffect {
  const used = clusters.filter((c) => c.n > 0);
  for (const c of [...used, singles]) {
    if (!(c.successes >= 0 && c.successes <= c.n)) throw new RangeError(`need 0 ≤ successes ≤ n, got ${c.successes}/${c.n}`);
  }
  const n = used.reduce((s, c) => s + c.n, 0) + singles.n;
  const meanClusterSize = n === 0 ? 0 : (used.reduce((s, c) => s + c.n * c.n, 0) + singles.n) / n;
  const rhoEstimated = anovaRho(used, singles, n);
  const rho = Math.min(1, Math.max(rhoFloor, rhoEstimated ?? rhoFloor));
  const designEffect = meanClusterSize <= 1 ? 1 : 1 + (meanClusterSize - 1) * rho;
  return { designEffect, rho, rhoEstimated, floored: rhoEstimated === null || rhoEstimated < rhoFloor, meanClusterSize, clusters: used.length + singles.n, n };
}
