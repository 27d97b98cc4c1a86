import { may } from '@safer-voices/api/policies';
import { type FieldError, parseForm, staffInviteInput, staffRolesInput } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { isRole, ROLES } from '#lib/components/staff/roles.ts';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs, type StaffRole } from '#lib/server/staff-api.ts';
import { checkedValues, errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const WHAT = 'manage the team';

// The API checks the same inputs with the same schemas.
const KNOWN_ROLES = ROLES.map((r) => r.role) as [StaffRole, ...StaffRole[]];
const RolesInput = staffRolesInput(KNOWN_ROLES);
const InviteInput = staffInviteInput(KNOWN_ROLES);

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'staff', 'manage', WHAT);
  const res = await apiAs(event, who).api.staff.$get({ query: {} });
  if (!res.ok) error(res.status === 403 ? 403 : 500, { message: (await failureOf(res)).message });
  const { staff } = await res.json();
  return { organisation: who.organisation.name, me: who.staff.id, staff };
};

export const actions: Actions = {
  roles: async (event) => {
    const who = await requirePolicy(event, 'staff', 'manage', WHAT);
    const form = await event.request.formData();
    const id = textField(form, 'id');
    const roles = checkedValues(form, 'roles').filter(isRole);
    const refused = (status: number, errors: FieldError[]) => fail(status, { roles: { id, checked: roles, errors } });
    const input = parseForm(RolesInput, { roles }, ['roles'], 'roles');
    if (!input.ok) return refused(400, input.errors);

    const res = await apiAs(event, who).api.staff[':id'].roles.$put({ param: { id }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      // The last-admin refusal (409) explains itself best in the API's own words.
      if (failure.status === 409 || failure.status === 404) return refused(failure.status, [{ field: 'roles', message: failure.message }]);
      if (failure.status === 400) return refused(400, errorsFrom(failure, ['roles'], 'roles'));
      throw new Error(`Changing roles failed: ${failure.status} ${failure.message}`);
    }
    const { staff } = await res.json();
    // Someone who changed their own roles must be looked up again, or this page would show them as before.
    if (staff.id === who.staff.id) {
      event.locals.staff = undefined;
      // An admin who gave up the role (another admin remains) may no longer see this page.
      if (!may(staff, 'staff', 'manage')) redirect(303, '/staff');
    }
    return { saved: { id: staff.id, name: staff.name, roles: staff.roles } };
  },

  invite: async (event) => {
    const who = await requirePolicy(event, 'staff', 'manage', WHAT);
    const form = await event.request.formData();
    const values = { email: textField(form, 'email').trim(), roles: checkedValues(form, 'roles').filter(isRole) };
    const input = parseForm(InviteInput, values, ['email', 'roles'], 'email');
    if (!input.ok) return fail(400, { invite: { values, errors: input.errors } });

    const res = await apiAs(event, who).api.staff.invites.$post({ json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      if (failure.status === 400 || failure.status === 409) {
        return fail(failure.status, { invite: { values, errors: errorsFrom(failure, ['email', 'roles'], 'email') } });
      }
      throw new Error(`Inviting failed: ${failure.status} ${failure.message}`);
    }
    const { invite, path } = await res.json();
    // The whole address, ready to paste into an e-mail or message.
    return { invited: { email: invite.email, roles: invite.roles, expiresAt: invite.expiresAt, link: new URL(path, event.url.origin).href } };
  }
};
