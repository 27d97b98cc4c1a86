// The organisation's staff accounts: admins invite people and change roles.
import type { StaffRole } from '@safer-voices/db';

export const staffPolicy = {
  manage: ['admin']
} as const satisfies Record<string, readonly StaffRole[]>;
