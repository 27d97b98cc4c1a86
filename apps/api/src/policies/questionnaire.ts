// Questionnaires, in the designer. Everyone on the staff may see what the
// organisation is asking; officers design and publish, and admins may too.
import type { StaffRole } from '@safer-voices/db';

export const questionnairePolicy = {
  view: ['officer', 'admin', 'analyst', 'author', 'safeguarding_lead'],
  design: ['officer', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
