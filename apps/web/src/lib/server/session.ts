// The respondent's anonymous session: a random token in an httpOnly cookie
// with no expiry date, so it ends when the browser closes.
import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'sv_session';

export function sessionToken(cookies: Cookies): string | undefined {
  return cookies.get(COOKIE);
}

export function startSession(cookies: Cookies, url: URL, token: string) {
  cookies.set(COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export function endSession(cookies: Cookies, url: URL) {
  cookies.delete(COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
