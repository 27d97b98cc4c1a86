// The organisation's codebook of themes. Those who explore findings read it,
// since the findings are told in its themes; analysts and admins change it.
import type { StaffRole } from '@safer-voices/db';

export const codebookPolicy = {
  view: ['analyst', 'officer', 'author', 'admin'],
  edit: ['analyst', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
