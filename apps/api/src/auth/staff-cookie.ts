// The session cookie for browsers: httpOnly (page scripts cannot read it),
// SameSite=Lax (not sent on cross-site posts), Secure on https.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_MAX_MS } from './sessions';

export const STAFF_COOKIE = 'sv_staff';

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:';

export function setStaffCookie(c: Context, token: string) {
  setCookie(c, STAFF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: secure(c), path: '/', maxAge: SESSION_MAX_MS / 1000 });
}

export function clearStaffCookie(c: Context) {
  deleteCookie(c, STAFF_COOKIE, { httpOnly: true, sameSite: 'Lax', secure: secure(c), path: '/' });
}
