import { AcceptInviteInput, type FieldError, parseForm } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { anonymousApi } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import { keepStaffSession } from '#lib/server/staff-session.ts';
import type { Actions } from './$types';

/** Problems with the link itself, not with what was typed: the form cannot fix them. */
const LINK_PROBLEMS = new Set(['invite_not_found', 'invite_used', 'invite_expired', 'invite_account_exists']);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = { name: textField(form, 'name').trim() };
    const password = textField(form, 'password');
    const confirm = textField(form, 'confirm');
    // The API checks the name and password with the same schema; typing the password twice is this form's own check.
    const input = parseForm(AcceptInviteInput, { name: values.name, password }, ['name', 'password'], 'password');
    const errors: FieldError[] = input.ok ? [] : input.errors;
    if (password && confirm !== password) errors.push({ field: 'confirm', message: 'The passwords do not match. Type the same password twice' });
    if (!input.ok || errors.length > 0) return fail(400, { values, errors, linkProblem: null });

    const res = await anonymousApi(event).api.auth['accept-invite'].$post({
      json: { token: event.params.token, ...input.data, mode: 'bearer' }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      // A malformed token (400 on `token`) is as unusable as an unknown one.
      const tokenIssue = failure.issues?.some((issue) => issue.field === 'token');
      if (LINK_PROBLEMS.has(failure.error) || tokenIssue) {
        const message = tokenIssue ? 'This invitation link is not right. Check you copied all of it, or ask your administrator for a new one.' : failure.message;
        return fail(failure.status === 400 ? 404 : failure.status, { values, errors: [] as FieldError[], linkProblem: message });
      }
      if (failure.status === 400 || failure.status === 422) return fail(failure.status, { values, errors: errorsFrom(failure, ['name', 'password'], 'password'), linkProblem: null });
      throw new Error(`Accepting an invitation failed: ${failure.status} ${failure.message}`);
    }
    const body = await res.json();
    if (!('token' in body)) throw new Error('A bearer sign-in gave no token');
    keepStaffSession(event.cookies, event.url, body.token, body.expiresAt);
    redirect(303, '/staff');
  }
};
