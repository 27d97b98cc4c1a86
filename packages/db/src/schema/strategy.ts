// Measures over time. A series groups an organisation's repeated surveys
// ("Youth safety survey"); each wave of it (2025, 2026) holds the
// questionnaires fielded then — several age-banded versions may share a wave,
// their answers lining up by measure key. A strategy's priorities carry its
// measures of success, each tied to a measure key or a theme's prevalence in
// a series, with a baseline wave, a target change by a date and a direction.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { organisations, questionnaires } from './surveys';

/**
 * Population margins a series' waves are weighted to by raking: per variable
 * (`group`, `school` or `question:<id>`), each category's share of the
 * population as a fraction, the shares adding up to 1; and the bounds weights
 * are trimmed to.
 */
export interface SeriesWeighting {
  variables: { key: string; shares: Record<string, number> }[];
  trim: { lower: number; upper: number };
}

export const series = sqliteTable(
  'series',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Null: the series' figures are unweighted. */
    weighting: text('weighting', { mode: 'json' }).$type<SeriesWeighting>(),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('series_name').on(t.organisationId, t.name)]
);

export const waves = sqliteTable(
  'waves',
  {
    id: text('id').primaryKey(),
    seriesId: text('series_id')
      .notNull()
      .references(() => series.id),
    /** How people name it, e.g. "2026" or "Spring 2026". */
    label: text('label').notNull(),
    /** Orders the waves and places each in time for measures of success: the middle of its fieldwork. */
    fieldworkDate: integer('fieldwork_date', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt()
  },
  (t) => [uniqueIndex('waves_label').on(t.seriesId, t.label), index('waves_series_date').on(t.seriesId, t.fieldworkDate)]
);

/** The questionnaires fielded in a wave; a questionnaire belongs to one wave at most. */
export const waveQuestionnaires = sqliteTable(
  'wave_questionnaires',
  {
    waveId: text('wave_id')
      .notNull()
      .references(() => waves.id),
    questionnaireId: text('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id),
    createdAt: createdAt()
  },
  (t) => [primaryKey({ columns: [t.waveId, t.questionnaireId] }), uniqueIndex('wave_questionnaires_questionnaire').on(t.questionnaireId)]
);

export const strategyPriorities = sqliteTable(
  'strategy_priorities',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('strategy_priorities_organisation').on(t.organisationId, t.position)]
);

export const SUCCESS_DIRECTIONS = ['increase', 'decrease'] as const;

export const successMeasures = sqliteTable(
  'success_measures',
  {
    id: text('id').primaryKey(),
    priorityId: text('priority_id')
      .notNull()
      .references(() => strategyPriorities.id),
    name: text('name').notNull(),
    seriesId: text('series_id')
      .notNull()
      .references(() => series.id),
    /** A perception-of-safety measure key (packages/survey headlines)… */
    measureKey: text('measure_key'),
    /** …or a theme whose prevalence is the measure. */
    themeId: text('theme_id'),
    baselineWaveId: text('baseline_wave_id')
      .notNull()
      .references(() => waves.id),
    direction: text('direction', { enum: SUCCESS_DIRECTIONS }).notNull(),
    /** The change wanted, in percentage points, always positive: +5 points is 5. */
    targetPoints: real('target_points').notNull(),
    targetDate: integer('target_date', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt()
  },
  (t) => [
    index('success_measures_priority').on(t.priorityId),
    check('success_measure_one_kind', sql`(${t.measureKey} IS NULL) <> (${t.themeId} IS NULL)`),
    check('success_measure_target', sql`${t.targetPoints} > 0`)
  ]
);
