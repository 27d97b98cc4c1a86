// The organisation's strategy: its priorities and measures of success. Those
// who explore findings see each measure's status; strategy authors, officers
// and admins record the priorities, measures and targets.
import type { StaffRole } from '@safer-voices/db';

export const strategyPolicy = {
  view: ['analyst', 'officer', 'author', 'admin'],
  edit: ['author', 'officer', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
