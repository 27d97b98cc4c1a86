// The measure of success form's choices and values, shared by the pages and their servers.
export interface Choice {
  value: string;
  label: string;
}

export interface MeasureChoices {
  measures: Choice[];
  waves: Choice[];
}

/** The measure form as typed: the figure and the baseline each carry their series, `series|key` and `series|wave`. */
export interface MeasureValues {
  priorityId: string;
  name: string;
  measure: string;
  baseline: string;
  direction: string;
  targetPoints: string;
  targetDate: string;
}
