import { signedIn } from '#lib/server/staff-api.ts';
import type { LayoutServerLoad } from './$types';

// Only what the header shows; the session's CSRF token stays on the server.
export const load: LayoutServerLoad = async (event) => {
  const who = await signedIn(event);
  return { signedIn: who && { name: who.staff.name, organisation: who.organisation.name, roles: who.roles } };
};
