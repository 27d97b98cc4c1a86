// What people said, explored: the published surveys and collections, their
// counts and cross-tabulations. Safeguarding leads read flagged answers in the
// safeguarding queue instead.
import type { StaffRole } from '@safer-voices/db';

export const findingsPolicy = {
  explore: ['analyst', 'officer', 'author', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
