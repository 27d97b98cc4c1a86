// In-process API calls on behalf of a member of staff. The API sees them as
// it would the browser's own: the sv_staff cookie and, for changes, the
// X-CSRF-Token it hands out from GET /api/auth/me, sent from its own origin.
// (The handle hook has already refused form posts from other sites before
// this runs; see isCrossSiteRequest.)
import type { AppType } from '@safer-voices/api';
import { type RequestEvent, redirect } from '@sveltejs/kit';
import { hc, type InferResponseType } from 'hono/client';
import { api, type client } from './api.ts';
import { webConfig } from './config.ts';
import { forgetStaffSession, STAFF_COOKIE, signInPath, staffToken } from './staff-session.ts';

type StaffEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;
type MeBody = InferResponseType<typeof client.api.auth.me.$get, 200>;
export type StaffRole = MeBody['roles'][number];
export type SignedInStaff = Omit<MeBody, 'csrfToken'> & { csrfToken: string };

const IN_PROCESS = 'http://in-process';

function clientFor(event: StaffEvent, sessionHeaders: Record<string, string>) {
  // The API's origin check applies to these calls too: they come from its own (in-process) origin.
  const headers = { ...sessionHeaders, origin: IN_PROCESS };
  // The sign-in rate limit counts failures per network, so the API needs the
  // browser's address: directly, or in the proxy's header when it trusts one.
  const clientAddress = event.getClientAddress();
  const addressHeader = webConfig().ADDRESS_HEADER?.toLowerCase();
  const forwarded = addressHeader && event.request.headers.get(addressHeader);
  return hc<AppType>(IN_PROCESS, {
    headers: forwarded && addressHeader ? { ...headers, [addressHeader]: forwarded } : headers,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => api.fetch(new Request(input, init), { clientAddress })
  });
}

/** For signing in and accepting an invitation, before there is a session. */
export const anonymousApi = (event: StaffEvent) => clientFor(event, {});

/** The API as the signed-in person, allowed to make changes. */
export function apiAs(event: StaffEvent, who: SignedInStaff) {
  return clientFor(event, { cookie: `${STAFF_COOKIE}=${staffToken(event.cookies) ?? ''}`, 'x-csrf-token': who.csrfToken });
}

/** Who is signed in, asked of the API once per request however many loads and actions want to know. */
export function signedIn(event: StaffEvent): Promise<SignedInStaff | null> {
  event.locals.staff ??= lookUp(event);
  return event.locals.staff;
}

async function lookUp(event: StaffEvent): Promise<SignedInStaff | null> {
  const token = staffToken(event.cookies);
  if (!token) return null;
  const res = await clientFor(event, { cookie: `${STAFF_COOKIE}=${token}` }).api.auth.me.$get();
  if (res.status === 401) return null; // ended, signed out elsewhere, or the account was disabled
  if (!res.ok) throw new Error(`GET /api/auth/me answered ${res.status}`);
  const body = await res.json();
  if (!('csrfToken' in body) || !body.csrfToken) throw new Error('GET /api/auth/me gave no CSRF token for a cookie session');
  return { ...body, csrfToken: body.csrfToken };
}

/** Signed in, or off to the sign-in page with a way back here. */
export async function requireStaff(event: StaffEvent): Promise<SignedInStaff> {
  const who = await signedIn(event);
  if (who) return who;
  if (event.cookies.get(STAFF_COOKIE)) forgetStaffSession(event.cookies, event.url);
  redirect(303, signInPath(event.url.pathname));
}
