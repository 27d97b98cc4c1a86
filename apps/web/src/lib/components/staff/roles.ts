// Staff roles in the words the console uses, in the order it shows them.
// The API's README describes what each role may do.
import type { StaffRole } from '#lib/server/staff-api.ts';

export const ROLES = [
  { role: 'admin', label: 'Admin', can: 'invite staff and change their roles' },
  { role: 'officer', label: 'Officer', can: 'design and publish questionnaires' },
  { role: 'analyst', label: 'Analyst', can: 'explore what people said, review the coded themes and keep the codebook' },
  { role: 'author', label: 'Report author', can: 'explore the findings that reports draw on' },
  { role: 'safeguarding_lead', label: 'Safeguarding lead', can: 'see flagged disclosures' }
] as const satisfies readonly { role: StaffRole; label: string; can: string }[];

/** In the console's order, whatever order they came in (the API sorts them by name). */
export const roleList = (roles: readonly string[]) =>
  ROLES.filter((r) => roles.includes(r.role))
    .map((r) => r.label)
    .join(', ');

export const isRole = (value: string): value is StaffRole => ROLES.some((r) => r.role === value);
