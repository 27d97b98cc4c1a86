import { redirect } from '@sveltejs/kit';
import { apiAs, requireStaff, signedIn } from '#lib/server/staff-api.ts';
import { forgetStaffSession } from '#lib/server/staff-session.ts';
import type { Actions, PageServerLoad } from './$types';

// Reached by GET only when someone follows a link or reloads after signing out.
export const load: PageServerLoad = async (event) => {
  await requireStaff(event);
};

export const actions: Actions = {
  default: async (event) => {
    const who = await signedIn(event);
    if (who) {
      // The API ends the session in the database; an old copy of the cookie is then worthless.
      const res = await apiAs(event, who).api.auth.logout.$post();
      // 401: the session had already ended, which is what signing out wants.
      const status: number = res.status;
      if (!res.ok && status !== 401) throw new Error(`Sign-out failed: ${res.status}`);
    }
    forgetStaffSession(event.cookies, event.url);
    redirect(303, '/staff/sign-in?signed-out');
  }
};
