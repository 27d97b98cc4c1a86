// Collections: text gathered elsewhere (consultations, focus groups) imported
// to be coded like survey answers. Analysts and admins import and read them.
import type { StaffRole } from '@safer-voices/db';

export const collectionPolicy = {
  manage: ['analyst', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
