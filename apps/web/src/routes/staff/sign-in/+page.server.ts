import { parseForm, SignInInput } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { anonymousApi, signedIn } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import { keepStaffSession, safeReturnPath } from '#lib/server/staff-session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const returnTo = safeReturnPath(event.url.searchParams.get('return'));
  if (await signedIn(event)) redirect(303, returnTo);
  return { signedOut: event.url.searchParams.has('signed-out') };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    // The password is never sent back to the page.
    const values = { email: textField(form, 'email').trim() };
    const password = textField(form, 'password');
    // The API checks the same input with the same schema.
    const input = parseForm(SignInInput, { email: values.email, password }, ['email', 'password'], 'email');
    if (!input.ok) return fail(400, { values, errors: input.errors });

    // Bearer mode hands the token to this server, which sets the cookie for the browser's own connection.
    const res = await anonymousApi(event).api.auth.login.$post({ json: { ...input.data, mode: 'bearer' } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 429) {
        event.setHeaders({ 'retry-after': res.headers.get('retry-after') ?? '900' });
        return fail(429, { values, errors: [{ field: 'email', message: failure.message }] });
      }
      if (failure.status === 401) return fail(401, { values, errors: [{ field: 'email', message: failure.message }] });
      if (failure.status === 400) return fail(400, { values, errors: errorsFrom(failure, ['email', 'password'], 'email') });
      throw new Error(`Sign-in failed: ${failure.status} ${failure.message}`);
    }
    const body = await res.json();
    if (!('token' in body)) throw new Error('A bearer sign-in gave no token');
    keepStaffSession(event.cookies, event.url, body.token, body.expiresAt);
    redirect(303, safeReturnPath(event.url.searchParams.get('return')));
  }
};
