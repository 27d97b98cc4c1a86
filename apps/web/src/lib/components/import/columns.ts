// The preview's columns as the import form offers them: a first guess at the
// text and date columns, and the columns that can group rows.
import type { AppType } from '@safer-voices/api';
import type { hc, InferResponseType } from 'hono/client';

type PreviewBody = InferResponseType<ReturnType<typeof hc<AppType>>['api']['collections']['preview']['$post'], 200>;
/** A column as the API's preview describes it (collections/preview.ts). */
export type ColumnPreview = PreviewBody['preview']['columns'][number];

export interface ImportValues {
  name: string;
  textColumn: string;
  dateColumn: string;
  groupColumns: string[];
}

/** As in the API: a grouping column has 2 to 50 different values. */
export const MAX_GROUP_VALUES = 50;
export const MAX_GROUP_COLUMNS = 3;

export const canGroup = (c: ColumnPreview) => c.distinct >= 2 && c.distinct <= MAX_GROUP_VALUES;

/** The column with the longest examples is most likely the free text. */
export function guessTextColumn(columns: ColumnPreview[]): string {
  const length = (c: ColumnPreview) => c.samples.reduce((sum, s) => sum + s.length, 0) / Math.max(1, c.samples.length);
  return [...columns].sort((a, b) => length(b) - length(a))[0]?.name ?? '';
}

export function firstGuess(fileName: string, columns: ColumnPreview[]): ImportValues {
  return {
    name: fileName.replace(/\.(csv|xlsx|txt)$/i, ''),
    textColumn: guessTextColumn(columns),
    dateColumn: columns.find((c) => c.dates)?.name ?? '',
    groupColumns: []
  };
}

/** "3 different values", "more than 50 different values". */
export const distinctText = (c: ColumnPreview) => (c.distinct > MAX_GROUP_VALUES ? `more than ${MAX_GROUP_VALUES} different values` : `${c.distinct} different value${c.distinct === 1 ? '' : 's'}`);
