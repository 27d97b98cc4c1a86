// Consultation reports: strategy authors compose and publish them from the
// figures and quotes; analysts and admins too. Clearing a flagged answer for
// quoting is the safeguarding lead's (see flag.ts: `handle`).
import type { StaffRole } from '@safer-voices/db';

export const reportPolicy = {
  view: ['author', 'analyst', 'admin'],
  edit: ['author', 'analyst', 'admin'],
  publish: ['author', 'analyst', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
