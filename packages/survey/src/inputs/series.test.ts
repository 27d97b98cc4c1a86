import { describe } from 'vitest';
import { PriorityInputSchema, SeriesInputSchema, SuccessMeasureInputSchema, WaveInputSchema } from './series';
import { checkShortTextField } from './short-text-field.testkit';

describe('a series', () => {
  describe('name', () => {
    checkShortTextField({
      schema: SeriesInputSchema,
      valid: { name: 'Youth safety survey' },
      field: 'name',
      empty: 'Enter a name for the series, like “Youth safety survey”',
      most: 120,
      tooLong: 'The name must be 120 characters or fewer'
    });
  });
  describe('description', () => {
    checkShortTextField({
      schema: SeriesInputSchema,
      valid: { name: 'Youth safety survey' },
      field: 'description',
      most: 2000,
      tooLong: 'The description must be 2,000 characters or fewer'
    });
  });
});

describe('a wave’s name', () => {
  checkShortTextField({
    schema: WaveInputSchema,
    valid: { label: '2026', fieldworkDate: '2026-06-15' },
    field: 'label',
    empty: 'Enter a name for the wave, like “2026”',
    most: 60,
    tooLong: 'The wave’s name must be 60 characters or fewer'
  });
});

describe('a priority', () => {
  checkShortTextField({
    schema: PriorityInputSchema,
    valid: { title: 'Perception of safety' },
    field: 'title',
    empty: 'Enter the priority, like “Perception of safety”',
    most: 200,
    tooLong: 'The priority must be 200 characters or fewer'
  });
});

describe('a measure of success’s name', () => {
  checkShortTextField({
    schema: SuccessMeasureInputSchema,
    valid: {
      priorityId: 'p1',
      name: 'Young people feel safe in the town centre',
      seriesId: 's1',
      measureKey: 'safe_places.town_centre',
      baselineWaveId: 'w1',
      direction: 'increase',
      targetPoints: 5,
      targetDate: '2027-06-15'
    },
    field: 'name',
    empty: 'Enter a name for the measure of success',
    most: 200,
    tooLong: 'The name must be 200 characters or fewer'
  });
});
