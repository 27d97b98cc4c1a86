// Bystander podcast votes: officers and admins set them up, add the pupils'
// podcasts, take an entry down, make voting codes, review held votes and
// publish the results. No one sees running totals while a vote is open.
import type { StaffRole } from '@safer-voices/db';

export const votePolicy = {
  view: ['officer', 'admin'],
  edit: ['officer', 'admin'],
  publish: ['officer', 'admin'],
  review: ['officer', 'admin']
} as const satisfies Record<string, readonly StaffRole[]>;
