import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { isRole } from '#lib/components/staff/roles.ts';
import { failureOf } from '#lib/server/api.ts';
import { apiAs, requireRole } from '#lib/server/staff-api.ts';
import { checkedValues, errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const WHAT = 'manage the team';

export const load: PageServerLoad = async (event) => {
  const who = await requireRole(event, 'admin', WHAT);
  const res = await apiAs(event, who).api.staff.$get({ query: {} });
  if (!res.ok) error(res.status === 403 ? 403 : 500, { message: (await failureOf(res)).message });
  const { staff } = await res.json();
  return { organisation: who.organisation.name, me: who.staff.id, staff };
};

export const actions: Actions = {
  roles: async (event) => {
    const who = await requireRole(event, 'admin', WHAT);
    const form = await event.request.formData();
    const id = textField(form, 'id');
    const roles = checkedValues(form, 'roles').filter(isRole);
    const refused = (status: number, errors: FieldError[]) => fail(status, { roles: { id, checked: roles, errors } });
    if (roles.length === 0) return refused(400, [{ field: 'roles', message: 'Choose at least one role' }]);

    const res = await apiAs(event, who).api.staff[':id'].roles.$put({ param: { id }, json: { roles } });
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
      if (!staff.roles.includes('admin')) redirect(303, '/staff');
    }
    return { saved: { id: staff.id, name: staff.name, roles: staff.roles } };
  },

  invite: async (event) => {
    const who = await requireRole(event, 'admin', WHAT);
    const form = await event.request.formData();
    const values = { email: textField(form, 'email').trim(), roles: checkedValues(form, 'roles').filter(isRole) };
    const errors: FieldError[] = [];
    if (!values.email) errors.push({ field: 'email', message: 'Enter the e-mail address of the person you are inviting' });
    if (values.roles.length === 0) errors.push({ field: 'roles', message: 'Choose at least one role' });
    if (errors.length > 0) return fail(400, { invite: { values, errors } });

    const res = await apiAs(event, who).api.staff.invites.$post({ json: values });
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
