// Safeguarding flags: disclosures raised from answers. Only safeguarding leads
// see them, because they name what a child or resident disclosed.
import type { StaffRole } from '@safer-voices/db';

export const flagPolicy = {
  handle: ['safeguarding_lead']
} as const satisfies Record<string, readonly StaffRole[]>;
