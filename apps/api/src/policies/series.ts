// Series of repeated surveys and their waves, and the measures over time they
// give. Those who explore findings see them; officers, who field the surveys,
// and admins group questionnaires into series and waves; analysts, who know
// the population figures, weight them.
import type { StaffRole } from '@safer-voices/db';

export const seriesPolicy = {
  view: ['analyst', 'officer', 'author', 'admin'],
  manage: ['officer', 'admin'],
  weight: ['analyst', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
