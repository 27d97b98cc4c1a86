// A series' weighting: the population margins its waves are raked to. Shares
// are entered in per cent and kept as fractions adding up to exactly 1.
import { type Database, type SeriesWeighting, series } from '@safer-voices/db';
import type { WeightingInput } from '@safer-voices/survey';
import { eq } from 'drizzle-orm';
import { ApiError, type Issue } from '../errors';
import type { WeightingVariable } from './weighting';

export async function weightingOf(db: Database, seriesId: string): Promise<SeriesWeighting | null> {
  const [row] = await db.select({ weighting: series.weighting }).from(series).where(eq(series.id, seriesId));
  return row?.weighting ?? null;
}

/** The input as stored, refused with field issues when it names a variable or group the series does not have. */
export function storedWeighting(input: WeightingInput, variables: readonly WeightingVariable[]): SeriesWeighting {
  const issues: Issue[] = [];
  input.variables.forEach((entered, i) => {
    const known = variables.find((v) => v.key === entered.key);
    if (!known) {
      issues.push({ field: `variables.${i}.key`, message: 'The questionnaires of this series have no such variable to weight by' });
      return;
    }
    for (const category of Object.keys(entered.shares)) {
      if (!known.categories.some((c) => c.value === category)) issues.push({ field: `variables.${i}.shares`, message: `${known.label} has no group “${category}”` });
    }
  });
  if (issues.length > 0) throw new ApiError(400, 'invalid_weighting', issues[0]?.message ?? 'The weighting does not fit this series', issues);
  return {
    variables: input.variables.map(({ key, shares }) => {
      const total = Object.values(shares).reduce((s, v) => s + v, 0);
      return { key, shares: Object.fromEntries(Object.entries(shares).map(([category, share]) => [category, share / total])) };
    }),
    trim: input.trim
  };
}

export async function saveWeighting(db: Database, seriesId: string, weighting: SeriesWeighting | null): Promise<void> {
  await db.update(series).set({ weighting }).where(eq(series.id, seriesId));
}
