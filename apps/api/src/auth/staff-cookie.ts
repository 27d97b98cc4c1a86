// The session cookie for browsers: httpOnly (page scripts cannot read it),
// SameSite=Lax (not sent on cross-site posts), Secure on https.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { config } from '../config';
import { SESSION_MAX_MS } from './sessions';

export const STAFF_COOKIE = 'sv_staff';

/** https directly, or behind a TLS-terminating proxy that says so in PROTOCOL_HEADER (as for the web server). */
function secure(c: Context): boolean {
  const header = config().PROTOCOL_HEADER;
  const forwarded = header ? c.req.header(header)?.split(',')[0]?.trim() : undefined;
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

export function setStaffCookie(c: Context, token: string) {
  setCookie(c, STAFF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: secure(c), path: '/', maxAge: SESSION_MAX_MS / 1000 });
}

export function clearStaffCookie(c: Context) {
  deleteCookie(c, STAFF_COOKIE, { httpOnly: true, sameSite: 'Lax', secure: secure(c), path: '/' });
}
