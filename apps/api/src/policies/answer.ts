// Free-text answers and the themes they were coded into. Analysts and admins
// review the coding and code rounds of answers blind; officers may also ask
// for a questionnaire's answers to be coded now rather than in the background.
import type { StaffRole } from '@safer-voices/db';

export const answerPolicy = {
  review: ['analyst', 'admin'],
  code: ['officer', 'analyst', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
