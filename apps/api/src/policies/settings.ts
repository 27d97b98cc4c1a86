// The organisation's settings. Admins change them; analysts may read them,
// since the settings decide what the findings show (the suppression threshold).
import type { StaffRole } from '@safer-voices/db';

export const settingsPolicy = {
  view: ['admin', 'analyst'],
  edit: ['admin']
} as const satisfies Record<string, readonly StaffRole[]>;
