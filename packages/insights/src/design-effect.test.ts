import { describe, expect, it } from 'vitest';
import { clusterDesignEffect, RHO_FLOOR } from './design-effect';

describe('clusterDesignEffect', () => {
  it('is 1 + (m − 1)ρ with ρ from the data when schools differ', () => {
    // Four schools of 50: 10%, 30%, 50%, 70% answer yes — pupils of one school are alike.
    const r = clusterDesignEffect([
      { successes: 5, n: 50 },
      { successes: 15, n: 50 },
      { successes: 25, n: 50 },
      { successes: 35, n: 50 }
    ]);
    expect(r.meanClusterSize).toBe(50);
    expect(r.rhoEstimated).toBeGreaterThan(0.1);
    expect(r.floored).toBe(false);
    expect(r.designEffect).toBeCloseTo(1 + 49 * r.rho, 10);
    expect(r.designEffect).toBeGreaterThan(5);
  });
  it('floors ρ when schools answer alike, so clustering is never free', () => {
    const r = clusterDesignEffect([
      { successes: 20, n: 40 },
      { successes: 20, n: 40 },
      { successes: 20, n: 40 }
    ]);
    expect(r.rhoEstimated).toBeLessThan(RHO_FLOOR);
    expect(r).toMatchObject({ rho: RHO_FLOOR, floored: true });
    expect(r.designEffect).toBeCloseTo(1 + 39 * RHO_FLOOR, 10);
  });
  it('weights the mean cluster size by size (Σm² / Σm)', () => {
    const r = clusterDesignEffect([
      { successes: 10, n: 90 },
      { successes: 5, n: 10 }
    ]);
    expect(r.meanClusterSize).toBeCloseTo((90 * 90 + 10 * 10) / 100, 10);
  });
  it('is 1 when nobody came in a cluster (open-link answers are clusters of one)', () => {
    const r = clusterDesignEffect(Array.from({ length: 30 }, (_, i) => ({ successes: i % 2, n: 1 })));
    expect(r.designEffect).toBe(1);
  });
  it('uses the floor with a single school', () => {
    const r = clusterDesignEffect([{ successes: 30, n: 60 }]);
    expect(r).toMatchObject({ rhoEstimated: null, rho: RHO_FLOOR, floored: true });
    expect(r.designEffect).toBeCloseTo(1 + 59 * RHO_FLOOR, 10);
  });
  it('gives 1 with no respondents, and ignores empty schools', () => {
    expect(clusterDesignEffect([]).designEffect).toBe(1);
    expect(clusterDesignEffect([{ successes: 0, n: 0 }]).designEffect).toBe(1);
  });
});

describe('clusterDesignEffect with respondents in no school', () => {
  it('counts them as clusters of one, the same as listing each', () => {
    const schools = [
      { successes: 5, n: 50 },
      { successes: 30, n: 50 }
    ];
    const listed = clusterDesignEffect([...schools, ...Array.from({ length: 40 }, (_, i) => ({ successes: i < 15 ? 1 : 0, n: 1 }))]);
    const totalled = clusterDesignEffect(schools, RHO_FLOOR, { successes: 15, n: 40 });
    expect(totalled.designEffect).toBeCloseTo(listed.designEffect, 12);
    expect(totalled.rhoEstimated).toBeCloseTo(listed.rhoEstimated as number, 12);
    expect(totalled).toMatchObject({ clusters: 42, n: 140 });
  });
});
