// The staff session in the browser: the API's session token in the sv_staff
// cookie, under the same name and attributes the API itself would use, so a
// browser calling /api directly is signed in too. The web server sets it from
// a bearer-mode sign-in because a response from the in-process API cannot
// know whether the browser's connection was https (Secure) or not.
import type { Cookies } from '@sveltejs/kit';

export const STAFF_COOKIE = 'sv_staff';

const attributes = (url: URL) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' });

export function staffToken(cookies: Cookies): string | undefined {
  const token = cookies.get(STAFF_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/** Keep the session until the API ends it (its absolute limit); the idle limit is the API's to enforce. */
export function keepStaffSession(cookies: Cookies, url: URL, token: string, expiresAt: string) {
  cookies.set(STAFF_COOKIE, token, { ...attributes(url), expires: new Date(expiresAt) });
}

export function forgetStaffSession(cookies: Cookies, url: URL) {
  cookies.delete(STAFF_COOKIE, attributes(url));
}

/**
 * Where to go after signing in: only a path inside the staff console, so a
 * crafted link cannot send someone to another site ("//evil.example").
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !/^\/staff(\/[A-Za-z0-9_\-/]*)?$/.test(value) || value.includes('//')) return '/staff';
  return value;
}

export const signInPath = (returnTo: string) => (returnTo === '/staff' ? '/staff/sign-in' : `/staff/sign-in?return=${encodeURIComponent(returnTo)}`);
