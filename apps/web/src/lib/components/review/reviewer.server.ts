// Who may review answers and double-code: analysts and admins, as the API
// says (a safeguarding lead reads flagged answers in their own queue).
import { may } from '@safer-voices/api/policies';
import { error } from '@sveltejs/kit';
import { requireStaff, type SignedInStaff } from '#lib/server/staff-api.ts';

type StaffEvent = Parameters<typeof requireStaff>[0];

export const canReview = (roles: readonly string[]) => may({ roles }, 'answer', 'review');

export async function requireReviewer(event: StaffEvent): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!canReview(who.roles)) error(403, { message: 'Only analysts and admins can review and double-code answers.' });
  return who;
}

/** Theme ids ticked in a form. */
export function tickedThemes(form: FormData): string[] {
  return form.getAll('themes').filter((v): v is string => typeof v === 'string');
}
