// What an officer enters to group questionnaires into a series and its
// waves, and what a strategy author enters for priorities and measures of
// success: one schema each, read by the API and by the staff pages' forms.
// Names and titles need something visible in them and are counted as a
// person counts characters, without bidi controls (see short-text.ts).
import { z } from 'zod';
import { requiredShortText, textUpTo } from './short-text';

const Id = z.string().min(1).max(100);

/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-06-15')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Enter a real date, like 2026-06-15');

export const SeriesInputSchema = z.strictObject({
  name: requiredShortText({ empty: 'Enter a name for the series, like “Youth safety survey”', most: 120, what: 'The name' }),
  description: textUpTo(2000, 'The description').default('')
});

export const WaveInputSchema = z.strictObject({
  label: requiredShortText({ empty: 'Enter a name for the wave, like “2026”', most: 60, what: 'The wave’s name' }),
  fieldworkDate: CalendarDate,
  questionnaireIds: z
    .array(Id)
    .max(20, 'A wave can hold at most 20 questionnaires')
    .refine((ids) => new Set(ids).size === ids.length, 'Choose each questionnaire once')
    .default([])
});

export const PriorityInputSchema = z.strictObject({
  title: requiredShortText({ empty: 'Enter the priority, like “Perception of safety”', most: 200, what: 'The priority' })
});

export const SuccessMeasureInputSchema = z
  .strictObject({
    priorityId: Id,
    name: requiredShortText({ empty: 'Enter a name for the measure of success', most: 200, what: 'The name' }),
    seriesId: Id,
    /** A measure key (with a grid row: `safe_places.town_centre`)… */
    measureKey: z.string().trim().min(1).max(120).optional(),
    /** …or a theme id: exactly one of the two. */
    themeId: z.string().trim().min(1).max(120).optional(),
    baselineWaveId: Id,
    direction: z.enum(['increase', 'decrease'], { message: 'Choose whether the figure should go up or down' }),
    targetPoints: z.coerce
      .number({ message: 'Enter the change wanted in percentage points, like 5' })
      .positive('Enter the change wanted in percentage points, more than 0')
      .max(100, 'The change wanted cannot be more than 100 points'),
    targetDate: CalendarDate
  })
  .refine((m) => (m.measureKey === undefined) !== (m.themeId === undefined), { message: 'Choose a measure or a theme', path: ['measureKey'] });

export type SeriesInput = z.infer<typeof SeriesInputSchema>;
export type WaveInput = z.infer<typeof WaveInputSchema>;
export type PriorityInput = z.infer<typeof PriorityInputSchema>;
export type SuccessMeasureInput = z.infer<typeof SuccessMeasureInputSchema>;

/** A population share in per cent, as typed: "36", "36.5", "36%". */
const Share = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().replace(/%$/, '').trim() : v),
  z.coerce
    .number({ message: 'Enter a share in per cent, like 36' })
    .refine((n) => Number.isFinite(n), 'Enter a share in per cent, like 36')
    .refine((n) => n > 0, 'Enter a share more than 0, or leave it blank')
    .refine((n) => n <= 100, 'A share cannot be more than 100%')
);

/** How far a weighted total may be from 100% and still be taken as typed (shares are often rounded). */
export const SHARE_TOTAL_SLACK = 0.5;

/**
 * Population margins to weight a series to (raking): for each variable chosen
 * (`group`, `school` or `question:<id>`), each category's share of the
 * population in per cent, adding up to 100. Categories left out, and people
 * who did not answer, keep their share of the sample. Weights are trimmed to
 * the bounds given (relative to the mean weight of 1).
 */
export const WeightingInputSchema = z.strictObject({
  variables: z
    .array(
      z.strictObject({
        key: z.string().trim().min(1).max(200),
        shares: z.record(z.string().max(200), Share)
      })
    )
    .min(1, 'Enter the population shares for at least one of the groups')
    .max(4, 'Weight by at most 4 variables')
    .superRefine((variables, ctx) => {
      const seen = new Set<string>();
      variables.forEach((variable, i) => {
        if (seen.has(variable.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Choose each variable once' });
        seen.add(variable.key);
        const values = Object.values(variable.shares);
        const total = values.reduce((s, v) => s + v, 0);
        if (values.length < 2) ctx.addIssue({ code: 'custom', path: [i, 'shares'], message: 'Enter the shares of at least two groups' });
        else if (Math.abs(total - 100) > SHARE_TOTAL_SLACK)
          ctx.addIssue({ code: 'custom', path: [i, 'shares'], message: `The shares must add up to 100%; they add up to ${Math.round(total * 10) / 10}%` });
      });
    }),
  trim: z
    .strictObject({
      lower: z.coerce.number({ message: 'Enter the smallest weight, like 0.3' }).min(0.05, 'The smallest weight must be 0.05 or more').max(1, 'The smallest weight must be 1 or less'),
      upper: z.coerce.number({ message: 'Enter the largest weight, like 3' }).min(1, 'The largest weight must be 1 or more').max(20, 'The largest weight must be 20 or less')
    })
    .default({ lower: 0.3, upper: 3 })
});

export type WeightingInput = z.infer<typeof WeightingInputSchema>;
